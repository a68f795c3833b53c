import Foundation

/// Reads PDF pages that have no text layer (or every page, with ``OCRMode/always``) with Tesseract.
///
/// Each page is rendered by poppler and cairo at ``dotsPerInch`` in grayscale and recognised by
/// its own worker's ``TesseractEngine`` (one per core, each with its own poppler document, so no C
/// object is shared between threads). Tesseract's words come back as ``PDFLine``s with boxes in
/// points, so furniture removal, columns and headings treat an OCR'd page as a born-digital one.
struct PDFOCR {
    /// Tesseract reads 10–12 pt type best at 300 dpi (its documentation's advice); more only costs time.
    static let dotsPerInch = 300.0
    /// Pages whose mean word confidence is under this are not used: clean 300-dpi type scores
    /// 85–96, while noise, pictures and handwriting score under 50 (Benchmarks/ocr).
    static let minimumPageConfidence = 60
    /// OCR line heights within this share of the page's median line height are the page's body
    /// size (a line without descenders is shorter but not smaller type).
    static let sameSizeRange = 0.6...1.3
    /// Poppler's character boxes are about this share of Tesseract's ascender-to-descender line box.
    static let fontSizePerLineHeight = 0.75

    var languages: String
    var libraryPath: String?

    /// Loads Tesseract and checks the languages, on the calling thread, before any page is rendered.
    func availability() -> Result<String, OCRUnavailable> {
        do throws(OCRUnavailable) {
            let library = try TesseractLibrary.load(path: TesseractLibrary.path(libraryPath))
            _ = try TesseractLanguages.checked(languages)
            return .success("tesseract \(library.versionString), \(languages)")
        } catch {
            return .failure(error)
        }
    }

    /// OCRs `numbers` (1-based pages) of the PDF in `data`, in parallel; stops with `.timedOut` once
    /// `deadline` has passed.
    func read(
        pages numbers: [Int], of data: Data, password: String?, deadline: Date?, limit: Double?
    ) throws(ExtractionError) -> [(page: PDFPage, confidence: Int)] {
        let workers = max(1, min(ProcessInfo.processInfo.activeProcessorCount, numbers.count))
        let (languages, libraryPath) = (self.languages, self.libraryPath)
        let results = ParallelWork.map(count: workers, jobs: workers) { worker in
            Self.work(
                numbers: Array(stride(from: worker, to: numbers.count, by: workers).map { numbers[$0] }), data: data,
                password: password, languages: languages, libraryPath: libraryPath, deadline: deadline)
        }
        var pages: [(page: PDFPage, confidence: Int)] = []
        for result in results {
            switch result {
            case .success(let read): pages += read
            case .failure(.timedOut): throw .timedOut(seconds: limit ?? 0)
            case .failure(.unavailable(let reason)): throw .ocrUnavailable(pageCount: numbers.count, reason: reason)
            }
        }
        return pages.sorted { $0.page.number < $1.page.number }
    }

    private enum WorkFailure: Error {
        case timedOut
        case unavailable(String)
    }

    /// One worker: its own poppler document and Tesseract instance, its share of the pages.
    private static func work(
        numbers: [Int], data: Data, password: String?, languages: String, libraryPath: String?, deadline: Date?
    ) -> Result<[(page: PDFPage, confidence: Int)], WorkFailure> {
        let document: PopplerDocumentBox
        let engine: TesseractEngine
        do {
            document = try PopplerDocumentBox(data: data, password: password)
            let library = try TesseractLibrary.load(path: TesseractLibrary.path(libraryPath))
            engine = try TesseractEngine(
                library: library, languages: languages, dataFolder: TesseractLanguages.checked(languages))
        } catch {
            return .failure(.unavailable((error as? OCRUnavailable)?.description ?? "\(error)"))
        }
        var read: [(page: PDFPage, confidence: Int)] = []
        for number in numbers {
            if let deadline, Date() >= deadline { return .failure(.timedOut) }
            guard let image = document.grayImage(ofPageAt: number - 1, dotsPerInch: dotsPerInch) else {
                read.append((PDFPage(number: number, width: 0, height: 0, lines: [], hasImages: false), 0))
                continue
            }
            let (words, confidence) = engine.recognize(image)
            read.append((page(number: number, image: image, words: words), confidence))
        }
        return .success(read)
    }

    /// Tesseract's words as a page of lines in points, in reading order.
    static func page(number: Int, image: OCRImage, words: [OCRWord]) -> PDFPage {
        let toPoints = 72 / image.dotsPerInch
        var grouped: [[OCRWord]] = []
        for word in words {
            if let last = grouped.last?.last, last.line == word.line, last.block == word.block {
                grouped[grouped.count - 1].append(word)
            } else {
                grouped.append([word])
            }
        }
        let heights = grouped.map { line in
            Double((line.map(\.bottom).max() ?? 0) - (line.map(\.top).min() ?? 0)) * toPoints
        }
        let median = heights.sorted()[heights.count / 2, default: 0]
        var lines: [PDFLine] = []
        for (line, height) in zip(grouped, heights) {
            let text = TextNormalization.normalizeInline(line.map(\.text).joined(separator: " "))
            guard !text.isEmpty else { continue }
            let box = PDFBox(
                x0: Double(line.map(\.left).min() ?? 0) * toPoints, y0: Double(line.map(\.top).min() ?? 0) * toPoints,
                x1: Double(line.map(\.right).max() ?? 0) * toPoints,
                y1: Double(line.map(\.bottom).max() ?? 0) * toPoints)
            let isBodySize = median > 0 && sameSizeRange.contains(height / median)
            let size = ((isBodySize ? median : height) * fontSizePerLineHeight * 2).rounded() / 2
            lines.append(PDFLine(text: text, box: box, fontSize: size, isBold: false))
        }
        let width = Double(image.width) * toPoints
        return PDFPage(
            number: number, width: width, height: Double(image.height) * toPoints,
            lines: PDFColumns.readingOrder(lines, pageWidth: width), hasImages: true)
    }
}

extension Array {
    fileprivate subscript(index: Int, default value: Element) -> Element {
        indices.contains(index) ? self[index] : value
    }
}
