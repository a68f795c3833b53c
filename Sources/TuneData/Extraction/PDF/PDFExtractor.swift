public import Foundation

/// Extracts a PDF's text as headings, paragraphs, list items and footnotes, with page numbers.
///
/// Poppler supplies each page's lines in reading order (columns one after the other) with their
/// positions and fonts; ``PDFRunningLines`` removes running headers, footers and page numbers;
/// ``PDFBlockBuilder`` rebuilds paragraphs, headings and footnotes. Documents are opened from
/// memory with their `/OutputIntents` hidden (see ``PDFOutputIntents``) unless
/// `TUNEDATA_KEEP_OUTPUT_INTENTS=1`. Pages without a text layer are read with OCR when Tesseract
/// is installed (``PDFOCR``, ``ExtractionOptions/ocr``).
///
/// Fails with `.encrypted` (no or wrong password), `.corrupt`, `.noTextLayer` (every page is an
/// image) or `.timedOut`; image-only pages among text pages give a warning.
public struct PDFExtractor: Extractor {
    public let format = DocumentFormat.pdf
    public let extensions: Set<String> = ["pdf"]
    public var readsBinary: Bool { true }

    /// `%PDF-` within the first 1024 bytes, where readers look for it.
    public func sniff(_ head: Data) -> Bool {
        let start = head.prefix(1024)
        return start.firstRange(of: Data("%PDF-".utf8)) != nil
    }

    /// Whether to hide `/OutputIntents` from poppler (it only changes speed, never the text).
    public var neutralizesOutputIntents: Bool

    /// Makes an extractor; `neutralizesOutputIntents` defaults to on unless the environment sets
    /// `TUNEDATA_KEEP_OUTPUT_INTENTS=1`.
    public init(neutralizesOutputIntents: Bool? = nil) {
        self.neutralizesOutputIntents = neutralizesOutputIntents ?? PDFOutputIntents.isEnabled
    }

    public func extract(_ data: Data, from source: SourceFile, options: ExtractionOptions) throws(ExtractionError)
        -> Document
    {
        let started = Date()
        guard data.count >= 8 else { throw data.isEmpty ? .empty : .corrupt("too short to be a PDF") }
        guard sniff(data.prefix(FormatDetection.headLength)) else { throw .corrupt("no PDF header") }
        let bytes = neutralizesOutputIntents ? (PDFOutputIntents.neutralized(data) ?? data) : data
        let document = try PopplerDocumentBox(data: bytes, password: options.password)
        let pageCount = document.pageCount
        guard pageCount > 0 else { throw .corrupt("no pages") }

        var pages: [PDFPage] = []
        pages.reserveCapacity(pageCount)
        for index in 0..<pageCount {
            if let limit = options.timeLimitSeconds, Date().timeIntervalSince(started) >= limit {
                throw .timedOut(seconds: limit)
            }
            pages.append(document.page(at: index))
        }

        let ocr = try PDFOCR(languages: options.ocrLanguages, libraryPath: options.tesseractLibrary).apply(
            to: pages, mode: options.ocr, data: bytes, options: options, started: started)
        pages = ocr.pages
        var warnings = ocr.warnings
        let imageOnly = pages.filter { $0.lines.isEmpty && $0.hasImages && !ocr.handled.contains($0.number) }.map(
            \.number)
        if pages.allSatisfy(\.lines.isEmpty) {
            if imageOnly.isEmpty { throw .empty }
            throw .noTextLayer(pageCount: pageCount)
        }
        if !imageOnly.isEmpty {
            warnings.append(
                "no text layer (OCR needed) on page\(imageOnly.count == 1 ? "" : "s") \(Self.list(imageOnly))")
        }

        let furniture = PDFRunningLines.furniture(in: pages)
        let content = zip(pages, furniture).map { page, drop in
            page.keeping(droppingFurniture: drop).rejoiningSplitNumbers()
        }
        var blocks = PDFBlockBuilder(pages: content).blocks()
        if blocks.isEmpty {
            // Everything looked like page furniture (a one-page table of numbers): keep it all.
            blocks = PDFBlockBuilder(pages: pages).blocks()
        }

        if let confidences = ocr.ocr?.confidenceByPage, !confidences.isEmpty {
            for index in blocks.indices { blocks[index].ocrConfidence = blocks[index].page.flatMap { confidences[$0] } }
        }

        var metadata = document.metadata
        metadata["page_count"] = String(pageCount)
        let title = OpeningTitle.usableMetadataTitle(metadata["title"]) ?? OpeningTitle.title(in: blocks)
        return Document(
            id: source.documentID, source: source.displayPath, format: .pdf, title: title, metadata: metadata,
            pageCount: pageCount, blocks: blocks, warnings: warnings, ocr: ocr.ocr)
    }

    /// "3", "3, 4".
    static func list(_ numbers: [Int]) -> String { numbers.map(String.init).joined(separator: ", ") }
}
