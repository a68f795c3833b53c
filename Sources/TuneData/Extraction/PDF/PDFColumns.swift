/// Puts the lines of a multi-column page in reading order: each column top to bottom, columns left
/// to right, between the full-width lines (headings, page headers) that separate column sections.
///
/// Poppler's page text lists lines by height, so side-by-side columns come out interleaved. A page
/// has columns when vertical gutters are crossed by (almost) no line while several lines sit on
/// each side of them; otherwise the order is left as poppler gave it. Gutters are found one at a
/// time, best first, each checked against the columns the earlier ones left: two columns, three
/// (newsletters, forms) or more.
enum PDFColumns {
    /// A page with fewer lines is read in poppler's order: too little text to find a gutter.
    static let minimumLines = 8
    /// Where across the page (as a share of its width) the gutter between two columns is looked for.
    static let mainGutterRange = 0.3...0.7
    /// Where further gutters (three or more columns) are looked for.
    static let furtherGutterRange = 0.2...0.8
    /// A column beside another is at least the page's width divided by this (a sixth); narrower
    /// ones are a table's label or number columns.
    static let narrowestColumnDivisor = 6.0
    /// Fewest lines on each side of a gutter.
    static let minimumColumnLines = 4
    /// A gutter is crossed by at most one line in this many of the narrower side's lines.
    static let maxCrossingShare = 4
    /// A column of running text: its median line spans at least this share of its width.
    static let filledShare = 0.6

    /// The lines in reading order.
    static func readingOrder(_ lines: [PDFLine], pageWidth: Double) -> [PDFLine] {
        readingOrder(lines, gutters: pageGutters(lines, pageWidth: pageWidth))
    }

    /// The gutters of a page with enough lines to find them (see ``minimumLines``); empty otherwise.
    static func pageGutters(_ lines: [PDFLine], pageWidth: Double) -> [Double] {
        guard lines.count >= minimumLines, pageWidth > 0 else { return [] }
        return gutters(lines, pageWidth: pageWidth)
    }

    /// The lines in reading order around gutters already found.
    static func readingOrder(_ lines: [PDFLine], gutters: [Double]) -> [PDFLine] {
        guard !gutters.isEmpty else { return lines }
        let sorted = lines.enumerated().sorted {
            ($0.element.box.y0, $0.element.box.x0, $0.offset) < ($1.element.box.y0, $1.element.box.x0, $1.offset)
        }.map(\.element)
        var ordered: [PDFLine] = []
        var columns = [[PDFLine]](repeating: [], count: gutters.count + 1)
        func flush() {
            for index in columns.indices {
                ordered += columns[index]
                columns[index] = []
            }
        }
        for line in sorted {
            if let column = column(of: line.box, gutters: gutters) {
                columns[column].append(line)
            } else {
                flush()
                ordered.append(line)
            }
        }
        flush()
        return ordered
    }

    /// The column a box lies in (0 left of the first gutter), or `nil` when it crosses a gutter.
    static func column(of box: PDFBox, gutters: [Double]) -> Int? {
        var index = 0
        while index < gutters.count, box.x0 >= gutters[index] { index += 1 }
        if index < gutters.count, box.x1 > gutters[index] { return nil }
        return index
    }

    /// The x of the main gutter, the one between two columns, or `nil` for a single-column page:
    /// the x of the middle 40 % that the fewest lines cross (leftmost on ties), if it passes
    /// ``isGutter(_:crossing:between:and:lines:pageWidth:besideColumns:)`` for the whole page.
    static func gutter(_ lines: [PDFLine], pageWidth: Double) -> Double? {
        let lower = Int(pageWidth * mainGutterRange.lowerBound)
        let upper = Int(pageWidth * mainGutterRange.upperBound)
        guard upper > lower else { return nil }
        var best: (x: Double, crossing: Int)?
        for x in stride(from: lower, through: upper, by: 2) {
            let position = Double(x)
            let crossing = lines.count { $0.box.x0 < position && $0.box.x1 > position }
            if crossing < (best?.crossing ?? Int.max) { best = (position, crossing) }
        }
        guard let best,
            isGutter(
                best.x, crossing: best.crossing, between: -.infinity, and: .infinity, lines: lines,
                pageWidth: pageWidth,
                besideColumns: false)
        else { return nil }
        return best.x
    }

    /// The x of each gutter between columns, left to right; empty for a single-column page.
    static func gutters(_ lines: [PDFLine], pageWidth: Double) -> [Double] {
        guard let first = gutter(lines, pageWidth: pageWidth) else { return [] }
        let contentLeft = lines.map(\.box.x0).min() ?? 0
        let contentRight = lines.map(\.box.x1).max() ?? pageWidth
        let lower = Int(pageWidth * furtherGutterRange.lowerBound)
        let upper = Int(pageWidth * furtherGutterRange.upperBound)
        // Every x the lines cross least around: the floor of each valley, best first.
        var crossings: [(x: Double, crossing: Int)] = []
        for x in stride(from: lower, through: upper, by: 2) {
            let position = Double(x)
            crossings.append((position, lines.count { $0.box.x0 < position && $0.box.x1 > position }))
        }
        var candidates: [(x: Double, crossing: Int)] = []
        var index = 0
        while index < crossings.count {
            var end = index
            while end + 1 < crossings.count, crossings[end + 1].crossing == crossings[index].crossing { end += 1 }
            let before = index > 0 ? crossings[index - 1].crossing : Int.max
            let after = end + 1 < crossings.count ? crossings[end + 1].crossing : Int.max
            if crossings[index].crossing < before, crossings[index].crossing < after {
                // A valley's floor: its middle, so the gutter sits between both columns' edges.
                candidates.append((crossings[(index + end) / 2].x, crossings[index].crossing))
            }
            index = end + 1
        }
        // Further gutters: valleys best first (ties: nearest the middle), each checked against
        // the columns the gutters found so far leave.
        candidates.sort { ($0.crossing, abs($0.x - pageWidth / 2)) < ($1.crossing, abs($1.x - pageWidth / 2)) }
        var accepted = [first]
        for candidate in candidates
        where accepted.allSatisfy({ abs($0 - candidate.x) >= pageWidth / narrowestColumnDivisor }) {
            let left = accepted.filter { $0 < candidate.x }.max() ?? contentLeft
            let right = accepted.filter { $0 > candidate.x }.min() ?? contentRight
            if isGutter(
                candidate.x, crossing: candidate.crossing, between: left, and: right, lines: lines,
                pageWidth: pageWidth,
                besideColumns: true)
            {
                accepted.append(candidate.x)
            }
        }
        return accepted.sorted()
    }

    /// Whether x separates two columns of the band between the gutters `left` and `right`.
    ///
    /// Few lines may cross it (a quarter of either side's count). Once the page has a gutter, a
    /// further one may be crossed by more lines (full-width paragraphs between bands of three
    /// columns) if at least half the lines of the narrower side sit on the same rows as lines of
    /// the other side, as side-by-side columns do.
    private static func isGutter(
        _ x: Double, crossing: Int, between left: Double, and right: Double, lines: [PDFLine], pageWidth: Double,
        besideColumns: Bool
    ) -> Bool {
        // Columns narrower than a sixth of the page are label or number columns of a table.
        guard
            !besideColumns
                || (x - left >= pageWidth / narrowestColumnDivisor && right - x >= pageWidth / narrowestColumnDivisor)
        else { return false }
        let leftLines = lines.filter { $0.box.x0 >= left && $0.box.x1 <= x }
        let rightLines = lines.filter { $0.box.x0 >= x && $0.box.x1 <= right }
        let leftCount = leftLines.count
        let fewer = min(leftCount, rightLines.count)
        guard leftCount >= minimumColumnLines, rightLines.count >= minimumColumnLines else { return false }
        if besideColumns {
            // Beside an existing gutter, both sides must be columns of running text, whose lines
            // fill their width, not the cells of a table.
            guard filled(leftLines, width: x - left), filled(rightLines, width: right - x) else { return false }
        }
        if crossing * maxCrossingShare > fewer {
            guard besideColumns else { return false }
            let paired = rightLines.filter { line in
                leftLines.contains { abs($0.box.y0 - line.box.y0) < max(line.box.height, 1) * 0.5 }
            }.count
            guard paired >= minimumColumnLines, paired * 2 >= fewer else { return false }
        }
        // A real column is left-aligned: many right-side lines start at the same x.
        var starts: [Int: Int] = [:]
        for line in rightLines { starts[Int(line.box.x0.rounded()), default: 0] += 1 }
        let aligned = starts.values.max() ?? 0
        guard aligned * 2 >= rightLines.count else { return false }
        // The left side must hold real text lines, not a column of numbers or labels.
        let band = min(right, pageWidth) - max(left, 0)
        let wide = leftLines.count { $0.box.x1 - $0.box.x0 > min(pageWidth * 0.2, band * 0.3) }
        return wide >= 3
    }

    /// Whether most lines (the median) span at least 60 % of the column's width.
    private static func filled(_ lines: [PDFLine], width: Double) -> Bool {
        let widths = lines.map { $0.box.x1 - $0.box.x0 }.sorted()
        return widths[widths.count / 2] >= width * filledShare
    }
}
