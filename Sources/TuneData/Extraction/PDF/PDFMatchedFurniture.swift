/// Running lines that the margin and floating rules miss on a few pages only.
///
/// The other rules look at one occurrence at a time: a header pushed down on a first page by an
/// "Exhibit 99.1" line falls out of its height band, a footer printed higher on a short page
/// leaves the band too, and a legend that touches the body text on a page is not set apart. When
/// the same text, word for word, at the same horizontal place and size, was found to be furniture
/// on at least twice as many pages as it is left on, its remaining occurrences go too, if they sit
/// where furniture sits: in the page margins (for lines of three words or more), or next to a line
/// that goes (a page number, the rest of the same header). A page number alone on its row next to
/// such a line goes with it.
extension PDFRunningLines {
    /// How far, in points, the ends of two occurrences may differ to count as the same place.
    static let matchTolerance = 3.0

    private struct Place {
        var x0: Double
        var x1: Double
        var size: Double

        func matches(_ box: PDFBox, size other: Double) -> Bool {
            abs(box.x0 - x0) <= PDFRunningLines.matchTolerance && abs(box.x1 - x1) <= PDFRunningLines.matchTolerance
                && abs(size - other) <= 0.5
        }
    }

    /// For each page, the indices of further lines to drop, given those already dropped.
    static func matchedFurniture(in pages: [PDFPage], dropped: [Set<Int>]) -> [Set<Int>] {
        let none = pages.map { _ in Set<Int>() }
        guard pages.count >= 3 else { return none }
        var places: [String: [Place]] = [:]
        for (page, drop) in zip(pages, dropped) {
            for index in drop {
                let line = page.lines[index]
                places[line.text, default: []].append(Place(x0: line.box.x0, x1: line.box.x1, size: line.fontSize))
            }
        }
        let needed = max(3, Int((Double(pages.count) * 0.3).rounded(.up)))
        places = places.filter { $0.value.count >= needed && isMatchCandidate($0.key) }
        guard !places.isEmpty else { return none }
        // Texts that stay more than a third of the times they occur are content where they stay.
        var left: [String: Int] = [:]
        for (page, drop) in zip(pages, dropped) {
            for index in page.lines.indices where !drop.contains(index) && places[page.lines[index].text] != nil {
                left[page.lines[index].text, default: 0] += 1
            }
        }
        guard !left.isEmpty else { return none }
        return zip(pages, dropped).map { page, drop in
            var candidates = Set<Int>()
            for index in page.lines.indices where !drop.contains(index) {
                let line = page.lines[index]
                guard let count = left[line.text], let known = places[line.text], known.count >= count * 2,
                    known.contains(where: { $0.matches(line.box, size: line.fontSize) })
                else { continue }
                candidates.insert(index)
            }
            guard !candidates.isEmpty else { return [] }
            // A row shared with other text is a table row or a sentence, not a running line.
            candidates = candidates.filter { index in
                return !rowMates(of: index, in: page).contains {
                    !drop.contains($0) && !candidates.contains($0) && !isPageNumber(page.lines[$0].text)
                }
            }
            guard !candidates.isEmpty else { return [] }
            let order = topToBottom(page)
            // In the margins, a run of such lines set apart by blank space from the lines around it
            // goes (a caption's "Richard S Barreras, Jr." over "In re" stays).
            let margins = Set(marginLines(of: page))
            var accepted = Set<Int>()
            var position = 0
            while position < order.count {
                guard candidates.contains(order[position]) else {
                    position += 1
                    continue
                }
                var end = position
                // A run ends at blank space too: two headers may follow each other.
                while end + 1 < order.count, candidates.contains(order[end + 1]),
                    page.lines[order[end + 1]].box.y0 - page.lines[order[end]].box.y1 < max(
                        page.lines[order[end]].fontSize, 1) * 0.8
                {
                    end += 1
                }
                let run = order[position...end]
                if run.allSatisfy({ margins.contains($0) && wordCount(page.lines[$0].text) >= 3 }),
                    isRunSetApart(position...end, in: page, order: order)
                {
                    accepted.formUnion(run)
                }
                position = end + 1
            }
            // Grow from the lines that go to their neighbours, top to bottom and back.
            func goes(_ index: Int) -> Bool {
                drop.contains(index) || accepted.contains(index)
                    || (isPageNumber(page.lines[index].text) && isAloneOnRow(index, in: page))
            }
            var changed = true
            while changed {
                changed = false
                for (position, index) in order.enumerated()
                where candidates.contains(index) && !accepted.contains(index) {
                    let touching = [position - 1, position + 1].filter { order.indices.contains($0) }.map { order[$0] }
                    if touching.contains(where: { goes($0) && isNear($0, index, in: page) }) {
                        accepted.insert(index)
                        changed = true
                    }
                }
            }
            guard !accepted.isEmpty else { return [] }
            // A page number alone on its row right next to an accepted line goes with it.
            var result = accepted
            for (position, index) in order.enumerated() where accepted.contains(index) {
                for neighbour in [position - 1, position + 1] where order.indices.contains(neighbour) {
                    let other = order[neighbour]
                    if !drop.contains(other), isPageNumber(page.lines[other].text), isAloneOnRow(other, in: page),
                        isNear(other, index, in: page)
                    {
                        result.insert(other)
                    }
                }
            }
            return result
        }
    }

    /// Whether the lines at `positions` of `order` have a blank line's height above and below them
    /// (or the page edge).
    private static func isRunSetApart(_ positions: ClosedRange<Int>, in page: PDFPage, order: [Int]) -> Bool {
        var top = Double.infinity
        var bottom = -Double.infinity
        var size = 1.0
        for position in positions {
            let line = page.lines[order[position]]
            top = min(top, line.box.y0)
            bottom = max(bottom, line.box.y1)
            size = max(size, line.fontSize)
        }
        if positions.lowerBound > 0, top - page.lines[order[positions.lowerBound - 1]].box.y1 < size * 0.8 {
            return false
        }
        if positions.upperBound + 1 < order.count,
            page.lines[order[positions.upperBound + 1]].box.y0 - bottom < size * 0.8
        {
            return false
        }
        return true
    }

    /// Whether two lines touch: less than a blank line between them.
    private static func isNear(_ a: Int, _ b: Int, in page: PDFPage) -> Bool {
        let first = page.lines[a].box
        let second = page.lines[b].box
        let gap = max(first.y0, second.y0) - min(first.y1, second.y1)
        return gap < max(page.lines[a].fontSize, page.lines[b].fontSize, 1) * 0.8
    }

    /// A text that may be matched: some words, not a form label or a signature.
    static func isMatchCandidate(_ text: String) -> Bool {
        guard text.utf8.count <= 200, !isFormLabel(text), !text.contains("/s/") else { return false }
        return text.utf8.contains(0x20) && text.filter(\.isLetter).count >= 3
    }

    /// Words separated by spaces (ASCII space only: lines are normalised).
    static func wordCount(_ text: String) -> Int {
        var count = 0
        var inWord = false
        for byte in text.utf8 {
            if byte == 0x20 {
                inWord = false
            } else if !inWord {
                inWord = true
                count += 1
            }
        }
        return count
    }
}
