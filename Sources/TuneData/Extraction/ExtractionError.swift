/// Why a file could not be turned into a ``Document``.
///
/// Each case reads as a one-line reason after the file's path
/// (`contracts/a.pdf: encrypted (give --password)`).
public enum ExtractionError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file has no bytes, or no text after extraction.
    case empty
    /// The path does not exist or cannot be read.
    case unreadable(String)
    /// Neither the extension nor the content says which format this is.
    case unsupportedFormat(String)
    /// The content is binary where text or markup was expected.
    case binaryContent
    /// The PDF is encrypted and no (or a wrong) password was given.
    case encrypted(passwordGiven: Bool)
    /// Every page lacks a text layer; the document needs OCR.
    case noTextLayer(pageCount: Int)
    /// Every page lacks a text layer and OCR cannot run (Tesseract or a language missing).
    case ocrUnavailable(pageCount: Int, reason: String)
    /// Every page lacks a text layer and OCR read nothing above the confidence floor.
    case ocrUnreadable(pageCount: Int, confidence: Int, floor: Int)
    /// The file is damaged beyond what the parser can recover.
    case corrupt(String)
    /// The bytes cannot be decoded in the declared or detected encoding.
    case undecodable(String)
    /// The file is larger than the configured limit.
    case tooLarge(bytes: Int, limit: Int)
    /// Extraction took longer than the per-file time limit.
    case timedOut(seconds: Double)

    public var description: String {
        switch self {
        case .empty: "empty (no text)"
        case .unreadable(let reason): "cannot read file (\(reason))"
        case .unsupportedFormat(let what): "unsupported format (\(what))"
        case .binaryContent: "binary content, not text or HTML"
        case .encrypted(let passwordGiven):
            passwordGiven ? "encrypted, and the password given is wrong" : "encrypted (give --password)"
        case .noTextLayer(let pages): "no text layer on any of \(pages) page\(pages == 1 ? "" : "s") (OCR needed)"
        case .ocrUnavailable(let pages, let reason):
            "no text layer on any of \(pages) page\(pages == 1 ? "" : "s"), needs OCR; \(reason)"
        case .ocrUnreadable(let pages, let confidence, let floor):
            "no text layer on any of \(pages) page\(pages == 1 ? "" : "s"), and OCR read no usable text "
                + "(mean confidence \(confidence), under \(floor))"
        case .corrupt(let reason): "corrupt (\(reason))"
        case .undecodable(let reason): "cannot decode text (\(reason))"
        case .tooLarge(let bytes, let limit): "too large (\(bytes) bytes, limit \(limit))"
        case .timedOut(let seconds): "extraction took longer than \(Int(seconds)) s"
        }
    }

    /// A short stable key for counting in the manifest ("encrypted", "no_text_layer"...).
    public var reasonKey: String {
        switch self {
        case .empty: "empty"
        case .unreadable: "unreadable"
        case .unsupportedFormat: "unsupported_format"
        case .binaryContent: "binary_content"
        case .encrypted: "encrypted"
        case .noTextLayer: "no_text_layer"
        case .ocrUnavailable: "ocr_unavailable"
        case .ocrUnreadable: "ocr_unreadable"
        case .corrupt: "corrupt"
        case .undecodable: "undecodable"
        case .tooLarge: "too_large"
        case .timedOut: "timed_out"
        }
    }
}
