import Testing
@testable import TuneData

/// Letter-spaced words rejoined from glyph positions (``PDFLetterSpacing``), on lines built the
/// way poppler reports them: pieces of text with zero gaps inside and a space between pieces.
@Suite struct PDFLetterSpacingTests {
    /// One line at font size 10: each piece follows the previous one after `gap` ems; glyphs are
    /// 5 points wide and touch inside a piece, as poppler's advance boxes do.
    private func text(_ pieces: [(gap: Double, text: String)]) -> String {
        text(lines: [pieces])
    }

    /// Several such lines, one under the other.
    private func text(lines: [[(gap: Double, text: String)]]) -> String {
        var scalars: [Unicode.Scalar] = []
        var boxes: [PDFBox] = []
        for (number, pieces) in lines.enumerated() {
            let y = 100.0 + Double(number) * 14
            if number > 0 {
                scalars.append("\n")
                boxes.append(PDFBox(x0: 72, y0: y, x1: 72, y1: y + 10))
            }
            var x = 72.0
            for (index, piece) in pieces.enumerated() {
                if index > 0 {
                    scalars.append(" ")
                    boxes.append(PDFBox(x0: x, y0: y, x1: x + piece.gap * 10, y1: y + 10))
                    x += piece.gap * 10
                }
                for scalar in piece.text.unicodeScalars {
                    scalars.append(scalar)
                    boxes.append(PDFBox(x0: x, y0: y, x1: x + 5, y1: y + 10))
                    x += 5
                }
            }
        }
        let run = PDFCharacterRun(
            scalars: scalars, boxes: boxes,
            styles: [PDFStyleRun(start: 0, end: scalars.count - 1, size: 10, isBold: false)],
            pageWidth: 612)
        return run.lines().map(\.text).joined(separator: "\n")
    }

    private func spaced(_ words: String, letterGap: Double, wordGap: Double) -> [(gap: Double, text: String)] {
        var pieces: [(gap: Double, text: String)] = []
        for (wordIndex, word) in words.split(separator: " ").enumerated() {
            for (letterIndex, letter) in word.enumerated() {
                pieces.append((letterIndex == 0 ? (wordIndex == 0 ? 0 : wordGap) : letterGap, String(letter)))
            }
        }
        return pieces
    }

    @Test func officialJournalSectionHeadingsRejoin() {
        // "S ec ti on 4 D a t a p ro t ecti on o ff icer" as poppler cuts the GDPR's tracked headings.
        let pieces: [(gap: Double, text: String)] = [
            (0, "S"), (0.1, "ec"), (0.1, "ti"), (0.1, "on"), (0.4, "4"), (0.4, "D"), (0.1, "a"), (0.1, "t"), (0.1, "a"),
            (0.4, "p"), (0.1, "ro"), (0.14, "t"), (0.1, "ecti"), (0.1, "on"), (0.4, "o"), (0.1, "ff"), (0.1, "icer"),
        ]
        #expect(text(pieces) == "Section 4 Data protection officer")
        #expect(text([(0, "Re"), (0.1, "st"), (0.1, "r"), (0.13, "ic"), (0.1, "tio"), (0.1, "ns")]) == "Restrictions")
    }

    @Test func theSecondLineOfATrackedHeadingRejoinsWithTheSameTracking() {
        // The GDPR's "Section 2" over "Consistency", which poppler cut into "Co nsist ency".
        let section: [(gap: Double, text: String)] = [(0, "S"), (0.1, "ec"), (0.1, "ti"), (0.1, "on"), (0.4, "2")]
        let title: [(gap: Double, text: String)] = [(0, "Co"), (0.1, "nsist"), (0.1, "ency")]
        #expect(text(lines: [section, title]) == "Section 2\nConsistency")
        // Without a tracked line above, three words 0.1 em apart are words.
        #expect(text(lines: [[(0, "Body"), (0.3, "text")], title]) == "Body text\nCo nsist ency")
        // Under a tracked line, gaps of another width are word gaps.
        #expect(text(lines: [section, [(0, "Data"), (0.13, "protection")]]) == "Section 2\nData protection")
    }

    @Test func spacedCapitalsRejoinAtTheirWordGaps() {
        #expect(text(spaced("CHAPTER I", letterGap: 0.25, wordGap: 0.7)) == "CHAPTER I")
        #expect(text(spaced("ARTICLE", letterGap: 0.25, wordGap: 0.7) + [(0.7, "5")]) == "ARTICLE 5")
        #expect(text(spaced("DEFINITIONS", letterGap: 0.3, wordGap: 0.3)) == "DEFINITIONS")
        #expect(text(spaced("RECITALS", letterGap: 0.2, wordGap: 0.2).dropLast() + [(0.2, "S:")]) == "RECITALS:")
        #expect(text(spaced("End User Agreement", letterGap: 0.11, wordGap: 0.47)) == "End User Agreement")
    }

    @Test func ordinaryTextKeepsItsSpaces() {
        // A list, initials, table column letters and the 0.1 em word gaps of HTML-converted filings.
        #expect(
            text([(0, "options"), (0.25, "a"), (0.25, "b"), (0.25, "c"), (0.25, "apply")]) == "options a b c apply")
        #expect(text([(0, "J."), (0.25, "R."), (0.25, "R."), (0.25, "Tolkien")]) == "J. R. R. Tolkien")
        #expect(text(spaced("A B C", letterGap: 0.7, wordGap: 0.7)) == "A B C")
        #expect(text([(0, "DURATION"), (0.19, "OF"), (0.1, "THE"), (0.1, "AGREEMENT")]) == "DURATION OF THE AGREEMENT")
        #expect(text([(0, "AS"), (0.1, "OF"), (0.1, "THE")]) == "AS OF THE")
        // A hanging enumerator and a thousands separator stay apart; a split ordinal rejoins.
        #expect(text([(0, "(v)"), (0.08, "Any"), (0.3, "30t"), (0.08, "h"), (0.3, "day")]) == "(v) Any 30th day")
        #expect(text([(0, "EUR"), (0.3, "1"), (0.1, "000"), (0.1, "000"), (0.3, "paid")]) == "EUR 1 000 000 paid")
    }

    @Test func rejoinedHeadingsAreHeadings() {
        #expect(PDFHeadingRules.numberedLevel("Section 4 Data protection officer") == 2)
        #expect(PDFHeadingRules.numberedLevel("CHAPTER I") == 1)
        #expect(PDFHeadingRules.isAllCapitals("RECITALS:"))
    }
}
