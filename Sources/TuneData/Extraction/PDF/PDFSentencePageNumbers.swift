/// Original page numbers left between the two halves of a sentence.
///
/// An EDGAR print sets the original's pages one after another, so a sentence that ran across an
/// original page break is interrupted by that page's number: "… in the Territory" / "38" / "and
/// shall …". A bare number is not furniture by itself (a table cell, a list number, an amount set on
/// its own line), so it goes only when all of these hold:
///
/// - it is alone on its row, centred (on the page or the text column) or flush right, with a blank
///   line's space above and below it;
/// - the line above does not end a sentence and the line below starts in lower case;
/// - it continues the document's page numbering: the nearest other bare page number before or after
///   it in reading order (in a margin or floating, furniture already or not) is one less or one more.
extension PDFRunningLines {
    /// For each page, the indices of the page numbers that interrupt a sentence.
    static func sentencePageNumbers(in pages: [PDFPage], dropped: [Set<Int>]) -> [Set<Int>] {
        // Every bare number placed as a page number, in reading order: the sequence's evidence.
        var numbers: [(page: Int, line: Int, value: Int, interrupts: Bool)] = []
        for (pageIndex, page) in pages.enumerated() {
            let order = topToBottom(page)
            let column = textColumn(of: page)
            for (position, index) in order.enumerated() {
                let line = page.lines[index]
                guard line.text.utf8.count <= 3, let value = Int(line.text), value > 0,
                    isAloneOnRow(index, in: page),
                    isPlacedAsPageNumber(line, on: page, column: column)
                        || isCentred(line, on: localColumn(around: position, in: order, of: page))
                else { continue }
                var interrupts = false
                if !dropped[pageIndex].contains(index), position > 0, position + 1 < order.count,
                    isSetApart([index], in: page, order: order)
                {
                    let above = page.lines[order[position - 1]].text
                    let below = page.lines[order[position + 1]].text
                    interrupts = !PDFBlockBuilder.endsSentence(above) && below.first?.isLowercase == true
                }
                numbers.append((pageIndex, index, value, interrupts))
            }
        }
        var drop = pages.map { _ in Set<Int>() }
        for (position, number) in numbers.enumerated() where number.interrupts {
            let before = position > 0 ? numbers[position - 1].value : nil
            let after = position + 1 < numbers.count ? numbers[position + 1].value : nil
            if before == number.value - 1 || after == number.value + 1 { drop[number.page].insert(number.line) }
        }
        return drop
    }

    /// How many lines above and below a number show the width of the original page it numbers.
    static let localColumnLines = 3

    /// The span of the lines around `position`, from their leftmost start to their median end: an
    /// EDGAR print of a narrow typed original centres the original's page numbers on its lines, not
    /// on the PDF page ("9" under lines 48–320 of a 595-point page), and a line that overflows beside
    /// them ("[Indemnification by VerticalNet]" out at 550) says nothing of the original's width.
    static func localColumn(around position: Int, in order: [Int], of page: PDFPage) -> ClosedRange<Double>? {
        let near = order[max(0, position - localColumnLines)..<min(order.count, position + localColumnLines + 1)]
            .filter { $0 != order[position] }
        let ends = near.map { page.lines[$0].box.x1 }.sorted()
        guard let lower = near.map({ page.lines[$0].box.x0 }).min(), !ends.isEmpty else { return nil }
        let upper = ends[ends.count / 2]
        return upper > lower ? lower...upper : nil
    }

    /// Whether the line's centre is within a tenth of the column's width of the column's centre.
    static func isCentred(_ line: PDFLine, on column: ClosedRange<Double>?) -> Bool {
        guard let column else { return false }
        let centre = (line.box.x0 + line.box.x1) / 2
        return abs(centre - (column.lowerBound + column.upperBound) / 2) < (column.upperBound - column.lowerBound) * 0.1
    }

    /// Centred on the page or on the text column, or flush right: where page numbers are printed.
    static func isPlacedAsPageNumber(_ line: PDFLine, on page: PDFPage, column: ClosedRange<Double>) -> Bool {
        let centre = (line.box.x0 + line.box.x1) / 2
        return abs(centre - page.width / 2) < page.width * 0.15
            || abs(centre - (column.lowerBound + column.upperBound) / 2)
                < (column.upperBound - column.lowerBound) * 0.1
            || line.box.x1 > page.width * 0.8
    }
}

extension PDFPage {
    /// The page without the `dropped` lines, and with the blank space a dropped bare page number
    /// left inside a sentence closed up (the lines below it moved up), so the two halves of the
    /// sentence read as one paragraph.
    func keeping(droppingFurniture dropped: Set<Int>) -> PDFPage {
        var page = self
        let order = PDFRunningLines.topToBottom(self)
        var shifts: [(from: Double, by: Double)] = []
        for (position, index) in order.enumerated()
        where dropped.contains(index) && lines[index].text.utf8.count <= 3 && Int(lines[index].text) != nil
            && PDFRunningLines.isAloneOnRow(index, in: self)
        {
            // The nearest kept lines above and below the number, with the number between them
            // (pleading line numbers share their rows with the text and are never alone).
            guard let above = order[..<position].last(where: { !dropped.contains($0) }),
                let below = order[(position + 1)...].first(where: { !dropped.contains($0) }),
                lines[above].box.y1 <= lines[index].box.y0, lines[index].box.y1 <= lines[below].box.y0,
                !PDFBlockBuilder.endsSentence(lines[above].text), lines[below].text.first?.isLowercase == true
            else { continue }
            let gap = lines[below].box.y0 - lines[above].box.y1
            let usual = max(lines[above].fontSize, 1) * Self.closedGapShare
            if gap > usual { shifts.append((lines[below].box.y0, gap - usual)) }
        }
        page.lines = lines.indices.filter { !dropped.contains($0) }.map { index in
            var line = lines[index]
            let by = shifts.filter { line.box.y0 >= $0.from - PDFRunningLines.rowTolerance }.reduce(0) { $0 + $1.by }
            line.box.y0 -= by
            line.box.y1 -= by
            return line
        }
        return page
    }

    /// The space left between two lines of one paragraph, as a share of the font size, when a
    /// page number between them is cut out.
    static let closedGapShare = 0.25
}
