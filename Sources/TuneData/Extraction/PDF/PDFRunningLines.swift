/// Finds the lines that are page furniture rather than content: running headers and footers,
/// page numbers, Bates numbers and pleading line numbers.
///
/// A line near the top or bottom of a page is a running line when the same text, with digits
/// folded ("Page 3 of 25" ~ "Page 4 of 25"), sits near the top or bottom of enough other pages.
/// Bare page numbers and Bates numbers in those margins go even when they appear once; small
/// integers in the left margin are pleading line numbers.
struct PDFRunningLines {
    /// How far down the page, as a share of its height, the header margin reaches (slip
    /// opinions print "Opinion of the Court" at 17%).
    static let headerShare = 0.18
    /// How far up the page the footer margin reaches (kept tight: signature blocks repeat there).
    static let footerShare = 0.12
    /// How many lines from each end of a page are considered.
    static let linesPerMargin = 10

    /// For each page, the indices of its lines to drop.
    static func furniture(in pages: [PDFPage]) -> [Set<Int>] {
        let candidates = pages.map(marginLines)
        // Pages on which each (text key, height band) occurs: running lines sit at the same height.
        var pagesByKey: [BandKey: Set<Int>] = [:]
        var exactCounts: [String: Int] = [:]
        let keys = candidates.enumerated().map { pageIndex, lines in
            Dictionary(uniqueKeysWithValues: lines.map { ($0, key(pages[pageIndex].lines[$0].text)) })
        }
        for (pageIndex, lines) in candidates.enumerated() {
            for lineIndex in lines {
                let line = pages[pageIndex].lines[lineIndex]
                pagesByKey[BandKey(text: keys[pageIndex][lineIndex] ?? "", band: band(line)), default: []].insert(
                    pageIndex)
            }
            for text in Set(lines.map({ pages[pageIndex].lines[$0].text })) { exactCounts[text, default: 0] += 1 }
        }
        let needed = pages.count <= 3 ? pages.count : max(3, Int((Double(pages.count) * 0.3).rounded(.up)))
        func pagesWith(_ line: PDFLine, key textKey: String) -> Int {
            let center = band(line)
            var union = Set<Int>()
            for offset in -1...1 { union.formUnion(pagesByKey[BandKey(text: textKey, band: center + offset)] ?? []) }
            return union.count
        }
        let margins = pages.enumerated().map { pageIndex, page in
            var drop = Set<Int>()
            // A page number may sit right under a short page's last line, far from the margin.
            let order = page.lines.indices.sorted { page.lines[$0].box.y0 < page.lines[$1].box.y0 }
            // Alone on its row, centred (on the page or on the text column: a filing printed from
            // plain text sets its lines in a narrow column) or flush right.
            let column = textColumn(of: page)
            for lineIndex in order.prefix(2) + order.suffix(3) where isPageNumber(page.lines[lineIndex].text) {
                let box = page.lines[lineIndex].box
                let centre = (box.x0 + box.x1) / 2
                let centred =
                    abs(centre - page.width / 2) < page.width * 0.15
                    || abs(centre - (column.lowerBound + column.upperBound) / 2)
                        < (column.upperBound - column.lowerBound) * 0.1
                if isAloneOnRow(lineIndex, in: page), centred || box.x1 > page.width * 0.8 {
                    drop.insert(lineIndex)
                }
            }
            for lineIndex in candidates[pageIndex] {
                let line = page.lines[lineIndex]
                // A bare number must be alone on its row (table cells come in rows).
                let bare = line.text.unicodeScalars.allSatisfy { ("0"..."9").contains($0) }
                if isBatesNumber(line.text) || (isPageNumber(line.text) && (!bare || isAloneOnRow(lineIndex, in: page)))
                {
                    drop.insert(lineIndex)
                    continue
                }
                // Form labels ("Name:", "By: ____") repeat on signature pages but are content, and
                // so do section numbers set apart from their titles ("16.2" at the top of a page):
                // a line without letters must repeat word for word ("4.5.2016").
                if isFormLabel(line.text) { continue }
                if !line.text.contains(where: \.isLetter), (exactCounts[line.text] ?? 0) < needed { continue }
                guard pages.count >= 2, pagesWith(line, key: keys[pageIndex][lineIndex] ?? "") >= needed else {
                    continue
                }
                // A numbered heading ("ARTICLE 4") that starts several pages is content: only
                // identical text repeats count for it.
                if PDFHeadingRules.numberedLevel(line.text) != nil, (exactCounts[line.text] ?? 0) < needed { continue }
                drop.insert(lineIndex)
            }
            // A page number sharing its row only with running text ("Cite as: 569 U. S. ____ (2013)"
            // on the left, "3" on the right).
            for lineIndex in candidates[pageIndex]
            where !drop.contains(lineIndex) && isPageNumber(page.lines[lineIndex].text) {
                let row = rowMates(of: lineIndex, in: page)
                if !row.isEmpty, row.allSatisfy(drop.contains) { drop.insert(lineIndex) }
            }
            // Pleading paper numbers its lines down the left margin: many bare numbers there.
            // Poppler sometimes strings several of them into one line ("4 5 6 7 8 9").
            let margin = page.lines.indices.filter { pleadingNumbers(in: page.lines[$0], pageWidth: page.width) > 0 }
            if margin.reduce(0, { $0 + pleadingNumbers(in: page.lines[$1], pageWidth: page.width) }) >= 5,
                isLineNumbering(margin.map { page.lines[$0] })
            {
                drop.formUnion(margin)
            }
            return drop
        }
        let found = zip(margins, floatingFurniture(in: pages, margins: margins)).map { $0.union($1) }
        let matched = zip(found, matchedFurniture(in: pages, dropped: found)).map { $0.union($1) }
        return zip(matched, sentencePageNumbers(in: pages, dropped: matched)).map { $0.union($1) }
    }

    /// The horizontal extent of a page's text: from the leftmost start to the rightmost end.
    static func textColumn(of page: PDFPage) -> ClosedRange<Double> {
        guard let first = page.lines.first else { return 0...page.width }
        var lower = first.box.x0
        var upper = first.box.x1
        for line in page.lines {
            lower = min(lower, line.box.x0)
            upper = max(upper, line.box.x1)
        }
        return lower...max(lower, upper)
    }

    /// Lines whose tops lie within this many points share a row.
    static let rowTolerance = 3.0

    /// Whether two lines' tops lie within ``rowTolerance`` of each other.
    static func shareRow(_ a: PDFLine, _ b: PDFLine) -> Bool {
        abs(a.box.y0 - b.box.y0) < rowTolerance
    }

    /// The other lines of the page on the line's row.
    static func rowMates(of index: Int, in page: PDFPage) -> LazyFilterSequence<Range<Int>> {
        let line = page.lines[index]
        return page.lines.indices.lazy.filter { $0 != index && shareRow(page.lines[$0], line) }
    }

    /// Whether no other line of the page shares the line's row.
    static func isAloneOnRow(_ index: Int, in page: PDFPage) -> Bool {
        rowMates(of: index, in: page).isEmpty
    }

    /// The page's line indices from top to bottom, left to right on a row.
    static func topToBottom(_ page: PDFPage) -> [Int] {
        page.lines.indices.sorted {
            let a = page.lines[$0].box
            let b = page.lines[$1].box
            return a.y0 != b.y0 ? a.y0 < b.y0 : a.x0 < b.x0
        }
    }

    /// A form label ("Name:", "By: ____"): it repeats on signature pages but is content.
    static func isFormLabel(_ text: String) -> Bool {
        text.hasSuffix(":") || text.hasSuffix("_")
    }

    private struct BandKey: Hashable {
        var text: String
        var band: Int
    }

    /// The line's height on the page in 18-point bands.
    private static func band(_ line: PDFLine) -> Int { Int(line.box.y0 / 18) }

    /// Indices of the lines in the top and bottom margins (at most ``linesPerMargin`` each).
    static func marginLines(of page: PDFPage) -> [Int] {
        guard page.height > 0 else { return [] }
        let order = page.lines.indices.sorted { page.lines[$0].box.y0 < page.lines[$1].box.y0 }
        // By the line's top: a header set in a larger size still starts inside the margin.
        let top = order.prefix(linesPerMargin).filter { page.lines[$0].box.y0 <= page.height * headerShare }
        let bottom = order.suffix(linesPerMargin).filter { page.lines[$0].box.y0 >= page.height * (1 - footerShare) }
        return Array(Set(top + bottom)).sorted()
    }

    /// The comparison key of a margin line: ASCII letters lower-cased, digit runs folded to "#",
    /// spaces dropped.
    static func key(_ text: String) -> String {
        var output = String.UnicodeScalarView()
        var lastWasDigit = false
        for scalar in text.unicodeScalars {
            if ("0"..."9").contains(scalar) {
                if !lastWasDigit { output.append("#") }
                lastWasDigit = true
                continue
            }
            lastWasDigit = false
            if scalar == " " { continue }
            if ("A"..."Z").contains(scalar), let lower = Unicode.Scalar(scalar.value + 32) {
                output.append(lower)
            } else {
                output.append(scalar)
            }
        }
        return String(output)
    }

    /// "12", "- 12 -", "Page 12", "Page 3 of 25", "3/25", "xii", "C - 1", "A-12",
    /// "Schedule 1-4" (exhibit page labels).
    static func isPageNumber(_ text: String) -> Bool {
        // Every form is short: skip the regexes for the body lines, which are nearly all lines.
        guard text.utf8.count <= 32 else { return false }
        guard text.hasASCIIDigit else { return text.wholeMatch(of: PDFPatterns.romanPageNumber) != nil }
        return isArabicPageNumber(text)
            || text.wholeMatch(of: PDFPatterns.letterPageNumber) != nil
            || text.wholeMatch(of: SectionLabel.attachmentPage) != nil
    }

    /// A page number, perhaps with words and dashes: "12", "- 12 -", "Page 3 of 25", "3/25".
    static func isArabicPageNumber(_ text: String) -> Bool {
        text.utf8.count <= 32 && text.hasASCIIDigit && text.wholeMatch(of: PDFPatterns.pageNumber) != nil
    }

    /// "ABC000123", "DEF_0001234", "SMITH-00012": letters then five or more digits.
    static func isBatesNumber(_ text: String) -> Bool {
        text.utf8.count <= 32 && text.hasASCIIDigit && text.wholeMatch(of: PDFPatterns.batesNumber) != nil
    }

    /// Whether bare numbers in the left margin number the page's lines.
    ///
    /// Line numbers count up by one down the page at an even pitch ("1" … "28" every 24 points), or
    /// poppler strings them into one line ("4 5 6 7 8 9"). A contract's section numbers ("12", "13")
    /// and a schedule's list ("1" … "6" at uneven gaps) sit in the same margin but number clauses.
    static func isLineNumbering(_ lines: [PDFLine]) -> Bool {
        let numbered = lines.map { line in (line.box.y0, line.text.split(separator: " ").compactMap { Int($0) }) }
        if numbered.contains(where: { $0.1.count >= 3 && zip($0.1, $0.1.dropFirst()).allSatisfy { $1 == $0 + 1 } }) {
            return true
        }
        let column = numbered.filter { $0.1.count == 1 }.sorted { $0.0 < $1.0 }.map { (top: $0.0, number: $0.1[0]) }
        var run = 1
        var pitch = 0.0
        for (previous, next) in zip(column, column.dropFirst()) {
            let gap = next.top - previous.top
            let even = run == 1 || abs(gap - pitch) <= pitch * lineNumberPitchTolerance
            if next.number == previous.number + 1, gap > 0, even {
                if run == 1 { pitch = gap }
                run += 1
                if run >= lineNumberRun { return true }
            } else {
                run = 1
            }
        }
        return false
    }

    /// Line numbers counting up by one this many times make a numbered column.
    static let lineNumberRun = 5
    /// How far one gap between line numbers may differ from the first, as a share of it (line
    /// spacing is even; a list's items are not).
    static let lineNumberPitchTolerance = 0.25

    /// How many line numbers (integers from 1 to 40) make up a line lying in the left sixth of
    /// the page; 0 when the line holds anything else.
    static func pleadingNumbers(in line: PDFLine, pageWidth: Double) -> Int {
        guard pageWidth > 0, line.box.x1 < pageWidth * 0.16 else { return 0 }
        let parts = line.text.split(separator: " ")
        for part in parts {
            guard part.utf8.count <= 2, let number = Int(part), (1...40).contains(number) else { return 0 }
        }
        return parts.count
    }
}
