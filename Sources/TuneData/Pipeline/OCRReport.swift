/// The manifest's `ocr` section: how many pages of which documents were read with OCR, and how well.
public struct OCRReport: Sendable, Hashable, Codable {
    /// One document with OCR'd pages.
    public struct DocumentEntry: Sendable, Hashable, Codable {
        public var source: String
        /// Pages whose OCR text was used.
        public var pages: Int
        /// Pages read whose confidence fell under the floor (not used).
        public var rejectedPages: Int
        /// Mean confidence of the used pages (0–100); absent when none was used.
        public var meanConfidence: Double?
    }

    public var documents: [DocumentEntry]
    public var pages: Int
    public var rejectedPages: Int
    /// Mean confidence over every used page of every document.
    public var meanConfidence: Double?
    /// A page read with a lower mean word confidence is not used (``PDFOCR/minimumPageConfidence``).
    public var confidenceFloor: Int
    /// The engine and languages ("tesseract 5.3.0, eng").
    public var engine: String?

    /// The section for `documents`, or `nil` when none was read with OCR.
    public init?(documents summaries: [DocumentSummary]) {
        let read = summaries.compactMap { summary in summary.ocr.map { (summary.source, $0) } }
        guard !read.isEmpty else { return nil }
        documents = read.map { source, ocr in
            DocumentEntry(
                source: source, pages: ocr.pages.count, rejectedPages: ocr.rejectedPages.count,
                meanConfidence: ocr.meanConfidence)
        }
        let used = read.flatMap(\.1.pages)
        pages = used.count
        rejectedPages = read.reduce(0) { $0 + $1.1.rejectedPages.count }
        meanConfidence = used.isEmpty ? nil : Double(used.reduce(0) { $0 + $1.confidence }) / Double(used.count)
        confidenceFloor = PDFOCR.minimumPageConfidence
        engine = read.first?.1.engine
    }
}

extension DocumentOCR {
    /// `examples` with their provenance marked when their pages were read with OCR: `ocr` and the
    /// lowest confidence of those pages.
    func marking(_ examples: [Example]) -> [Example] {
        let confidences = confidenceByPage
        guard !confidences.isEmpty else { return examples }
        return examples.map { example in
            let read = example.provenance.pages.compactMap { confidences[$0] }
            guard let lowest = read.min() else { return example }
            var marked = example
            marked.provenance.ocr = true
            marked.provenance.ocrConfidence = lowest
            return marked
        }
    }
}
