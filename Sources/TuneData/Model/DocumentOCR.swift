/// When PDF pages are read with OCR.
public enum OCRMode: String, Sendable, Hashable, Codable, CaseIterable {
    /// Only pages without usable text (no text layer, only images).
    case auto
    /// Every page, ignoring the text layer (for PDFs whose text layer is wrong).
    case always
    /// Never: pages without text are skipped with a warning.
    case never
}

/// One page read with OCR: its number and Tesseract's mean word confidence (0–100).
public struct OCRPage: Sendable, Hashable, Codable {
    public var page: Int
    public var confidence: Int

    public init(page: Int, confidence: Int) {
        self.page = page
        self.confidence = confidence
    }
}

/// What OCR did to one document: the pages it read and used, and those it set aside.
public struct DocumentOCR: Sendable, Hashable, Codable {
    /// Pages whose OCR text was used.
    public var pages: [OCRPage]
    /// Pages read whose confidence fell under the floor; their text was not used.
    public var rejectedPages: [OCRPage]
    /// The engine and languages ("tesseract 5.3.0, eng").
    public var engine: String

    public init(pages: [OCRPage], rejectedPages: [OCRPage], engine: String) {
        self.pages = pages
        self.rejectedPages = rejectedPages
        self.engine = engine
    }

    /// The mean of the used pages' confidences, or `nil` when none was used.
    public var meanConfidence: Double? {
        pages.isEmpty ? nil : Double(pages.reduce(0) { $0 + $1.confidence }) / Double(pages.count)
    }

    /// The confidence of each used page, by page number.
    public var confidenceByPage: [Int: Int] {
        Dictionary(pages.map { ($0.page, $0.confidence) }, uniquingKeysWith: { first, _ in first })
    }
}
