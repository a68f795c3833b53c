/// Joins the pieces of one justified line that poppler listed as separate lines.
///
/// A fully justified line with wide word spacing ("This Agreement      shall   be    construed   in")
/// can come out of poppler as one text flow per word, listed after the next line ("This Agreement",
/// "accordance with the laws of the State of Kansas.", "shall", "be", "construed", "in"), so the
/// sentence reads out of order (ALAMOGORDO's governing-law clause; MRSFIELDS's lists). A piece joins the
/// line on its left when all of these hold:
/// - same baseline and size, starting after the line's end closer than
///   ``PDFCharacterRun/columnGap(fontSize:)``, the gap at which a poppler line is cut into columns, so
///   the two rules never undo each other;
/// - poppler listed a lower line between the two (the symptom of a line read out of order: pieces
///   listed in order, a label and its text or one table row's cells, read right as they are);
/// - the piece is words, not figures (a table's "1,325", "5c.");
/// - a line within a few line heights spans from the line to the piece's end (the paragraph's width):
///   a word of the next column, on a page whose gutter the column finder missed, has none.
///
/// Pages in columns are left alone (see ``PDFColumns``). The joined line takes the place of its
/// leftmost piece.
enum PDFJustifiedFragments {
    /// How far apart (points) two pieces' tops and bottoms may be and still share a baseline.
    static let baselineTolerance = 0.5
    /// How far apart (points) two pieces' font sizes may be and still be one line's.
    static let sizeTolerance = 0.25

    /// The lines with each run of same-baseline pieces joined into one line.
    static func joined(_ lines: [PDFLine]) -> [PDFLine] {
        guard lines.count > 1 else { return lines }
        // A piece looks only at lines near its baseline.
        let byTop = PDFLinesByTop(lines)
        var slots: [PDFLine?] = lines
        for index in lines.indices {
            // A bare clause number listed apart joins its text where the text stands
            // (``PDFPage/rejoiningSplitNumbers()``), not here.
            guard var line = slots[index], !PDFPage.isBareSectionNumber(line.text) else { continue }
            var joinedAny = false
            while let next = nextPiece(after: line, besides: index, in: slots, byTop: byTop), let piece = slots[next] {
                line = PDFLine(
                    text: line.text + " " + piece.text, box: line.box.union(piece.box), fontSize: line.fontSize,
                    isBold: line.isBold && piece.isBold)
                slots[next] = nil
                joinedAny = true
            }
            if joinedAny { slots[index] = line }
        }
        return slots.compactMap { $0 }
    }

    /// The index of the piece that continues `line` on its right: same baseline and size, starting after
    /// its end within the column gap (the nearest when several do).
    private static func nextPiece(after line: PDFLine, besides index: Int, in slots: [PDFLine?], byTop: PDFLinesByTop)
        -> Int?
    {
        var best: (index: Int, gap: Double)?
        for candidate in byTop.near(line.box.y0, reach: 1) where candidate != index {
            guard let piece = slots[candidate], isWords(piece.text), sharesBaseline(piece, line) else { continue }
            let gap = piece.box.x0 - line.box.x1
            guard gap >= 0, gap < PDFCharacterRun.columnGap(fontSize: piece.fontSize),
                listsALowerLine(between: index, and: candidate, below: line, in: slots),
                spannedByANeighbour(line, piece, in: slots, byTop: byTop)
            else { continue }
            if gap < best?.gap ?? .infinity { best = (candidate, gap) }
        }
        return best?.index
    }

    /// Whether poppler listed, between the two pieces, a line that starts below the first one's bottom.
    private static func listsALowerLine(between first: Int, and second: Int, below line: PDFLine, in slots: [PDFLine?])
        -> Bool
    {
        guard second > first + 1 else { return false }
        return slots[(first + 1)..<second].contains { $0.map { $0.box.y0 >= line.box.y1 } ?? false }
    }

    /// How many line heights above or below a line spanning both pieces is looked for (a paragraph's few lines).
    static let neighbourReach = 5.0

    /// Whether a line near the pieces' baseline (not on it) runs from the left of `piece` to its right end.
    private static func spannedByANeighbour(
        _ line: PDFLine, _ piece: PDFLine, in slots: [PDFLine?], byTop: PDFLinesByTop
    )
        -> Bool
    {
        let reach = max(line.box.height, 1) * neighbourReach
        return byTop.near(line.box.y0, reach: Int(reach.rounded(.up))).contains { candidate in
            guard let other = slots[candidate] else { return false }
            return abs(other.box.y0 - line.box.y0) > baselineTolerance && abs(other.box.y0 - line.box.y0) <= reach
                && other.box.x0 <= line.box.x1 && other.box.x1 >= piece.box.x1 - baselineTolerance
        }
    }

    /// Words of letters, perhaps with their punctuation ("construed", "Manual; and"): not figures of a
    /// table's row ("1,325", "5c.").
    static func isWords(_ text: String) -> Bool {
        text.split(separator: " ").allSatisfy { word in
            word.contains(where: \.isLetter) && word.allSatisfy { $0.isLetter || wordPunctuation.contains($0) }
        }
    }

    private static let wordPunctuation: Set<Character> = [",", ".", ";", ":", "'", "’", "-", "(", ")", "\"", "“", "”"]

    private static func sharesBaseline(_ a: PDFLine, _ b: PDFLine) -> Bool {
        abs(a.box.y0 - b.box.y0) <= baselineTolerance && abs(a.box.y1 - b.box.y1) <= baselineTolerance
            && abs(a.fontSize - b.fontSize) <= sizeTolerance
    }
}
