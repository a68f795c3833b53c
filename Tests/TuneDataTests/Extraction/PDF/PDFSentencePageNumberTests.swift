import Testing

@testable import TuneData

/// An EDGAR print's original page number left between the halves of a sentence goes, and the halves
/// read as one paragraph; a bare number that breaks the page sequence or sits between sentences stays.
@Suite struct PDFSentencePageNumberTests {
    private func line(_ text: String, y: Double, x: Double = 72, width: Double = 468) -> PDFLine {
        PDFLine(text: text, box: PDFBox(x0: x, y0: y, x1: x + width, y1: y + 10), fontSize: 10, isBold: false)
    }

    /// Four pages, each with an original page break mid-page: body, a centred bare number set apart
    /// by blank space, body again.
    private func pages(
        numbers: [Int], above: String, below: String, textX: Double = 72, textWidth: Double = 468,
        numberX: Double = 300
    ) -> [PDFPage] {
        numbers.enumerated().map { index, number in
            PDFPage(
                number: index + 1, width: 612, height: 792,
                lines: [
                    line(
                        "Opening paragraph of page \(index + 1) runs on to its end here.", y: 300, x: textX,
                        width: textWidth),
                    line("\(above) \(index + 1)", y: 314, x: textX, width: textWidth),
                    line("\(number)", y: 340, x: numberX, width: 12),
                    line("\(below) \(index + 1) of the text goes on.", y: 372, x: textX, width: textWidth),
                ]
                    + (1...4).map {
                        line(
                            "Closing paragraph line \($0) of page \(index + 1).", y: 400 + Double($0) * 14, x: textX,
                            width: textWidth)
                    },
                hasImages: false)
        }
    }

    @Test func aNarrowOriginalsPageNumberIsCentredOnItsLinesNotOnThePage() {
        // A typed original printed small: its lines span 48–320 of a 612-point page, its number sits at 180.
        let pages = pages(
            numbers: [8, 9, 10, 11], above: "arising out of or related to", below: "this Agreement", textX: 48,
            textWidth: 272, numberX: 178
        ).map { page in
            // One line overflows to the right edge and widens the page's text column.
            var page = page
            page.lines.append(line("[Indemnification by VerticalNet]", y: 200, x: 442, width: 108))
            return page
        }
        #expect(PDFRunningLines.furniture(in: pages).allSatisfy { $0.contains(2) })
    }

    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var numbers: [Int]
        var above: String
        var below: String
        var dropped: Bool
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(
            name: "mid-sentence, in sequence", numbers: [37, 38, 39, 40], above: "in the Territory", below: "and shall",
            dropped: true),
        Case(
            name: "mid-sentence, out of sequence", numbers: [7, 14, 21, 28], above: "in the Territory",
            below: "and shall",
            dropped: false),
        Case(
            name: "between sentences", numbers: [37, 38, 39, 40], above: "ends here.", below: "The next", dropped: false
        ),
    ]

    @Test(arguments: cases)
    func aPageNumberInsideASentenceGoes(_ example: Case) throws {
        let pages = pages(numbers: example.numbers, above: example.above, below: example.below)
        let furniture = PDFRunningLines.furniture(in: pages)
        #expect(furniture.map { $0.contains(2) } == Array(repeating: example.dropped, count: pages.count))
        let blocks = PDFBlockBuilder(pages: zip(pages, furniture).map { $0.keeping(droppingFurniture: $1) }).blocks()
        let texts = blocks.map(\.text)
        if example.dropped {
            #expect(texts.contains { $0.contains("in the Territory 2 and shall 2 of the text goes on.") })
            #expect(!texts.contains { $0.contains("38") })
        } else {
            #expect(texts.contains { $0.contains(String(example.numbers[1])) })
        }
    }

    @Test func aDroppedLineNumberBesideTheTextMovesNothing() {
        // Pleading paper: "24" and "25" in the left margin share their rows with double-spaced text.
        let page = PDFPage(
            number: 1, width: 612, height: 792,
            lines: [
                line("24", y: 300, x: 30, width: 10), line("that was set to expire on July", y: 300),
                line("25", y: 324, x: 30, width: 10), line("twenty-five, based on the motion", y: 324),
            ], hasImages: false)
        let kept = page.keeping(droppingFurniture: [0, 2])
        #expect(kept.lines.map(\.box.y0) == [300, 324])
    }
}
