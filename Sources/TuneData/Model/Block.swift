/// One unit of a document's text as the extractor saw it: a heading, a paragraph, a list item...
///
/// Blocks are the only thing the chunker reads, so everything structural an extractor learns
/// (heading levels, footnotes, table rows) must be said here.
public struct Block: Sendable, Hashable, Codable {
    /// What kind of text this is.
    public var kind: BlockKind
    /// The text, normalised (NFC, single spaces, no soft hyphens), never empty.
    public var text: String
    /// The 1-based page the block starts on, for paged formats (PDF); `nil` otherwise.
    public var page: Int?
    /// Tesseract's mean confidence (0–100) for the page the block was read from by OCR; `nil` for
    /// text from a text layer or markup (and in files written before OCR).
    public var ocrConfidence: Int?

    public init(kind: BlockKind, text: String, page: Int? = nil, ocrConfidence: Int? = nil) {
        self.kind = kind
        self.text = text
        self.page = page
        self.ocrConfidence = ocrConfidence
    }
}

/// The role a block plays in its document.
public enum BlockKind: Sendable, Hashable, Codable {
    /// A heading; level 1 is the most important.
    case heading(level: Int)
    case paragraph
    case listItem
    /// A table row with its cells joined so it reads as one line.
    case tableRow
    case caption
    case footnote
    case quote
    /// Preformatted text, kept verbatim.
    case code

    /// The heading level, or `nil` when this is not a heading.
    public var headingLevel: Int? {
        if case .heading(let level) = self { return level }
        return nil
    }

    /// A short name used in JSON output and diagnostics ("heading", "paragraph", ...).
    public var name: String {
        switch self {
        case .heading: "heading"
        case .paragraph: "paragraph"
        case .listItem: "list_item"
        case .tableRow: "table_row"
        case .caption: "caption"
        case .footnote: "footnote"
        case .quote: "quote"
        case .code: "code"
        }
    }

    private enum CodingKeys: String, CodingKey { case type, level }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let type = try container.decode(String.self, forKey: .type)
        switch type {
        case "heading": self = .heading(level: try container.decode(Int.self, forKey: .level))
        case "paragraph": self = .paragraph
        case "list_item": self = .listItem
        case "table_row": self = .tableRow
        case "caption": self = .caption
        case "footnote": self = .footnote
        case "quote": self = .quote
        case "code": self = .code
        default:
            throw DecodingError.dataCorruptedError(
                forKey: .type, in: container, debugDescription: "unknown block kind '\(type)'")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .type)
        if let headingLevel { try container.encode(headingLevel, forKey: .level) }
    }
}
