/// The extractors tunedata knows, in the order format detection asks them.
///
/// Adding an input format is one new ``Extractor`` file and one line here: detection, the folder
/// walk's extension list and the `extract`/`convert` commands all read this list.
public enum ExtractorRegistry {
    /// Every extractor, binary signatures first (a PDF or ZIP signature is certain), then markup, then text.
    public static let all: [any Extractor] = [
        PDFExtractor(),
        WordExtractor(),
        OpenDocumentExtractor(),
        LegacyWordRefusal(),
        HTMLExtractor(),
        PlainTextExtractor(format: .text),
        PlainTextExtractor(format: .markdown),
    ]

    /// The extractor for a format, or `nil` when none is registered.
    public static func extractor(for format: DocumentFormat) -> (any Extractor)? {
        all.first { $0.format == format }
    }

    /// The extractor that claims a file extension (lower case, no dot).
    public static func extractor(forExtension ext: String) -> (any Extractor)? {
        all.first { $0.extensions.contains(ext) }
    }

    /// Every extension some extractor reads.
    public static var extensions: Set<String> {
        all.reduce(into: []) { $0.formUnion($1.extensions) }
    }
}
