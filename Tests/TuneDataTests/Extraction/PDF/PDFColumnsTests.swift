import Foundation
import Testing
@testable import TuneData

@Suite struct PDFColumnsTests {
    private struct Expected: Decodable { var blocks: [String] }

    /// The generated newsletter page (corpus-samples/make_pdfs.py): a title and full-width
    /// paragraphs around two bands of three columns, read column by column, left to right.
    @Test func threeColumnPageReadsColumnByColumn() throws {
        let expected = try JSONDecoder().decode(
            Expected.self, from: PDFTestFiles.fixture("three-columns.expected.json"))
        let document = try PDFTestFiles.extract("three-columns.pdf")
        #expect(document.blocks.map(\.text) == expected.blocks)
        #expect(expected.blocks.count == 18)
    }

    @Test func gutterColumnsAndSpanningLines() {
        let gutters = [200.0, 390.0]
        #expect(PDFColumns.column(of: PDFBox(x0: 54, y0: 0, x1: 190, y1: 10), gutters: gutters) == 0)
        #expect(PDFColumns.column(of: PDFBox(x0: 228, y0: 0, x1: 370, y1: 10), gutters: gutters) == 1)
        #expect(PDFColumns.column(of: PDFBox(x0: 402, y0: 0, x1: 540, y1: 10), gutters: gutters) == 2)
        #expect(PDFColumns.column(of: PDFBox(x0: 54, y0: 0, x1: 540, y1: 10), gutters: gutters) == nil)
        #expect(PDFColumns.column(of: PDFBox(x0: 228, y0: 0, x1: 540, y1: 10), gutters: gutters) == nil)
    }
}
