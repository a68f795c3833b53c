/// Page furniture that is not in the page margins.
///
/// Filings printed from HTML or plain text (most of EDGAR, hence CUAD) set several pages of the
/// original document on one PDF page, or break pages where the original did not: the original's
/// running headers, footers and page numbers then float anywhere on the page ("- 4 -" at 23% of
/// the height, "Cargill Confidential / - 3 - / * Confidential treatment requested" in the middle).
/// Two rules find them:
///
/// - a page number with its decoration ("- 4 -", "Page 3 of 60", "3/25") alone on its row is
///   furniture wherever it is (a bare "4" is not: it may be a table cell or a list number);
/// - a line of two words or more repeated word for word on many pages, at most a few times a
///   page, that sits in a small group of such lines set apart by blank space from lines that do
///   not repeat: "EXECUTION COPY", "Intellectual Property
///   Agreement 3", a two-line confidentiality legend. A signature page repeated once per signer is
///   content: its repeated lines sit next to form labels ("Signature" under "______"), and a group
///   with a form label ("Name:", "By: ____"), a signature or a numbered heading is kept whole.
extension PDFRunningLines {
    /// How many lines a group of repeated lines may hold to count as a header or footer.
    static let floatingGroupLimit = 3
    /// How often a floating line may occur on one page (an HTML print may hold three originals).
    static let floatingPerPageLimit = 3
    /// On how many of the pages, at least, a floating line must occur (the titles of the three
    /// agreements bound in one filing are not furniture).
    static let floatingPageShare = 0.5
    /// How many digits a document-management number holds at least ("26356633" has eight; a
    /// heading's "Exhibit 10.1" has three).
    static let documentCodeDigits = 6
    /// On how many pages a document code or a form's stamp must recur to be furniture (a firm stamps its
    /// number under the last line of each exhibit page, wherever that line falls, often on a few pages
    /// only).
    static let documentCodePages = 3

    /// For each page, the indices of floating furniture lines (see the type's discussion).
    ///
    /// `margins` are the lines the margin rules drop: a text found there at least half the times it
    /// occurs is a regular running line, so where it appears elsewhere (a title page's date under
    /// the title) it is content.
    static func floatingFurniture(in pages: [PDFPage], margins: [Set<Int>]) -> [Set<Int>] {
        let lineCount = pages.reduce(0) { $0 + $1.lines.count }
        var inMargins: [String: Int] = [:]
        var everywhere: [String: Int] = [:]
        everywhere.reserveCapacity(lineCount)
        for (page, drop) in zip(pages, margins) {
            for index in drop { inMargins[page.lines[index].text, default: 0] += 1 }
            for line in page.lines { everywhere[line.text, default: 0] += 1 }
        }
        let marginTexts = Set(inMargins.filter { $0.value * 2 >= (everywhere[$0.key] ?? 0) }.keys)
        // Exact text: digits that change ("Artikel 4", "Artikel 5") make headings, not furniture.
        let keys = pages.map { $0.lines.map(\.text) }
        var pagesByKey: [String: Int] = [:]
        var busiest: [String: Int] = [:]
        for pageKeys in keys {
            var counts: [String: Int] = [:]
            counts.reserveCapacity(pageKeys.count)
            for key in pageKeys { counts[key, default: 0] += 1 }
            for (key, count) in counts where !marginTexts.contains(key) {
                pagesByKey[key, default: 0] += 1
                busiest[key] = max(busiest[key] ?? 0, count)
            }
        }
        let needed = max(3, Int((Double(pages.count) * floatingPageShare).rounded(.up)))
        let repeated =
            pages.count >= 3
            ? Set(pagesByKey.filter { $0.value >= needed && (busiest[$0.key] ?? 0) <= floatingPerPageLimit }.keys)
            : []
        let stamps = Set(
            pagesByKey.filter { $0.value >= documentCodePages && (isDocumentCode($0.key) || isFormStamp($0.key)) }
                .keys)
        return pages.enumerated().map { pageIndex, page in
            var drop = Set<Int>()
            for index in page.lines.indices {
                let text = page.lines[index].text
                if isDecoratedPageNumber(text), isAloneOnRow(index, in: page) {
                    drop.insert(index)
                } else if stamps.isEmpty {
                    continue
                } else if stamps.contains(keys[pageIndex][index]),
                    rowMates(of: index, in: page).allSatisfy({
                        stamps.contains(keys[pageIndex][$0]) || isPageNumber(page.lines[$0].text)
                    })
                {
                    // A stamp shares its row only with stamps and page numbers ("STD001Y2K.UK" beside
                    // "(C) NCC Escrow International Limited 1997").
                    drop.insert(index)
                } else if isPageNumber(text),
                    rowMates(of: index, in: page).contains(where: { stamps.contains(keys[pageIndex][$0]) })
                {
                    drop.insert(index)  // "2 of 6" beside "Version 1: August 1997"
                }
            }
            guard !repeated.isEmpty else { return drop }
            let order = topToBottom(page)
            // Groups of consecutive repeated lines (page numbers count as repeated); a group
            // holding a form label, a signature or a heading is a repeated form, not furniture.
            var group: [Int] = []
            func closeGroup() {
                defer { group = [] }
                guard !group.isEmpty, rowCount(group, in: page) <= floatingGroupLimit,
                    group.contains(where: { repeated.contains(keys[pageIndex][$0]) || drop.contains($0) }),
                    group.allSatisfy({
                        drop.contains($0) || isPageNumber(page.lines[$0].text)
                            || isFloatingCandidate(page.lines[$0].text)
                            || (isFloatingLabel(page.lines[$0].text) && sharesRowWithPageNumber($0, in: page))
                    }),
                    isSetApart(group, in: page, order: order)
                else { return }
                drop.formUnion(group)
            }
            // A page number beside a repeated line ("Intellectual Property Agreement    3") goes with it.
            func besideRepeated(_ index: Int) -> Bool {
                guard isPageNumber(page.lines[index].text) else { return false }
                return rowMates(of: index, in: page).contains { repeated.contains(keys[pageIndex][$0]) }
            }
            // A page number alone on its row right under a repeated line ("Intellectual Property
            // Agreement" with "3" on the next row, flush right) goes with it.
            func underRepeated(_ index: Int) -> Bool {
                guard let previous = group.last, isPageNumber(page.lines[index].text), isAloneOnRow(index, in: page)
                else { return false }
                let above = page.lines[previous]
                return page.lines[index].box.y0 - above.box.y1 < max(above.fontSize, 1) * 0.8
            }
            for index in order {
                if repeated.contains(keys[pageIndex][index]) || drop.contains(index) || besideRepeated(index)
                    || underRepeated(index)
                {
                    group.append(index)
                } else {
                    closeGroup()
                }
            }
            closeGroup()
            return drop
        }
    }

    /// Whether a group of lines (consecutive in `order`, top to bottom) stands apart from the text
    /// around it: a blank line's height above and below (or the page edge), and no two of its lines
    /// but a page number on one row (a table's header row repeated on every page is content).
    static func isSetApart(_ group: [Int], in page: PDFPage, order: [Int]) -> Bool {
        guard let first = group.first, let last = group.last,
            let start = order.firstIndex(of: first), let end = order.firstIndex(of: last)
        else { return false }
        // A row with a page number is a footer row ("AZUL–ATR   Amendment N° 1   Page 3/9").
        for (a, b) in zip(group, group.dropFirst())
        where shareRow(page.lines[a], page.lines[b]) && !sharesRowWithPageNumber(a, in: page) {
            return false
        }
        let size = max(page.lines[first].fontSize, 1)
        if start > order.startIndex, page.lines[first].box.y0 - page.lines[order[start - 1]].box.y1 < size * 0.8 {
            return false
        }
        if end + 1 < order.endIndex, page.lines[order[end + 1]].box.y0 - page.lines[last].box.y1 < size * 0.8 {
            return false
        }
        return true
    }

    /// A line that may go as floating furniture when it repeats: some words, not a form label,
    /// a signature, a numbered heading or a line ending in a comma.
    static func isFloatingCandidate(_ text: String) -> Bool {
        // A comma leads on into more text ("Very truly yours,", a clause of a repeated paragraph).
        guard text.utf8.count <= 160, !isFormLabel(text), !text.hasSuffix(","), !text.contains("/s/")
        else { return false }
        // Two words at least: justified text may leave a last word alone on its row ("the").
        guard text.filter(\.isLetter).count >= 3, text.contains(" ") else { return false }
        return PDFHeadingRules.numberedLevel(text) == nil
    }

    /// A law firm's document-management number ("DB2/ 26356633.19", "NYDOCS01/1234567.1"): a few
    /// letters and a long run of digits, at most three words.
    static func isDocumentCode(_ text: String) -> Bool {
        guard text.utf8.count <= 40, text.split(separator: " ").count <= 3 else { return false }
        return text.filter(\.isLetter).count >= 2 && text.filter(\.isNumber).count >= documentCodeDigits
    }

    /// A standard form's stamp: its copyright line ("(C) NCC Escrow International Limited 1997",
    /// "© 2019 Acme Forms"), its edition ("Version 1: August 1997") or its form number, one word of
    /// letters and at least three digits ("STD001Y2K.UK").
    static func isFormStamp(_ text: String) -> Bool {
        guard text.utf8.count <= 80 else { return false }
        if text.hasPrefix("© ") || text.hasPrefix("Copyright ") { return true }
        // The form's edition: "Version 1: August 1997".
        if text.utf8.count <= 40, text.prefixMatch(of: /Version [0-9][0-9.]*:?\s/) != nil { return true }
        // "(C)" is also a clause's letter ("(C) [***]"): a copyright line names its year.
        if text.hasPrefix("(C) "), text.contains(/\b(?:19|20)[0-9]{2}\b/) { return true }
        return !text.contains(" ") && text.utf8.count >= 8 && text.filter(\.isLetter).count >= 3
            && text.filter(\.isNumber).count >= 3
    }

    /// How many rows the lines make (lines whose tops lie within 3 points share a row).
    static func rowCount(_ lines: [Int], in page: PDFPage) -> Int {
        var tops: [Double] = []
        for index in lines where !tops.contains(where: { abs($0 - page.lines[index].box.y0) < rowTolerance }) {
            tops.append(page.lines[index].box.y0)
        }
        return tops.count
    }

    /// Whether the line is a page number or shares its row with one.
    static func sharesRowWithPageNumber(_ index: Int, in page: PDFPage) -> Bool {
        isPageNumber(page.lines[index].text)
            || rowMates(of: index, in: page).contains { isPageNumber(page.lines[$0].text) }
    }

    /// A one-word label a footer row may hold beside its page number ("AZUL–ATR", "CONFIDENTIAL"):
    /// three letters at least, not a form label.
    static func isFloatingLabel(_ text: String) -> Bool {
        guard text.utf8.count <= 40, !isFormLabel(text) else { return false }
        return text.filter(\.isLetter).count >= 3 && PDFHeadingRules.numberedLevel(text) == nil
    }

    /// A page number that says so: `- 4 -`, `-4-`, `Page 3`, `Page 3 of 60`, `3/25`, `p. 7`.
    static func isDecoratedPageNumber(_ text: String) -> Bool {
        guard PDFRunningLines.isArabicPageNumber(text) else { return false }
        return text.contains { !$0.isNumber && $0 != " " }
    }

    /// The text with digit runs folded to "#"; case and spaces kept.
    static func floatingKey(_ text: String) -> String {
        var output = String.UnicodeScalarView()
        var lastWasDigit = false
        for scalar in text.unicodeScalars {
            let digit = ("0"..."9").contains(scalar)
            if digit, !lastWasDigit { output.append("#") }
            if !digit { output.append(scalar) }
            lastWasDigit = digit
        }
        return String(output)
    }
}
