import Foundation

/// A rectangle in page space, points, origin at the top left (y grows downwards).
struct PDFBox: Sendable, Hashable {
    var x0: Double
    var y0: Double
    var x1: Double
    var y1: Double

    var height: Double { y1 - y0 }

    /// The smallest box holding both.
    func union(_ other: PDFBox) -> PDFBox {
        PDFBox(x0: min(x0, other.x0), y0: min(y0, other.y0), x1: max(x1, other.x1), y1: max(y1, other.y1))
    }

    /// Whether the two boxes share some horizontal extent.
    func overlapsHorizontally(_ other: PDFBox) -> Bool { x0 < other.x1 && other.x0 < x1 }
}

/// One line of text as poppler laid it out: its text, box and dominant font.
struct PDFLine: Sendable, Hashable {
    /// Normalised text (ligatures expanded, spaces folded), never empty.
    var text: String
    var box: PDFBox
    /// The font size most of the line's characters use.
    var fontSize: Double
    /// Whether (nearly) every character is in a bold face.
    var isBold: Bool
}

/// One page: its size, its lines in poppler's reading order, and whether it holds images.
struct PDFPage: Sendable, Hashable {
    /// 1-based page number.
    var number: Int
    var width: Double
    var height: Double
    var lines: [PDFLine]
    /// Only computed for pages without text (to tell image-only pages from blank ones).
    var hasImages: Bool
}

extension PDFPage {
    /// The widest gap between a section number and its text that still reads as one line (an inch).
    static let sectionNumberGap = 72.0

    /// The lines with each bare section number that was cut from the text on its right ("1" + gap +
    /// "Definitions", "4.2" + gap + "NCC shall …") put back in front of that text, once margin line
    /// numbers have been removed.
    ///
    /// Poppler lists the numbers of a hanging-indent column as blocks of their own, often well before
    /// the text they number ("4.2", "5", then "NCC shall not …", then "Payment"). The text is the first
    /// later line on the number's baseline that starts to its right within ``sectionNumberGap``; the
    /// joined line takes the text's place in the order, so the number lands beside its own words.
    func rejoiningSplitNumbers() -> PDFPage {
        let numbers = lines.indices.filter { Self.isBareSectionNumber(lines[$0].text) }
        guard !numbers.isEmpty else { return self }
        // A number looks only at lines near its baseline (a page of a tax table holds thousands of bare numbers).
        let byTop = PDFLinesByTop(lines)
        func near(_ y: Double, reach: Int) -> [Int] { byTop.near(y, reach: reach) }
        var slots: [PDFLine?] = lines
        for index in numbers {
            guard let number = slots[index] else { continue }
            // A joined line's top is its number's or its text's, within 2 points of the original's:
            // looking 4 points out finds every line the baseline test below can accept.
            guard
                let partner = near(number.box.y0, reach: 4).first(where: { candidate in
                    guard candidate > index, let text = slots[candidate] else { return false }
                    return abs(number.box.y0 - text.box.y0) < 2 && text.box.x0 > number.box.x1
                        && text.box.x0 - number.box.x1 < Self.sectionNumberGap
                }), let text = slots[partner], !Self.isBareSectionNumber(text.text),
                partner == index + 1 || opensItsRow(index, among: near(lines[index].box.y0, reach: 2))
            else { continue }
            slots[partner] = PDFLine(
                text: number.text + " " + text.text, box: number.box.union(text.box), fontSize: text.fontSize,
                isBold: text.isBold)
            slots[index] = nil
        }
        var page = self
        page.lines = slots.compactMap { $0 }
        return page
    }

    /// Whether nothing on the line's row (among `candidates`, the lines near its top) stands to its
    /// left: a clause number opens its row, a number in a table's second column ("131 – 140" | "260")
    /// does not.
    private func opensItsRow(_ index: Int, among candidates: [Int]) -> Bool {
        let line = lines[index]
        return !candidates.contains { other in
            let other = lines[other]
            return abs(other.box.y0 - line.box.y0) < 2 && other.box.x1 <= line.box.x0 + 1 && other != line
        }
    }

    /// "5", "12", "4.2", "6.1.5", "2.1.": a clause number standing alone, as a hanging indent sets it.
    static func isBareSectionNumber(_ text: String) -> Bool {
        guard text.count <= 10, let first = text.first, first.isNumber else { return false }
        var digitsInRun = 0
        for character in text {
            if character.isASCII, character.isNumber {
                digitsInRun += 1
                if digitsInRun > 3 { return false }
            } else if character == "." {
                guard digitsInRun > 0 else { return false }
                digitsInRun = 0
            } else {
                return false
            }
        }
        return true
    }
}

/// The indices of a page's lines by the whole point of their top, so a rule that pairs a line with the
/// lines on or near its baseline looks at those only, not at the whole page.
struct PDFLinesByTop {
    private var rows: [Int: [Int]] = [:]

    init(_ lines: [PDFLine]) {
        for (index, line) in lines.enumerated() { rows[Int(line.box.y0.rounded(.down)), default: []].append(index) }
    }

    /// Indices of lines whose top lies within `reach` whole points of `y`, in page order.
    func near(_ y: Double, reach: Int) -> [Int] {
        let top = Int(y.rounded(.down))
        return (top - reach...top + reach).flatMap { rows[$0] ?? [] }.sorted()
    }
}

/// A run of characters in one font, as poppler's text attributes report it (inclusive indices).
struct PDFStyleRun: Sendable, Hashable {
    var start: Int
    var end: Int
    var size: Double
    var isBold: Bool

    /// Whether a PostScript font name names a bold (or heavier) face: "Times-Bold", "ABCDEF+Arial,Bold",
    /// "DejaVuSerif-Bold", "Helvetica-BoldOblique", "Calibri Bold", "Arial-Black", "Foo-Semibold".
    static func isBoldFontName(_ name: String) -> Bool {
        let lowered = name.lowercased()
        return lowered.contains("bold") || lowered.contains("black") || lowered.contains("heavy")
            || lowered.hasSuffix(",bd") || lowered.hasSuffix("-bd") || lowered.contains("demi")
    }
}

/// The characters of one page with their boxes and styles, cut into ``PDFLine``s at poppler's newlines.
///
/// Superscript footnote markers (small raised digits) are dropped from body lines.
struct PDFCharacterRun {
    var scalars: [Unicode.Scalar]
    /// One box per scalar, or `nil` when poppler's counts disagreed (then lines get empty boxes).
    var boxes: [PDFBox]?
    var styles: [PDFStyleRun]
    /// The page width, to tell margin line numbers (left sixth) from text.
    var pageWidth: Double = 0

    func lines() -> [PDFLine] {
        var sizes = [Double](repeating: 0, count: scalars.count)
        var bold = [Bool](repeating: false, count: scalars.count)
        for run in styles {
            let lower = max(0, run.start)
            let upper = min(scalars.count - 1, run.end)
            guard lower <= upper else { continue }
            for index in lower...upper {
                sizes[index] = run.size
                bold[index] = run.isBold
            }
        }
        var lines: [PDFLine] = []
        var start = 0
        var tracking: PDFLetterSpacing.Tracking?
        for index in 0...scalars.count where index == scalars.count || scalars[index] == "\n" {
            if index > start {
                for segment in segments(start..<index, sizes: sizes) {
                    if let line = makeLine(segment, sizes: sizes, bold: bold, tracking: &tracking) {
                        lines.append(line)
                    }
                }
            }
            start = index + 1
        }
        return lines
    }

    /// The widest gap (points) between two runs of one line's text: about two characters, at least nine points.
    ///
    /// A wider gap separates columns (or a margin number from its text).
    static func columnGap(fontSize: Double) -> Double { max(fontSize * 1.8, 9) }

    /// Cuts a poppler line where a horizontal gap wider than about two characters separates two runs of text.
    ///
    /// Poppler joins the lines of side-by-side columns (and margin line numbers) that share a baseline. An enumerator
    /// standing alone before the gap ("1.", "(a)") stays with its text (a hanging indent).
    private func segments(_ range: Range<Int>, sizes: [Double]) -> [Range<Int>] {
        guard let boxes else { return [range] }
        var result: [Range<Int>] = []
        var start = range.lowerBound
        var previousEnd: Double?
        for index in range where !TextNormalization.isSpace(scalars[index]) {
            let box = boxes[index]
            let gap = previousEnd.map { box.x0 - $0 } ?? 0
            let wide = gap > Self.columnGap(fontSize: sizes[index]) && !isEnumerator(start..<index)
            // A pleading line number in the margin, however close its text follows.
            let marginNumber =
                gap > max(sizes[index], 1) * 0.8 && (previousEnd ?? .infinity) < pageWidth * 0.16
                && isSmallNumber(start..<index)
            if wide || marginNumber {
                result.append(start..<index)
                start = index
            }
            previousEnd = box.x1
        }
        result.append(start..<range.upperBound)
        return result
    }

    /// One or two digits, nothing else.
    private func isSmallNumber(_ range: Range<Int>) -> Bool {
        let digits = scalars[range].filter { !TextNormalization.isSpace($0) }
        return (1...2).contains(digits.count) && digits.allSatisfy { ("0"..."9").contains($0) }
    }

    /// "1.", "12.", "(a)", "(iv)", "a)", "(1)", "§ 3", "•": a label that heads a hanging indent.
    private func isEnumerator(_ range: Range<Int>) -> Bool {
        let text = String(String.UnicodeScalarView(scalars[range])).trimmingCharacters(in: .whitespaces)
        guard !text.isEmpty, text.count <= 6 else { return false }
        return text.wholeMatch(of: LegalEnumerator.pdfHangingLabel) != nil
    }

    private func makeLine(
        _ range: Range<Int>, sizes: [Double], bold: [Bool], tracking: inout PDFLetterSpacing.Tracking?
    ) -> PDFLine? {
        // The dominant size: the one most printable characters carry (a line has few sizes, so a
        // short list beats a dictionary).
        var weightBySize: [(size: Double, count: Int)] = []
        var boldCount = 0
        var printable = 0
        for index in range where !TextNormalization.isSpace(scalars[index]) {
            if let slot = weightBySize.firstIndex(where: { $0.size == sizes[index] }) {
                weightBySize[slot].count += 1
            } else {
                weightBySize.append((sizes[index], 1))
            }
            if bold[index] { boldCount += 1 }
            printable += 1
        }
        guard printable > 0 else { return nil }
        let fontSize =
            weightBySize.max { $0.count < $1.count || ($0.count == $1.count && $0.size < $1.size) }?.size ?? 0
        var removed = Set<Int>()
        if let boxes {
            // The baseline of the body text: the lowest bottom among full-size characters.
            var baseline = 0.0
            for index in range where sizes[index] >= fontSize * 0.9 && !TextNormalization.isSpace(scalars[index]) {
                baseline = max(baseline, boxes[index].y1)
            }
            for index in range
            where isSuperscriptMarker(
                index, in: range, fontSize: fontSize, sizes: sizes, baseline: baseline, boxes: boxes)
            {
                removed.insert(index)
            }
            // "(¹)" as the Official Journal writes note references: drop the brackets too.
            for index in removed where index > range.lowerBound && scalars[index - 1] == "(" {
                var after = index + 1
                while removed.contains(after) { after += 1 }
                if after < range.upperBound, scalars[after] == ")" {
                    removed.insert(index - 1)
                    removed.insert(after)
                }
            }
            removed.formUnion(
                PDFLetterSpacing.spacesWithinWords(
                    scalars, boxes: boxes, in: range, skipping: removed, fontSize: fontSize, tracking: &tracking))
        }
        var text: [Unicode.Scalar] = []
        text.reserveCapacity(range.count + 8)
        var box: PDFBox?
        var previousInk: Int?
        for index in range where !removed.contains(index) {
            let scalar = scalars[index]
            let isSpace = TextNormalization.isSpace(scalar)
            if let boxes, !isSpace {
                // Poppler leaves out the space where text jumps a gap ("(1)The"): put it back.
                if let previousInk, index == previousInk + 1,
                    boxes[index].x0 - boxes[previousInk].x1 > max(fontSize, 1) * 0.8
                {
                    text.append(" ")
                }
                box = box.map { $0.union(boxes[index]) } ?? boxes[index]
                previousInk = index
            } else if isSpace {
                previousInk = nil
            }
            text.append(scalar)
        }
        let normalized = TextNormalization.normalizeInline(scalars: text, capacity: text.count + 16)
        guard !normalized.isEmpty else { return nil }
        return PDFLine(
            text: normalized, box: box ?? PDFBox(x0: 0, y0: 0, x1: 0, y1: 0), fontSize: fontSize,
            isBold: Double(boldCount) >= Double(printable) * 0.9)
    }

    /// A digit, asterisk or dagger set clearly smaller than the line's text and raised above its
    /// baseline, right after a non-space: a footnote reference.
    private func isSuperscriptMarker(
        _ index: Int, in range: Range<Int>, fontSize: Double, sizes: [Double], baseline: Double, boxes: [PDFBox]
    ) -> Bool {
        let scalar = scalars[index]
        guard ("0"..."9").contains(scalar) || scalar == "*" || scalar == "\u{2020}" || scalar == "\u{2021}" else {
            return false
        }
        guard sizes[index] > 0, sizes[index] < fontSize * 0.8 else { return false }
        guard boxes[index].y1 < baseline - fontSize * 0.2 else { return false }
        // Must follow text (possibly through other marker characters or one space).
        // Must follow some full-size text on the line (not open it, as a note's own number does).
        var previous = index - 1
        while previous >= range.lowerBound,
            sizes[previous] < fontSize * 0.8 || scalars[previous] == "(" || TextNormalization.isSpace(scalars[previous])
        {
            previous -= 1
        }
        return previous >= range.lowerBound
    }
}
