/// Rebuilds headings, paragraphs, list items and footnotes from the lines of a PDF's pages.
///
/// Lines come in poppler's reading order (columns one after the other) with page furniture already
/// removed. A new block starts at a heading, a list marker, a vertical gap wider than the page's
/// usual line gap, a first-line indent or short line after a sentence end, or a jump back up the
/// page after a sentence end (a new column). Words broken at a line end are joined ("confiden-" +
/// "tiality"), real compounds keep their hyphen ("non-" + "exclusive" when "non-exclusive" is
/// written elsewhere in the document, or when the second part starts with a capital). Footnotes
/// become footnote blocks placed after the paragraph that is open at the page end.
struct PDFBlockBuilder {
    var pages: [PDFPage]

    private let bodySize: Double
    private let headingSizes: [Double]
    private let boldIsBody: Bool
    private let hyphenatedWords: Set<String>

    // MARK: - Thresholds (calibrated on the CUAD and EUR-Lex PDFs of the corpus; sizes are in points,
    // distances in multiples of the line's font size)

    /// A line at least this much larger than the body text is set as a heading.
    static let headingSizeRatio = 1.2
    /// A line longer than this (in bytes) is a paragraph however it is set.
    static let maxHeadingBytes = 150
    /// Longest bold heading, heading continuation or title under a bare label, in bytes.
    static let maxStyledHeadingBytes = 100
    /// Most words of a bold heading; more is a bold sentence.
    static let maxBoldHeadingWords = 14
    /// The deepest level a heading gets from its size alone (the largest size is level 1).
    static let deepestSizedHeading = 3
    /// Font sizes closer than this are the same size (poppler reports fractional sizes).
    static let sameSize = 0.5
    /// A change of font size larger than this starts a new block.
    static let sizeChangeStartingABlock = 1.5
    /// A line starting this far above the previous one is in the next column.
    static let columnJump = 0.5
    /// The gap between lines of a paragraph when the page has too few lines to measure it.
    static let fallbackLineGap = 0.3
    /// A gap this much wider than the page's usual line gap separates paragraphs.
    static let paragraphGap = 0.6
    /// A horizontal space narrower than this between two runs on one row is a justified space.
    static let sameRowSpace = 3.0
    /// A line starting this much right of the previous one is a first-line indent.
    static let firstLineIndent = 1.2
    /// A line ending this far short of the column's right edge ends its paragraph.
    static let shortLine = 2.5
    /// An all-capitals line must end this far short of the right edge to be a heading, not a
    /// capitalised clause that fills the line.
    static let capitalsShortOfEdge = 4.0
    /// A lower-case line closer than this below a numbered line carries on its sentence.
    static let runOnGap = 1.5
    /// A styled line closer than this below a styled heading carries on the heading.
    static let headingLineGap = 0.8
    /// Footnotes are set smaller than this share of the body size.
    static let footnoteSizeRatio = 0.9
    /// Footnotes sit below this share of the page's height.
    static let footnoteZone = 0.5
    /// A bare enumerator ("(iv)", "12.") is at most this many bytes.
    static let maxBareEnumeratorBytes = 8
    /// How many lines before and after a line are read to find its column's right edge.
    static let rightEdgeWindow = 8

    init(pages: [PDFPage]) {
        self.pages = pages
        var weightBySize: [Double: Int] = [:]
        var boldWeight = 0
        var totalWeight = 0
        var hyphenated = Set<String>()
        for page in pages {
            for line in page.lines {
                weightBySize[(line.fontSize * 2).rounded() / 2, default: 0] += line.text.utf8.count
                totalWeight += line.text.utf8.count
                if line.isBold { boldWeight += line.text.utf8.count }
                guard line.text.utf8.contains(UInt8(ascii: "-")) else { continue }
                for token in line.text.split(separator: " ") where token.utf8.dropLast().contains(UInt8(ascii: "-")) {
                    hyphenated.insert(Self.letters(token).lowercased())
                }
            }
        }
        let body = weightBySize.max { $0.value < $1.value || ($0.value == $1.value && $0.key > $1.key) }?.key ?? 0
        bodySize = body
        boldIsBody = boldWeight * 2 > totalWeight
        hyphenatedWords = hyphenated
        let large = Set(
            pages.flatMap { page in
                page.lines.filter {
                    $0.fontSize >= body * Self.headingSizeRatio && $0.text.utf8.count <= Self.maxHeadingBytes
                }.map {
                    ($0.fontSize * 2).rounded() / 2
                }
            })
        headingSizes = large.sorted(by: >)
    }

    /// The blocks of the document in reading order.
    func blocks() -> [Block] {
        var output: [Block] = []
        var current: OpenBlock?
        var pendingFootnotes: [Block] = []

        func close() {
            if let block = current?.block { output.append(block) }
            current = nil
            output.append(contentsOf: pendingFootnotes)
            pendingFootnotes = []
        }

        for page in pages {
            let (body, footnotes) = splitFootnotes(page)
            let typicalGap = Self.typicalGap(body)
            for (index, line) in body.enumerated() {
                let previous = current?.lastLine
                let samePage = current?.page == page.number || current?.lastPage == page.number
                let startsBlock =
                    current == nil || current?.isHeading == true
                    || breaksBetween(
                        previous, line, samePage: samePage, typicalGap: typicalGap, neighbours: body, index: index)
                if var open = current, open.isHeading, !open.labelOnly, samePage, continuesHeading(open.lastLine, line)
                {
                    open.append(line, joiner: joiner(open.text, line.text), page: page.number)
                    current = open
                    continue
                }
                if var open = current, !open.isHeading, samePage, Self.isBareEnumerator(open.text),
                    !Self.isBareEnumerator(line.text)
                {
                    // "1." set apart in a hanging indent: its text follows.
                    open.append(line, joiner: " ", page: page.number)
                    current = open
                    continue
                }
                if let level = startsBlock ? headingLevel(line, page: page, neighbours: body, index: index) : nil {
                    if var open = current, open.isHeading, open.labelOnly, samePage {
                        open.append(line, joiner: " ", page: page.number)
                        open.labelOnly = false
                        current = open
                        continue
                    }
                    close()
                    current = OpenBlock(kind: .heading(level: level), line: line, page: page.number)
                    current?.labelOnly = PDFHeadingRules.isBareLabel(line.text)
                    continue
                }
                if var open = current, !open.isHeading, !startsBlock, !Self.startsListItem(line.text) {
                    open.append(line, joiner: joiner(open.text, line.text), page: page.number)
                    current = open
                    continue
                }
                if var open = current, open.isHeading, open.labelOnly, samePage, !Self.startsListItem(line.text),
                    line.text.utf8.count <= Self.maxStyledHeadingBytes, line.text.first?.isUppercase == true,
                    !Self.endsSentence(line.text)
                {
                    open.append(line, joiner: " ", page: page.number)
                    open.labelOnly = false
                    current = open
                    continue
                }
                close()
                current = OpenBlock(
                    kind: Self.startsListItem(line.text) ? .listItem : .paragraph, line: line, page: page.number)
            }
            pendingFootnotes.append(contentsOf: footnotes)
            if let open = current, open.isHeading || Self.endsSentence(open.text) { close() }
        }
        close()
        return Self.levellingNumberedHeadings(output)
    }

    /// Gives numbered headings levels by the kinds of numbering the document actually uses
    /// (see ``PDFHeadingRules/numberedRank(_:)``): the outermost kind present becomes level 1.
    ///
    /// One exception to the usual order: when section numbers restart ("Section 1" more than once)
    /// while article numbers run on, sections group articles (EU regulations: Chapter > Section >
    /// Article), so sections go between chapters and articles.
    static func levellingNumberedHeadings(_ blocks: [Block]) -> [Block] {
        var ranks = blocks.map {
            $0.kind.headingLevel == nil ? nil : PDFHeadingRules.numberedRank($0.text).map(Double.init)
        }
        func labels(_ rank: Double) -> [String] {
            zip(blocks, ranks).filter { $0.1 == rank }.map {
                $0.0.text.split(separator: " ").prefix(2).joined(separator: " ").lowercased()
            }
        }
        let sections = labels(5)
        let articles = labels(4)
        if Set(sections).count < sections.count, !articles.isEmpty, Set(articles).count == articles.count {
            ranks = ranks.map { $0 == 5 ? 3.5 : $0 }
        }
        let order = Set(ranks.compactMap { $0 }.filter { $0 > 0 }).sorted()
        var levelled = blocks
        for (index, rank) in ranks.enumerated() {
            guard let rank else { continue }
            let level = rank == 0 ? 1 : (order.firstIndex(of: rank).map { $0 + 1 } ?? 1)
            levelled[index].kind = .heading(level: min(level, 6))
        }
        return levelled
    }

    // MARK: - Block boundaries

    private func breaksBetween(
        _ previous: PDFLine?, _ line: PDFLine, samePage: Bool, typicalGap: Double?, neighbours: [PDFLine], index: Int
    ) -> Bool {
        guard let previous else { return true }
        let ended = Self.endsSentence(previous.text)
        if Self.startsListItem(line.text) || Self.isEnumeratorBesideItsText(index, in: neighbours) { return true }
        // An attachment starts on a page of its own: its heading opens a new block even under a
        // table's last cell ("1 [***]" then "Exhibit H - BARDA Requirements"), unless the line above
        // leads into it ("… as set forth in" then "Exhibit B").
        guard samePage else {
            return ended || (PDFHeadingRules.opensAttachment(line.text) && !Self.leadsOn(previous.text))
        }
        let size = max(previous.fontSize, 1)
        if abs(line.fontSize - previous.fontSize) > Self.sizeChangeStartingABlock { return true }
        if line.box.y0 < previous.box.y0 - size * Self.columnJump { return ended }  // next column or back up
        // A clause number hanging out to the left of the text above it: the next clause of a hanging
        // indent ("2.3   On the Effective Date …" under the second line of 2.2), whether or not the
        // clause above ended on a full stop ("… Identity, ***").
        if line.box.x0 < previous.box.x0 - size, Self.startsEnumerated(line.text) { return true }
        let gap = line.box.y0 - previous.box.y1
        if gap > (typicalGap ?? size * Self.fallbackLineGap) + size * Self.paragraphGap { return true }
        guard ended else { return false }
        // The rest of the same printed line, cut off by a wide justified space: 'district courts."'
        // then "28 U.S.C. § 1291." then "Of course, …" on one row of a court filing.
        if PDFRunningLines.shareRow(line, previous), line.box.x0 >= previous.box.x1 - 1,
            line.box.x0 - previous.box.x1 < size * Self.sameRowSpace
        {
            return false
        }
        // A first-line indent (not the hanging indent after "(1)" or "1.").
        if line.box.x0 > previous.box.x0 + size * Self.firstLineIndent, !Self.startsEnumerated(previous.text) {
            return true
        }
        let rightEdge = Self.rightEdge(around: index, in: neighbours, overlapping: previous.box)
        return previous.box.x1 < rightEdge - size * Self.shortLine  // the previous line stopped short
    }

    private func headingLevel(_ line: PDFLine, page: PDFPage, neighbours: [PDFLine], index: Int) -> Int? {
        let text = line.text
        guard text.utf8.count <= Self.maxHeadingBytes, text.contains(where: \.isLetter) else { return nil }
        if let level = PDFHeadingRules.numberedLevel(text) {
            // A heading set apart by its style may wrap onto a lower-case line ("11. Do you rent
            // your" over "residence?"); a plain numbered line that does so starts a clause.
            let styled =
                (line.isBold && !boldIsBody) || (bodySize > 0 && line.fontSize >= bodySize * Self.headingSizeRatio)
            return !styled && Self.runsOnBelow(line, neighbours: neighbours, index: index) ? nil : level
        }
        if bodySize > 0, line.fontSize >= bodySize * Self.headingSizeRatio,
            let rank = headingSizes.firstIndex(of: (line.fontSize * 2).rounded() / 2)
        {
            return min(rank + 1, Self.deepestSizedHeading)
        }
        let startsCapital = text.first.map { $0.isUppercase || $0.isNumber } ?? false
        if line.isBold, !boldIsBody, startsCapital, text.utf8.count <= Self.maxStyledHeadingBytes,
            text.split(separator: " ").count <= Self.maxBoldHeadingWords,
            !text.hasSuffix(","), !text.hasSuffix(";")
        {
            return 2
        }
        if PDFHeadingRules.isAllCapitals(text) {
            let rightEdge = Self.rightEdge(around: index, in: neighbours, overlapping: line.box)
            if line.box.x1 < rightEdge - max(line.fontSize, 1) * Self.capitalsShortOfEdge { return 2 }
        }
        return nil
    }

    /// Whether a sentence starting on `line` runs on into the line right below it, which starts in
    /// lower case: "11.3.1 This Agreement supersedes all prior and contemporaneous" over
    /// "agreements and understandings …" is a clause's first line, not a heading.
    static func runsOnBelow(_ line: PDFLine, neighbours: [PDFLine], index: Int) -> Bool {
        guard index + 1 < neighbours.count, let last = line.text.last, last.isLetter else { return false }
        let next = neighbours[index + 1]
        guard next.text.first?.isLowercase == true, abs(next.fontSize - line.fontSize) < Self.sameSize else {
            return false
        }
        let gap = next.box.y0 - line.box.y1
        return gap >= -1 && gap < max(line.fontSize, 1) * Self.runOnGap
    }

    /// Whether `line` carries on a heading set apart by its style (bold or large) on the line
    /// before: same style, no number of its own, right below it.
    private func continuesHeading(_ previous: PDFLine, _ line: PDFLine) -> Bool {
        let styled = (previous.isBold && !boldIsBody) || previous.fontSize >= bodySize * Self.headingSizeRatio
        guard styled, line.isBold == previous.isBold, abs(line.fontSize - previous.fontSize) < Self.sameSize else {
            return false
        }
        let gap = line.box.y0 - previous.box.y1
        guard gap >= -1, gap < previous.fontSize * Self.headingLineGap, !Self.endsSentence(previous.text) else {
            return false
        }
        return PDFHeadingRules.numberedLevel(line.text) == nil && !Self.startsListItem(line.text)
            && line.text.utf8.count <= Self.maxStyledHeadingBytes
    }

    // MARK: - Footnotes

    /// Splits a page into body lines and footnote blocks: smaller-than-body lines below the last
    /// body-size line, in the lower half, the first starting with a note marker.
    private func splitFootnotes(_ page: PDFPage) -> ([PDFLine], [Block]) {
        guard bodySize > 0 else { return (page.lines, []) }
        let bodyBottom = page.lines.filter { $0.fontSize >= bodySize * Self.footnoteSizeRatio }.map(\.box.y1).max() ?? 0
        let isNoteLine = { (line: PDFLine) in
            line.fontSize > 0 && line.fontSize < self.bodySize * Self.footnoteSizeRatio
                && line.box.y0 >= bodyBottom - 0.5
                && line.box.y0 > page.height * Self.footnoteZone
        }
        guard let first = page.lines.firstIndex(where: isNoteLine), Self.startsFootnote(page.lines[first].text) else {
            return (page.lines, [])
        }
        var body: [PDFLine] = []
        var notes: [Block] = []
        var previous: PDFLine?
        for line in page.lines {
            guard isNoteLine(line) else {
                body.append(line)
                continue
            }
            if Self.startsFootnote(line.text) || notes.isEmpty {
                notes.append(Block(kind: .footnote, text: line.text, page: page.number))
            } else if let last = notes.indices.last {
                Self.append(
                    line.text, to: &notes[last].text,
                    joiner: joiner(notes[last].text, line.text, previousBox: previous?.box))
            }
            previous = line
        }
        return (body, notes)
    }

    // MARK: - Joining lines

    /// What goes between a block's text and its next line: a space, nothing (a kept hyphen), or
    /// a marker asking to drop the hyphen (see ``append(_:to:joiner:)``).
    private func joiner(_ text: String, _ next: String, previousBox: PDFBox? = nil) -> String {
        guard text.hasSuffix("-") || text.hasSuffix("\u{2010}"), let nextFirst = next.first else { return " " }
        let beforeHyphen = text.dropLast().last
        guard let beforeHyphen, beforeHyphen.isLetter else { return " " }
        guard nextFirst.isLowercase else { return "" }  // "Anglo-" + "Dutch", "Schedule-" + "2": keep
        let lastWordStart =
            text.utf8.lastIndex(of: UInt8(ascii: " ")).map { text.utf8.index(after: $0) } ?? text.startIndex
        let head = Self.letters(text[lastWordStart...]).lowercased()
        let tail = Self.letters(next.split(separator: " ").first ?? "").lowercased()
        if hyphenatedWords.contains(head + "-" + tail) { return "" }
        return Self.dropHyphen
    }

    private static let dropHyphen = "\u{0}"

    /// Appends a line to a block's text with the joiner ``joiner(_:_:previousBox:)`` chose.
    ///
    /// The line-end hyphen is dropped for ``dropHyphen``. In place: blocks grow line by line.
    fileprivate static func append(_ line: String, to text: inout String, joiner: String) {
        if joiner == dropHyphen {
            text.unicodeScalars.removeLast()
        } else {
            text += joiner
        }
        text += line
    }

    // MARK: - Small rules

    /// Words after which a sentence must go on ("… set forth in", "… pursuant to").
    static let leadingOnWords: Set<Substring> = [
        "in", "on", "to", "of", "the", "a", "an", "and", "or", "as", "per", "under", "with", "by", "see", "this",
        "that", "such", "any", "each", "hereto", "attached", "from", "for",
    ]

    /// Whether a line ends on a word that leads into the next line, or on a comma.
    static func leadsOn(_ text: String) -> Bool {
        if text.hasSuffix(",") || text.hasSuffix("-") { return true }
        guard let last = text.split(separator: " ").last else { return false }
        return leadingOnWords.contains(Substring(last.lowercased()))
    }

    static func endsSentence(_ text: String) -> Bool {
        var trimmed = Substring(text)
        while let last = trimmed.last, "\")]\u{201D}\u{2019}'".contains(last) { trimmed = trimmed.dropLast() }
        guard let last = trimmed.last else { return false }
        return ".!?:;".contains(last)
    }

    static func startsListItem(_ text: String) -> Bool {
        // "(", a digit, a bullet, or a lower-case letter followed by ")": nothing else can match.
        var scalars = text.unicodeScalars.makeIterator()
        guard let first = scalars.next(), !("A"..."Z").contains(first) else { return false }
        if ("a"..."z").contains(first), scalars.next() != ")" { return false }
        return text.prefixMatch(of: LegalEnumerator.pdfListItemStart) != nil
    }

    /// Whether a line opens with an enumerator: "(1) ...", "(a) ...", "1) ...".
    static func startsEnumerated(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first else { return false }
        if first != "(", !("0"..."9").contains(first) { return startsListItem(text) }
        return startsListItem(text) || text.prefixMatch(of: LegalEnumerator.pdfNumberStart) != nil
    }

    /// "1.", "(a)", "(iv)", "a)", "(2)" alone.
    static func isBareEnumerator(_ text: String) -> Bool {
        text.utf8.count <= Self.maxBareEnumeratorBytes && text.wholeMatch(of: LegalEnumerator.pdfBareEnumerator) != nil
    }

    /// An enumerator set in its own column with its item's text beside it on the same row
    /// ("c." | "The Party may perform …"): it starts a block even after a line that did not end one.
    static func isEnumeratorBesideItsText(_ index: Int, in lines: [PDFLine]) -> Bool {
        guard index + 1 < lines.count, isBareEnumerator(lines[index].text) else { return false }
        let (line, next) = (lines[index], lines[index + 1])
        return PDFRunningLines.shareRow(next, line) && next.box.x0 > line.box.x1
    }

    static func startsFootnote(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, !("A"..."Z").contains(first), !("a"..."z").contains(first) else {
            return false
        }
        return text.prefixMatch(of: PDFPatterns.footnoteStart) != nil
    }

    static func letters(_ token: Substring) -> String {
        String(token.filter { $0.isLetter || $0 == "-" }).trimmingHyphens
    }

    /// The median vertical gap between consecutive lines of the same column on a page.
    static func typicalGap(_ lines: [PDFLine]) -> Double? {
        var gaps: [Double] = []
        for (previous, line) in zip(lines, lines.dropFirst())
        where line.box.y0 > previous.box.y0 && line.box.overlapsHorizontally(previous.box) {
            gaps.append(max(0, line.box.y0 - previous.box.y1))
        }
        guard !gaps.isEmpty else { return nil }
        gaps.sort()
        return gaps[gaps.count / 2]
    }

    /// The rightmost end among nearby lines sharing the given box's horizontal extent.
    static func rightEdge(around index: Int, in lines: [PDFLine], overlapping box: PDFBox) -> Double {
        var edge = box.x1
        let lower = max(0, index - Self.rightEdgeWindow)
        let upper = min(lines.count, index + Self.rightEdgeWindow)
        for line in lines[lower..<upper] where line.box.overlapsHorizontally(box) { edge = max(edge, line.box.x1) }
        return edge
    }
}

/// A block being assembled from lines.
private struct OpenBlock {
    var kind: BlockKind
    var text: String
    var page: Int
    var lastPage: Int
    var lastLine: PDFLine
    /// A heading that is only a number ("Article 5"), waiting for its title on the next line.
    var labelOnly = false

    init(kind: BlockKind, line: PDFLine, page: Int) {
        self.kind = kind
        self.text = line.text
        self.page = page
        self.lastPage = page
        self.lastLine = line
    }

    var isHeading: Bool { kind.headingLevel != nil }

    mutating func append(_ line: PDFLine, joiner: String, page: Int) {
        PDFBlockBuilder.append(line.text, to: &text, joiner: joiner)
        lastLine = line
        lastPage = page
    }

    var block: Block { Block(kind: kind, text: text, page: page) }
}

extension String {
    fileprivate var trimmingHyphens: String {
        var value = Substring(self)
        while value.first == "-" { value = value.dropFirst() }
        while value.last == "-" { value = value.dropLast() }
        return String(value)
    }
}
