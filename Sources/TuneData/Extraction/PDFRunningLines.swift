/// Finds the lines that are page furniture rather than content: running headers and footers,
/// page numbers, Bates numbers and pleading line numbers.
///
/// A line near the top or bottom of a page is a running line when the same text, with digits
/// folded ("Page 3 of 25" ~ "Page 4 of 25"), sits near the top or bottom of enough other pages.
/// Bare page numbers and Bates numbers in those margins go even when they appear once; small
/// integers in the left margin are pleading line numbers.
struct PDFRunningLines {
    /// How far into the page, as a share of its height, the header and footer margins reach.
    static let marginShare = 0.12
    /// How many lines from each end of a page are considered.
    static let linesPerMargin = 4

    /// For each page, the indices of its lines to drop.
    static func furniture(in pages: [PDFPage]) -> [Set<Int>] {
        let candidates = pages.map(marginLines)
        var pagesByKey: [String: Set<Int>] = [:]
        for (pageIndex, lines) in candidates.enumerated() {
            for lineIndex in lines {
                pagesByKey[key(pages[pageIndex].lines[lineIndex].text), default: []].insert(pageIndex)
            }
        }
        let needed = pages.count <= 3 ? 2 : max(3, Int((Double(pages.count) * 0.2).rounded(.up)))
        var exactCounts: [String: Int] = [:]
        for (pageIndex, lines) in candidates.enumerated() {
            for text in Set(lines.map({ pages[pageIndex].lines[$0].text })) { exactCounts[text, default: 0] += 1 }
        }
        return pages.enumerated().map { pageIndex, page in
            var drop = Set<Int>()
            for lineIndex in candidates[pageIndex] {
                let text = page.lines[lineIndex].text
                if isPageNumber(text) || isBatesNumber(text) {
                    drop.insert(lineIndex)
                    continue
                }
                guard pages.count >= 2, (pagesByKey[key(text)]?.count ?? 0) >= needed else { continue }
                // A numbered heading ("ARTICLE 4") that starts several pages is content: only
                // identical text repeats count for it.
                if PDFHeadingRules.numberedLevel(text) != nil, (exactCounts[text] ?? 0) < needed { continue }
                drop.insert(lineIndex)
            }
            for (lineIndex, line) in page.lines.enumerated() where isPleadingLineNumber(line, pageWidth: page.width) {
                drop.insert(lineIndex)
            }
            return drop
        }
    }

    /// Indices of the lines in the top and bottom margins (at most ``linesPerMargin`` each).
    static func marginLines(of page: PDFPage) -> [Int] {
        guard page.height > 0 else { return [] }
        let order = page.lines.indices.sorted { page.lines[$0].box.y0 < page.lines[$1].box.y0 }
        let top = order.prefix(linesPerMargin).filter { page.lines[$0].box.y1 <= page.height * marginShare }
        let bottom = order.suffix(linesPerMargin).filter { page.lines[$0].box.y0 >= page.height * (1 - marginShare) }
        return Array(Set(top + bottom)).sorted()
    }

    /// The comparison key of a margin line: lower-cased, digit runs folded to "#", spaces folded.
    static func key(_ text: String) -> String {
        var output = ""
        var lastWasDigit = false
        for character in text.lowercased() {
            if character.isNumber {
                if !lastWasDigit { output.append("#") }
                lastWasDigit = true
            } else {
                lastWasDigit = false
                if character.isWhitespace { continue }
                output.append(character)
            }
        }
        return output
    }

    /// "12", "- 12 -", "Page 12", "Page 3 of 25", "3/25", "xii".
    static func isPageNumber(_ text: String) -> Bool {
        text.wholeMatch(of: /(?i)(page|pg\.?|p\.)?\s*[-–—]?\s*\d{1,4}\s*[-–—]?(\s*(of|\/)\s*\d{1,4})?/) != nil
            || text.wholeMatch(of: /[ivxlc]{1,7}/) != nil
    }

    /// "ABC000123", "DEF_0001234", "SMITH-00012": letters then five or more digits.
    static func isBatesNumber(_ text: String) -> Bool {
        text.wholeMatch(of: /[A-Z][A-Z0-9]{1,14}[ _-]?\d{5,10}/) != nil
    }

    /// A bare integer from 1 to 40 whose box lies in the left tenth of the page.
    static func isPleadingLineNumber(_ line: PDFLine, pageWidth: Double) -> Bool {
        guard pageWidth > 0, line.box.x1 < pageWidth * 0.12, line.text.count <= 2,
            let number = Int(line.text)
        else { return false }
        return (1...40).contains(number)
    }
}
