/// Puts the lines of a two-column page in reading order: the left column, then the right one,
/// between the full-width lines (headings, page headers) that separate column sections.
///
/// Poppler's page text lists lines by height, so side-by-side columns come out interleaved. A page
/// has columns when some vertical gutter in the middle of the page is crossed by (almost) no line
/// while several lines sit on each side of it; otherwise the order is left as poppler gave it.
enum PDFColumns {
    /// The lines in reading order.
    static func readingOrder(_ lines: [PDFLine], pageWidth: Double) -> [PDFLine] {
        guard lines.count >= 8, pageWidth > 0, let gutter = gutter(lines, pageWidth: pageWidth) else { return lines }
        let sorted = lines.enumerated().sorted {
            ($0.element.box.y0, $0.element.box.x0, $0.offset) < ($1.element.box.y0, $1.element.box.x0, $1.offset)
        }.map(\.element)
        var ordered: [PDFLine] = []
        var left: [PDFLine] = []
        var right: [PDFLine] = []
        func flush() {
            ordered += left + right
            left = []
            right = []
        }
        for line in sorted {
            if line.box.x1 <= gutter {
                left.append(line)
            } else if line.box.x0 >= gutter {
                right.append(line)
            } else {
                flush()
                ordered.append(line)
            }
        }
        flush()
        return ordered
    }

    /// The x of a gutter between two columns, or `nil` for a single-column page.
    static func gutter(_ lines: [PDFLine], pageWidth: Double) -> Double? {
        let lower = Int(pageWidth * 0.3)
        let upper = Int(pageWidth * 0.7)
        guard upper > lower else { return nil }
        var best: (x: Double, crossing: Int)?
        for x in stride(from: lower, through: upper, by: 2) {
            let position = Double(x)
            let crossing = lines.filter { $0.box.x0 < position && $0.box.x1 > position }.count
            if crossing < (best?.crossing ?? Int.max) { best = (position, crossing) }
        }
        guard let best else { return nil }
        let leftCount = lines.filter { $0.box.x1 <= best.x }.count
        let rightLines = lines.filter { $0.box.x0 >= best.x }
        guard leftCount >= 4, rightLines.count >= 4, best.crossing * 4 <= min(leftCount, rightLines.count) else { return nil }
        // A real column is left-aligned: many right-side lines start at the same x.
        var starts: [Int: Int] = [:]
        for line in rightLines { starts[Int(line.box.x0.rounded()), default: 0] += 1 }
        let aligned = starts.values.max() ?? 0
        guard aligned * 2 >= rightLines.count else { return nil }
        // The left side must hold real text lines, not a column of numbers or labels.
        let leftWide = lines.filter { $0.box.x1 <= best.x && $0.box.x1 - $0.box.x0 > pageWidth * 0.2 }.count
        guard leftWide >= 3 else { return nil }
        return best.x
    }
}
