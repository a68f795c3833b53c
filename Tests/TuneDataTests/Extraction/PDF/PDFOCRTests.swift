import Foundation
import Testing
@testable import TuneData

/// OCR of PDF pages without a text layer: pictures of text are read, noise is reported, and a
/// missing Tesseract or `--ocr never` leave the page skipped with a reason.
@Suite struct PDFOCRTests {
    static let clause = [
        "This Agreement shall be governed by the laws",
        "of the State of Delaware. Either party may terminate",
        "this Agreement upon thirty days written notice.",
    ]

    static func extract(_ data: Data, _ options: ExtractionOptions = .init()) throws(ExtractionError) -> Document {
        try PDFExtractor().extract(data, from: PDFTestFiles.source("scan.pdf"), options: options)
    }

    static func words(_ text: String) -> [String] {
        text.lowercased().split { !$0.isLetter && !$0.isNumber }.map(String.init)
    }

    @Test(.enabled(if: OCRTestPDFs.tesseractIsAvailable, "skipped: libtesseract.so.5 or eng.traineddata missing"))
    func aPictureOfTextIsRead() throws {
        let document = try Self.extract(try OCRTestPDFs.make([.imageOfText(Self.clause)]))
        #expect(Self.words(document.plainText) == Self.words(Self.clause.joined(separator: " ")))
        let ocr = try #require(document.ocr)
        #expect(ocr.pages.map(\.page) == [1])
        #expect(ocr.rejectedPages.isEmpty)
        #expect(try #require(ocr.pages.first).confidence >= PDFOCR.minimumPageConfidence)
        #expect(document.blocks.allSatisfy { $0.ocrConfidence == ocr.pages.first?.confidence })
        #expect(document.warnings.isEmpty)
    }

    @Test(.enabled(if: OCRTestPDFs.tesseractIsAvailable, "skipped: libtesseract.so.5 or eng.traineddata missing"))
    func noiseIsReportedAndTheOtherPagesKept() throws {
        let data = try OCRTestPDFs.make([.text(["NOTICES", "All notices shall be in writing."]), .noise])
        let document = try Self.extract(data)
        #expect(document.blocks.allSatisfy { $0.page == 1 && $0.ocrConfidence == nil })
        #expect(document.ocr?.pages.isEmpty == true)
        #expect(document.ocr?.rejectedPages.map(\.page) == [2])
        #expect(document.warnings.count == 1)
        #expect(document.warnings.first?.hasPrefix("OCR of page 2 not used: confidence") == true)
        guard
            case .ocrUnreadable(pageCount: 1, _, floor: PDFOCR.minimumPageConfidence)? = PDFTestFiles.error(
                try OCRTestPDFs.make([.noise]))
        else {
            Issue.record("a page of noise alone should be unreadable")
            return
        }
    }

    @Test func withoutTesseractThePageIsSkippedWithTheReason() throws {
        var options = ExtractionOptions()
        options.tesseractLibrary = "/nonexistent/libtesseract.so.5"
        let scanned = try OCRTestPDFs.make([.imageOfText(Self.clause)])
        let error = PDFTestFiles.error(scanned, options: options)
        #expect(
            error?.description
                == "no text layer on any of 1 page, needs OCR; Tesseract not installed "
                + "(apt-get install tesseract-ocr tesseract-ocr-eng)")
        let mixed = try Self.extract(
            try OCRTestPDFs.make([.text(["Section 1. Term."]), .imageOfText(Self.clause)]), options)
        #expect(mixed.blocks.map(\.page) == [1])
        #expect(mixed.warnings.count == 1)
        #expect(mixed.warnings.first?.hasPrefix("no text layer on page 2, needs OCR; Tesseract not installed") == true)
        #expect(mixed.ocr == nil)
    }

    @Test func ocrNeverKeepsTheOldReason() throws {
        let options = ExtractionOptions(ocr: .never)
        let scanned = try OCRTestPDFs.make([.imageOfText(Self.clause)])
        #expect(PDFTestFiles.error(scanned, options: options) == .noTextLayer(pageCount: 1))
        let mixed = try Self.extract(
            try OCRTestPDFs.make([.text(["Section 1. Term."]), .imageOfText(Self.clause)]), options)
        #expect(mixed.warnings == ["no text layer (OCR needed) on page 2"])
    }

    @Test(.enabled(if: OCRTestPDFs.tesseractIsAvailable, "skipped: libtesseract.so.5 or eng.traineddata missing"))
    func ocrAlwaysReadsABornDigitalPage() throws {
        let document = try Self.extract(try OCRTestPDFs.make([.text(Self.clause)]), ExtractionOptions(ocr: .always))
        #expect(Self.words(document.plainText) == Self.words(Self.clause.joined(separator: " ")))
        #expect(document.ocr?.pages.map(\.page) == [1])
        #expect(document.blocks.allSatisfy { $0.ocrConfidence != nil })
    }

    @Test(.enabled(if: OCRTestPDFs.tesseractIsAvailable, "skipped: libtesseract.so.5 or eng.traineddata missing"))
    func aMissingLanguageIsNamed() throws {
        #expect(OCRAvailability.languageProblem("eng") == nil)
        let problem = try #require(OCRAvailability.languageProblem("eng+xyz"))
        #expect(problem.hasPrefix("OCR language 'xyz' is not installed (apt-get install tesseract-ocr-xyz"))
        var options = ExtractionOptions(ocrLanguages: "xyz")
        options.ocr = .auto
        let error = PDFTestFiles.error(try OCRTestPDFs.make([.imageOfText(Self.clause)]), options: options)
        #expect(error?.reasonKey == "ocr_unavailable")
    }

    @Test func oldOptionsAndBlocksDecode() throws {
        let options = try JSONDecoder().decode(
            ExtractionOptions.self, from: Data(#"{"maxFileBytes":10,"timeLimitSeconds":5}"#.utf8))
        #expect(options.ocr == .auto)
        #expect(options.ocrLanguages == "eng")
        let block = try JSONDecoder().decode(
            Block.self, from: Data(#"{"kind":{"type":"paragraph"},"text":"x","page":2}"#.utf8))
        #expect(block.ocrConfidence == nil)
    }

    @Test func examplesFromOCRPagesAreMarked() throws {
        let ocr = DocumentOCR(
            pages: [OCRPage(page: 2, confidence: 91), OCRPage(page: 3, confidence: 84)], rejectedPages: [],
            engine: "tesseract")
        func example(pages: [Int]) -> Example {
            Example(
                messages: [],
                provenance: Provenance(
                    source: "s.pdf", documentID: "d", pages: pages, section: nil, template: "t", variant: 1,
                    passageIndex: 0))
        }
        let marked = ocr.marking([example(pages: [1]), example(pages: [1, 2]), example(pages: [2, 3])])
        #expect(marked.map(\.provenance.ocr) == [nil, true, true])
        #expect(marked.map(\.provenance.ocrConfidence) == [nil, 91, 84])
        let line = String(
            decoding: JSONLEncoding.provenanceLine(for: marked[2], split: "train", file: nil, line: 1), as: UTF8.self)
        #expect(line.contains(#""ocr":true,"ocr_confidence":84"#))
    }
}
