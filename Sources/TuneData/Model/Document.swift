/// The formats tunedata reads, by the name written to the manifest ("pdf", "docx"...).
///
/// A struct rather than an enum so an extractor in its own file can add a format
/// (`extension DocumentFormat { static let toy = DocumentFormat(rawValue: "toy") }`) without
/// editing this one; it encodes as its bare name, as the enum it replaced did.
public struct DocumentFormat: RawRepresentable, Sendable, Hashable, Codable, CustomStringConvertible {
    public var rawValue: String

    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    public var description: String { rawValue }

    public static let html = DocumentFormat(rawValue: "html")
    public static let pdf = DocumentFormat(rawValue: "pdf")
    public static let text = DocumentFormat(rawValue: "text")
    public static let markdown = DocumentFormat(rawValue: "markdown")
    /// Word's WordprocessingML (Office Open XML).
    public static let docx = DocumentFormat(rawValue: "docx")
    /// OpenDocument Text.
    public static let odt = DocumentFormat(rawValue: "odt")
}

/// A document after extraction: its identity, metadata and text as blocks.
///
/// Made by an ``Extractor``; read by the chunker. Nothing downstream goes back to the file.
public struct Document: Sendable, Hashable, Codable {
    /// A stable identifier: a hash of the source path relative to the input root.
    public var id: String
    /// The path as the user named it (relative to the input root where possible).
    public var source: String
    public var format: DocumentFormat
    /// What kind of legal document it is (contract, regulation, opinion, policy, other), detected
    /// from its text after extraction; `nil` in documents decoded from files written before kinds.
    public var kind: DocumentKind?
    /// The title from the file's metadata or first heading; `nil` when nothing suitable was found.
    public var title: String?
    /// Free-form metadata (author, dates, language, canonical URL; keys in snake_case).
    public var metadata: [String: String]
    /// Number of pages for paged formats; `nil` otherwise.
    public var pageCount: Int?
    public var blocks: [Block]
    /// Recoverable problems met while extracting (image-only pages, undecodable bytes replaced...).
    public var warnings: [String]
    /// The pages read with OCR and their confidence; `nil` when OCR read none (and in older files).
    public var ocr: DocumentOCR?

    public init(
        id: String, source: String, format: DocumentFormat, title: String? = nil,
        metadata: [String: String] = [:], pageCount: Int? = nil, blocks: [Block],
        warnings: [String] = [], ocr: DocumentOCR? = nil
    ) {
        self.id = id
        self.source = source
        self.format = format
        self.title = title
        self.metadata = metadata
        self.pageCount = pageCount
        self.blocks = blocks
        self.warnings = warnings
        self.ocr = ocr
    }

    /// The whole text, blocks separated by blank lines: what `tunedata extract` prints.
    public var plainText: String {
        blocks.map(\.text).joined(separator: "\n\n")
    }
}
