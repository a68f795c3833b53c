import Foundation

extension PDFOCR {
    /// The pages after OCR, what OCR did, and what to tell the user.
    struct Pass {
        var pages: [PDFPage]
        var ocr: DocumentOCR?
        var warnings: [String] = []
        /// Pages OCR read or was needed for; the extractor's plain "no text layer" warning skips them.
        var handled: Set<Int> = []
    }

    /// The pages `mode` asks to read: none, every one, or those with images and no text.
    static func candidates(_ pages: [PDFPage], mode: OCRMode) -> [Int] {
        switch mode {
        case .never: []
        case .always: pages.map(\.number)
        case .auto: pages.filter { $0.lines.isEmpty && $0.hasImages }.map(\.number)
        }
    }

    /// Reads the pages `mode` asks for and puts the readable ones in place of the text layer.
    ///
    /// - Throws: `.ocrUnavailable` or `.ocrUnreadable` when no page of the document has text without
    ///   OCR and OCR could not give any; `.timedOut` past the deadline.
    func apply(
        to pages: [PDFPage], mode: OCRMode, data: Data, options: ExtractionOptions, started: Date
    ) throws(ExtractionError) -> Pass {
        let numbers = Self.candidates(pages, mode: mode)
        var pass = Pass(pages: pages, ocr: nil)
        guard !numbers.isEmpty else { return pass }
        let hasTextLayer = pages.contains { !$0.lines.isEmpty }
        let needed = numbers.filter { pages[$0 - 1].lines.isEmpty }
        pass.handled = Set(numbers)
        let engine: String
        switch availability() {
        case .success(let name): engine = name
        case .failure(let reason):
            if !hasTextLayer { throw .ocrUnavailable(pageCount: pages.count, reason: reason.description) }
            if !needed.isEmpty {
                pass.warnings.append("no text layer on \(Self.pages(needed)), needs OCR; \(reason)")
            } else {
                pass.warnings.append("OCR not run (\(reason)); the text layer is used")
            }
            return pass
        }
        let read = try read(
            pages: numbers, of: data, password: options.password,
            deadline: options.timeLimitSeconds.map { started.addingTimeInterval($0) }, limit: options.timeLimitSeconds)
        var used: [OCRPage] = []
        var rejected: [OCRPage] = []
        for (page, confidence) in read {
            if confidence >= Self.minimumPageConfidence, !page.lines.isEmpty {
                pass.pages[page.number - 1] = page
                used.append(OCRPage(page: page.number, confidence: confidence))
            } else {
                rejected.append(OCRPage(page: page.number, confidence: confidence))
            }
        }
        pass.ocr = DocumentOCR(pages: used, rejectedPages: rejected, engine: engine)
        if !rejected.isEmpty {
            let kept = rejected.filter { !pages[$0.page - 1].lines.isEmpty }.isEmpty ? "" : "; the text layer is kept"
            let confidences = rejected.map { "\($0.confidence)" }.joined(separator: ", ")
            pass.warnings.append(
                "OCR of \(Self.pages(rejected.map(\.page))) not used: confidence \(confidences) under "
                    + "\(Self.minimumPageConfidence)\(kept)")
        }
        if pass.pages.allSatisfy(\.lines.isEmpty) {
            let mean = rejected.isEmpty ? 0 : rejected.reduce(0) { $0 + $1.confidence } / rejected.count
            throw .ocrUnreadable(pageCount: pages.count, confidence: mean, floor: Self.minimumPageConfidence)
        }
        return pass
    }

    /// "page 3", "pages 3, 4".
    static func pages(_ numbers: [Int]) -> String {
        "page\(numbers.count == 1 ? "" : "s") \(numbers.map(String.init).joined(separator: ", "))"
    }
}
