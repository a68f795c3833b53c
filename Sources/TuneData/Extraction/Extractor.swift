public import Foundation

/// A file to extract: its bytes and the names it goes by.
public struct SourceFile: Sendable, Hashable {
    /// Where the bytes were read from.
    public var url: URL
    /// The path as shown to the user and written to provenance (relative to the input root).
    public var displayPath: String
    /// The document's stable id (see ``DocumentID``).
    public var documentID: String

    public init(url: URL, displayPath: String, documentID: String) {
        self.url = url
        self.displayPath = displayPath
        self.documentID = documentID
    }
}

/// Options every extractor may read.
///
/// `Codable` so a run's configuration can be written to the manifest.
public struct ExtractionOptions: Sendable, Hashable, Codable {
    /// Password for encrypted PDFs.
    public var password: String?
    /// Files larger than this are skipped with ``ExtractionError/tooLarge(bytes:limit:)``.
    public var maxFileBytes: Int
    /// Wall-clock limit for one file; `nil` for none.
    public var timeLimitSeconds: Double?
    /// Which PDF pages are read with OCR (default: those without text).
    public var ocr: OCRMode = .auto
    /// Tesseract languages, joined with "+" ("eng+deu").
    public var ocrLanguages = "eng"
    /// The Tesseract library to load instead of `libtesseract.so.5` (tests name a missing one).
    var tesseractLibrary: String?

    public init(
        password: String? = nil, maxFileBytes: Int = 512 << 20, timeLimitSeconds: Double? = 60,
        ocr: OCRMode = .auto, ocrLanguages: String = "eng"
    ) {
        self.password = password
        self.maxFileBytes = maxFileBytes
        self.timeLimitSeconds = timeLimitSeconds
        self.ocr = ocr
        self.ocrLanguages = ocrLanguages
    }

    private enum CodingKeys: String, CodingKey { case maxFileBytes, timeLimitSeconds, ocr, ocrLanguages }

    /// Decodes options; the OCR keys may be absent (manifests written before OCR).
    public init(from decoder: any Decoder) throws {
        let values = try decoder.container(keyedBy: CodingKeys.self)
        maxFileBytes = try values.decode(Int.self, forKey: .maxFileBytes)
        timeLimitSeconds = try values.decodeIfPresent(Double.self, forKey: .timeLimitSeconds)
        ocr = try values.decodeIfPresent(OCRMode.self, forKey: .ocr) ?? .auto
        ocrLanguages = try values.decodeIfPresent(String.self, forKey: .ocrLanguages) ?? "eng"
    }
}

/// Turns the bytes of one format into a ``Document``.
///
/// An extractor is a value with no shared mutable state, so one instance can serve every thread.
/// It reports failure by throwing ``ExtractionError``; recoverable problems go to
/// ``Document/warnings``.
///
/// Format detection (``FormatDetection``) and the folder walk (``InputDiscovery``) read the
/// extractors listed in ``ExtractorRegistry``: each says which file extensions it reads and how to
/// recognise its content, so adding a format is one new file and one line in that list.
public protocol Extractor: Sendable {
    /// The format this extractor reads.
    var format: DocumentFormat { get }
    /// The file extensions it reads, lower case without the dot (`["docx"]`); a folder walk picks these up.
    var extensions: Set<String> { get }
    /// Whether the format has a fixed signature (PDF's `%PDF-`, a ZIP's `PK`) that wins over any file
    /// name; such an extractor is also handed files with its extension whose signature is missing,
    /// so it can say what is wrong with them. Text formats leave this `false`.
    var readsBinary: Bool { get }
    /// Whether `head`, the first bytes of a file (at most ``FormatDetection/headLength``, after gzip),
    /// look like this format: a signature for binary formats, a telling tag for markup.
    func sniff(_ head: Data) -> Bool
    /// Extracts `data`, the contents of `source`.
    func extract(_ data: Data, from source: SourceFile, options: ExtractionOptions) throws(ExtractionError) -> Document
}

extension Extractor {
    public var readsBinary: Bool { false }
}
