/// Finds the spaces poppler put between the letters of letter-spaced (tracked) words, so that
/// "S ec ti on 4 D a t a p ro t ecti on" reads "Section 4 Data protection" and
/// "R E C I T A L S:" reads "RECITALS:".
///
/// Poppler starts a new word wherever the gap between two glyphs exceeds about a tenth of the font
/// size, so text set with extra tracking (the EU Official Journal's section headings, spaced
/// contract headings) comes out with spaces between letters or arbitrary letter groups. Poppler's
/// glyph boxes span the advance, so inside a piece the gaps are zero and the tracking only shows
/// between pieces. The gaps between pieces tell letter gaps from word gaps in three ways:
///
/// - **Tracked line**: at least two gaps under 0.16 em, at least as many as wider ones, and every
///   wider gap at least 0.3 em and 2.5 times the widest narrow one ("Sec [0.1] ti [0.1] on [0.4] 1").
///   The narrow gaps are inside words, but only between letters (or a letter and closing
///   punctuation). Filings converted from HTML set ordinary words 0.1 em apart ("OF THE
///   AGREEMENT"); their word gaps are alike, so they never show two classes this far apart.
/// - **One split word** on a line of its own ("Re st r ic tio ns"): every gap narrow, a capital
///   then lower-case pieces, at least half of them one or two letters.
/// - **Next line of a tracked heading** ("Co nsist ency" under "S ec ti on 2"): the same font
///   size, and every gap within 0.02 em of the letter gap of the tracked line just above.
/// - **Run of single letters** ("C H A P T E R I", "E n d U s e r"): three or more one-letter
///   tokens in a row (no periods, so initials "J. R. R." never qualify). A gap wider than both
///   1.8 times and 0.15 em more than the run's narrowest is a word boundary, the others are letter
///   gaps. When every gap is alike (one spaced word), the run is joined only if it is all capitals,
///   so a list "a b c" set with ordinary spaces stays as it is. Gaps of 0.6 em or more are never
///   letter gaps (table columns, "A   B   C").
enum PDFLetterSpacing {
    /// Indices (into `scalars`) of the spaces inside letter-spaced words of one line, to be dropped.
    ///
    /// `range` is the line, `removed` the indices already dropped (footnote markers). `tracking` carries the letter gap
    /// of a tracked line to the next line: a heading's second line set with the same tracking is joined even when every
    /// gap on it is a letter gap.
    static func spacesWithinWords(
        _ scalars: [Unicode.Scalar], boxes: [PDFBox], in range: Range<Int>, skipping removed: Set<Int>,
        fontSize: Double,
        tracking: inout Tracking?
    ) -> [Int] {
        let em = max(fontSize, 1)
        let previousTracking = tracking
        tracking = nil
        guard mayBeLetterSpaced(scalars, boxes: boxes, in: range, skipping: removed, em: em) else { return [] }
        var tokens: [Token] = []
        var pendingSpaces: [Int] = []
        var open = false
        for index in range where removed.isEmpty || !removed.contains(index) {
            let scalar = scalars[index]
            if TextNormalization.isSpace(scalar) {
                if !tokens.isEmpty { pendingSpaces.append(index) }
                open = false
                continue
            }
            if open, !tokens.isEmpty {
                tokens[tokens.count - 1].add(index, scalar)
            } else {
                var token = Token(first: index, spacesBefore: pendingSpaces)
                token.add(index, scalar)
                tokens.append(token)
                pendingSpaces = []
                open = true
            }
        }
        guard tokens.count >= 2 else { return [] }
        // Gap before each token (index 0 unused).
        var gaps = [Double](repeating: 0, count: tokens.count)
        for k in 1..<tokens.count { gaps[k] = boxes[tokens[k].first].x0 - boxes[tokens[k - 1].last].x1 }
        var joined = [Bool](repeating: false, count: tokens.count)

        // Tracked line. Only between letters, so "(v) Any", "1 000" and "1.83 “Term" keep their space.
        let narrow = (1..<tokens.count).filter { gaps[$0] > -0.05 * em && gaps[$0] < 0.16 * em }
        let wide = (1..<tokens.count).filter { gaps[$0] >= 0.16 * em }.map { gaps[$0] }
        if narrow.count >= 2, narrow.count >= wide.count, let widest = narrow.map({ gaps[$0] }).max(),
            let narrowestWord = wide.min(), narrowestWord >= max(widest * 2.5, 0.3 * em)
        {
            for k in narrow where Self.joinable(scalars[tokens[k - 1].last], scalars[tokens[k].first]) {
                joined[k] = true
            }
            tracking = Tracking(fontSize: fontSize, gap: narrow.map { gaps[$0] }.reduce(0, +) / Double(narrow.count))
        } else if wide.isEmpty, tokens.count >= 3, Self.isSplitWord(tokens) {
            for k in narrow { joined[k] = true }
        } else if wide.isEmpty, let previous = previousTracking, abs(previous.fontSize - fontSize) < 0.01,
            narrow.allSatisfy({ abs(gaps[$0] - previous.gap) <= 0.02 * em })
        {
            // The next line of a tracked heading ("Co nsist ency" under "S ec ti on 2"): only
            // letter gaps, all as wide as the line above's.
            for k in narrow where Self.joinable(scalars[tokens[k - 1].last], scalars[tokens[k].first]) {
                joined[k] = true
            }
            tracking = previous
        }

        // Runs of single letters.
        var start = 0
        while start < tokens.count {
            guard tokens[start].isSingleLetter(first: true) else {
                start += 1
                continue
            }
            var end = start + 1  // exclusive
            while end < tokens.count, tokens[end].isSingleLetter(first: false), tokens[end - 1].trailing == 0 {
                end += 1
            }
            defer { start = end }
            guard end - start >= 3 else { continue }
            let runGaps = gaps[(start + 1)..<end]
            guard let narrowest = runGaps.min(), narrowest >= -0.1 * em, (runGaps.max() ?? 0) < 1.2 * em else {
                continue
            }
            let boundary = max(narrowest * 1.8, narrowest + 0.15 * em)
            let letterGaps = runGaps.filter { $0 <= boundary }
            guard letterGaps.allSatisfy({ $0 < 0.6 * em }) else { continue }
            if letterGaps.count == runGaps.count {
                // One spaced word: only capitals ("D E F I N I T I O N S"), never "a b c".
                guard tokens[start..<end].allSatisfy(\.isCapital) else { continue }
            }
            for k in (start + 1)..<end where gaps[k] <= boundary { joined[k] = true }
        }

        var drop: [Int] = []
        for k in 1..<tokens.count where joined[k] { drop += tokens[k].spacesBefore }
        return drop
    }

    /// Whether the scalar is a letter, and an upper-case one; ASCII without the Unicode property
    /// tables (this runs on every character of a page).
    @inline(__always)
    static func letterCase(_ scalar: Unicode.Scalar) -> (isLetter: Bool, isUpper: Bool) {
        if scalar.isASCII {
            let isUpper = scalar.value >= 0x41 && scalar.value <= 0x5A
            return (isUpper || (scalar.value >= 0x61 && scalar.value <= 0x7A), isUpper)
        }
        let isLetter = scalar.properties.isAlphabetic
        return (isLetter, isLetter && scalar.properties.isUppercase)
    }

    /// The letter gap of a tracked line, and its font size.
    struct Tracking {
        var fontSize: Double
        var gap: Double
    }

    /// A quick test that rules out nearly every line without building tokens: letter spacing needs
    /// a gap under 0.16 em between two pieces, or three pieces in a row that each hold one letter
    /// (and at most two marks) — not three short words, which English is full of ("is to be").
    private static func mayBeLetterSpaced(
        _ scalars: [Unicode.Scalar], boxes: [PDFBox], in range: Range<Int>, skipping removed: Set<Int>, em: Double
    ) -> Bool {
        var previousEnd: Int?
        var current: (start: Int, length: Int, letters: Int)?
        var singleLetterRun = 0
        func endPiece() -> Bool {
            guard let piece = current else { return false }
            singleLetterRun = piece.length <= 3 && piece.letters == 1 ? singleLetterRun + 1 : 0
            previousEnd = piece.start + piece.length - 1
            current = nil
            return singleLetterRun >= 3
        }
        for index in range where removed.isEmpty || !removed.contains(index) {
            let scalar = scalars[index]
            if TextNormalization.isSpace(scalar) {
                if endPiece() { return true }
                continue
            }
            let isLetter = PDFLetterSpacing.letterCase(scalar).isLetter
            if var piece = current {
                piece.length = index - piece.start + 1
                if isLetter { piece.letters += 1 }
                current = piece
                continue
            }
            if let previousEnd {
                let gap = boxes[index].x0 - boxes[previousEnd].x1
                if gap > -0.05 * em, gap < 0.16 * em { return true }
            }
            current = (index, 1, isLetter ? 1 : 0)
        }
        return endPiece()
    }

    /// Whether the two characters either side of a letter gap may touch: a letter then a letter,
    /// an apostrophe or closing punctuation; an apostrophe then a letter.
    private static func joinable(_ left: Unicode.Scalar, _ right: Unicode.Scalar) -> Bool {
        let leftLetter = left.properties.isAlphabetic
        let rightLetter = right.properties.isAlphabetic
        if leftLetter { return rightLetter || "’'”,.;:)!?".unicodeScalars.contains(right) }
        return rightLetter && "’'".unicodeScalars.contains(left)
    }

    /// A line of one tracked word that poppler cut into pieces ("Re st r ic tio ns",
    /// "C oo p er a tio n"): letters only, a capital then lower-case pieces, at least half of them
    /// one or two letters long.
    private static func isSplitWord(_ tokens: [Token]) -> Bool {
        guard tokens.allSatisfy({ $0.others == 0 && $0.leading == 0 && $0.trailing == 0 }) else { return false }
        guard tokens[0].startsCapital, tokens.dropFirst().allSatisfy({ !$0.startsCapital && $0.capitals == 0 }) else {
            return false
        }
        return tokens.filter { $0.letters <= 2 }.count * 2 >= tokens.count
    }

    /// A run of non-space characters of a line.
    private struct Token {
        var first: Int
        var last: Int
        /// The spaces between the previous token and this one.
        var spacesBefore: [Int]
        var letters = 0
        var capitals = 0
        /// Characters that are neither letters nor allowed punctuation (digits, periods...).
        var others = 0
        /// Opening punctuation before the first letter, closing punctuation after the last one.
        var leading = 0
        var trailing = 0
        var startsCapital = false

        init(first: Int, spacesBefore: [Int]) {
            self.first = first
            self.last = first
            self.spacesBefore = spacesBefore
        }

        mutating func add(_ index: Int, _ scalar: Unicode.Scalar) {
            last = index
            let (isLetter, isUpper) = PDFLetterSpacing.letterCase(scalar)
            if isLetter {
                letters += 1
                if isUpper {
                    capitals += 1
                    if index == first { startsCapital = true }
                }
                if trailing > 0 { others += 1 }
            } else if letters == 0, "“\"(‘".unicodeScalars.contains(scalar) {
                leading += 1
            } else if letters > 0, ":;,)”’\"".unicodeScalars.contains(scalar) {
                trailing += 1
            } else {
                others += 1
            }
        }

        /// One letter, with at most one opening mark (only on a run's first token) and one
        /// closing mark (which ends the run).
        func isSingleLetter(first isFirst: Bool) -> Bool {
            letters == 1 && others == 0 && trailing <= 1 && leading <= (isFirst ? 1 : 0)
        }

        var isCapital: Bool { capitals == letters }
    }
}
