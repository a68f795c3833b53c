/// Splits UTF-8 text into the pieces tiktoken's split pattern finds, one piece at a time.
///
/// A hand-written scanner equivalent to the fancy-regex patterns of `cl100k_base` and `o200k_base`
/// (leftmost-first alternation, greedy and possessive quantifiers, the `\s+(?!\S)` look-ahead), over
/// Unicode scalars decoded in place, with the Basic Multilingual Plane classified by table.
/// Every call of `pieceEnd(from:)` returns the end of the non-empty piece that starts at `start`.
struct PreTokenizer {
    let text: UnsafeBufferPointer<UInt8>
    let pattern: EncodingName
    private let base: UnsafePointer<UInt8>
    private let end: Int
    private let table: UnsafePointer<UInt8>

    init(text: UnsafeBufferPointer<UInt8>, pattern: EncodingName) {
        self.text = text
        self.pattern = pattern
        // A non-empty placeholder keeps `base` valid for empty text; it is never read then.
        self.base = text.baseAddress ?? UnsafePointer(ScalarClassTable.basicPlane)
        self.end = text.count
        self.table = ScalarClassTable.basicPlane
    }

    /// The end of the piece that starts at byte offset `start` (`start < text.count`).
    @inline(__always)
    func pieceEnd(from start: Int) -> Int {
        switch pattern {
        case .cl100kBase: cl100kPieceEnd(from: start)
        case .o200kBase: o200kPieceEnd(from: start)
        }
    }

    // MARK: Scalars

    /// Class and UTF-8 length of the scalar at byte offset `position` (`position < end`).
    @inline(__always)
    private func scalar(at position: Int) -> (ScalarClass, Int) {
        let lead = base[position]
        if lead < 0x80 { return (ScalarClass(rawValue: table[Int(lead)]), 1) }
        let value: UInt32
        let length: Int
        if lead < 0xE0 {
            value = UInt32(lead & 0x1F) << 6 | UInt32(base[position + 1] & 0x3F)
            length = 2
        } else if lead < 0xF0 {
            value =
                UInt32(lead & 0x0F) << 12 | UInt32(base[position + 1] & 0x3F) << 6
                | UInt32(base[position + 2] & 0x3F)
            length = 3
        } else {
            value =
                UInt32(lead & 0x07) << 18 | UInt32(base[position + 1] & 0x3F) << 12
                | UInt32(base[position + 2] & 0x3F) << 6 | UInt32(base[position + 3] & 0x3F)
            return (ScalarClass.of(value), 4)
        }
        return (ScalarClass(rawValue: table[Int(value)]), length)
    }

    /// The class of the scalar at `position`, or `[]` at the end of the text.
    @inline(__always)
    private func classAt(_ position: Int) -> ScalarClass {
        position < end ? scalar(at: position).0 : []
    }

    /// The end of the run of scalars from `position` whose class intersects `members`.
    @inline(__always)
    private func run(from position: Int, while members: ScalarClass) -> Int {
        var cursor = position
        while cursor < end {
            let (kind, length) = scalar(at: cursor)
            if kind.isDisjoint(with: members) { break }
            cursor += length
        }
        return cursor
    }

    /// The end of the run of scalars from `position` that are in none of `excluded`.
    @inline(__always)
    private func run(from position: Int, until excluded: ScalarClass) -> Int {
        var cursor = position
        while cursor < end {
            let (kind, length) = scalar(at: cursor)
            if !kind.isDisjoint(with: excluded) { break }
            cursor += length
        }
        return cursor
    }

    /// The end of up to three number scalars from `position`.
    @inline(__always)
    private func digits(from position: Int) -> Int {
        var cursor = position
        for _ in 0..<3 {
            guard cursor < end else { break }
            let (kind, length) = scalar(at: cursor)
            guard kind.contains(.number) else { break }
            cursor += length
        }
        return cursor
    }

    /// Lower-cased ASCII byte at `position`, or 0 past the end.
    @inline(__always)
    private func lowerASCII(_ position: Int) -> UInt8 {
        guard position < end else { return 0 }
        let byte = base[position]
        return byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
    }

    /// The end of a contraction `'s 't 're 've 'm 'll 'd` (any case) at `position`, or `nil`.
    @inline(__always)
    private func contractionEnd(at position: Int) -> Int? {
        guard position < end, base[position] == 0x27 else { return nil }
        switch lowerASCII(position + 1) {
        case 0x73, 0x74, 0x6D, 0x64: return position + 2  // s t m d
        case 0x72, 0x76: return lowerASCII(position + 2) == 0x65 ? position + 3 : nil  // re ve
        case 0x6C: return lowerASCII(position + 2) == 0x6C ? position + 3 : nil  // ll
        default: return nil
        }
    }

    /// The whitespace alternatives shared by both patterns, for a run starting at `start`:
    /// `\s+$` (cl100k only, before the line-break rule), `\s*[\r\n]+`, `\s+(?!\S)`, `\s`.
    @inline(__always)
    private func whitespacePieceEnd(from start: Int, wholeRunAtEnd: Bool) -> Int {
        var cursor = start
        var lastLineBreakEnd = -1
        var lastScalarStart = start
        while cursor < end {
            let (kind, length) = scalar(at: cursor)
            guard kind.contains(.whitespace) else { break }
            if kind.contains(.lineBreak) { lastLineBreakEnd = cursor + length }
            lastScalarStart = cursor
            cursor += length
        }
        if cursor == end, wholeRunAtEnd { return end }
        if lastLineBreakEnd >= 0 { return lastLineBreakEnd }
        if cursor == end { return end }
        if lastScalarStart > start { return lastScalarStart }
        return cursor
    }

    // MARK: cl100k_base

    /// The end of the cl100k_base piece that starts at `start`, as this pattern would match it.
    ///
    /// `'(?i:[sdmt]|ll|ve|re)|[^\r\n\p{L}\p{N}]?+\p{L}++|\p{N}{1,3}+| ?[^\s\p{L}\p{N}]++[\r\n]*+|\s++$|\s*[\r\n]|\s+(?!\S)|\s`
    private func cl100kPieceEnd(from start: Int) -> Int {
        if let contraction = contractionEnd(at: start) { return contraction }
        let (first, firstLength) = scalar(at: start)
        if first.contains(.letter) { return run(from: start + firstLength, while: .letter) }
        if first.isDisjoint(with: [.lineBreak, .letter, .number]), classAt(start + firstLength).contains(.letter) {
            return run(from: start + firstLength, while: .letter)
        }
        if first.contains(.number) { return digits(from: start) }
        return punctuationOrWhitespacePieceEnd(from: start, first: first, trailingSlash: false, wholeRunAtEnd: true)
    }

    // MARK: o200k_base

    /// The end of the o200k_base piece that starts at `start`, as this pattern would match it.
    ///
    /// `[^\r\n\p{L}\p{N}]?[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]*[\p{Ll}\p{Lm}\p{Lo}\p{M}]+(?i:'s|'t|'re|'ve|'m|'ll|'d)?`
    /// `|[^\r\n\p{L}\p{N}]?[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]+[\p{Ll}\p{Lm}\p{Lo}\p{M}]*(?i:'s|'t|'re|'ve|'m|'ll|'d)?`
    /// `|\p{N}{1,3}| ?[^\s\p{L}\p{N}]+[\r\n/]*|\s*[\r\n]+|\s+(?!\S)|\s+`
    private func o200kPieceEnd(from start: Int) -> Int {
        let (first, firstLength) = scalar(at: start)
        let hasPrefix = first.isDisjoint(with: [.lineBreak, .letter, .number])
        if hasPrefix, let word = lowerEndingWordEnd(from: start + firstLength) { return word }
        if let word = lowerEndingWordEnd(from: start) { return word }
        if hasPrefix, let word = upperStartingWordEnd(from: start + firstLength) { return word }
        if let word = upperStartingWordEnd(from: start) { return word }
        if first.contains(.number) { return digits(from: start) }
        return punctuationOrWhitespacePieceEnd(from: start, first: first, trailingSlash: true, wholeRunAtEnd: false)
    }

    /// The alternatives both encodings end with: ` ?[^\s\p{L}\p{N}]+` followed by line breaks (and, in
    /// o200k_base, slashes), else a whitespace piece.
    @inline(__always)
    private func punctuationOrWhitespacePieceEnd(
        from start: Int, first: ScalarClass, trailingSlash: Bool, wholeRunAtEnd: Bool
    ) -> Int {
        let punctuationStart: Int
        if first.isDisjoint(with: [.whitespace, .letter, .number]) {
            punctuationStart = start
        } else if base[start] == 0x20, start + 1 < end,
            scalar(at: start + 1).0.isDisjoint(with: [.whitespace, .letter, .number])
        {
            punctuationStart = start + 1
        } else {
            return whitespacePieceEnd(from: start, wholeRunAtEnd: wholeRunAtEnd)
        }
        var cursor = run(from: punctuationStart, until: [.whitespace, .letter, .number])
        while cursor < end, base[cursor] == 0x0A || base[cursor] == 0x0D || (trailingSlash && base[cursor] == 0x2F) {
            cursor += 1
        }
        return cursor
    }

    /// `[upperish]*[lowerish]+contraction?` from `start`: the backtracking `[upperish]*` keeps the
    /// longest prefix after which a lowerish scalar follows.
    @inline(__always)
    private func lowerEndingWordEnd(from start: Int) -> Int? {
        var cursor = start
        var lastLowerish = -1
        while cursor < end {
            let (kind, length) = scalar(at: cursor)
            if kind.contains(.lowerish) { lastLowerish = cursor }
            guard kind.contains(.upperish) else { break }
            cursor += length
        }
        guard lastLowerish >= 0 else { return nil }
        let wordEnd = run(from: lastLowerish, while: .lowerish)
        return contractionEnd(at: wordEnd) ?? wordEnd
    }

    /// `[upperish]+[lowerish]*contraction?` from `start`.
    @inline(__always)
    private func upperStartingWordEnd(from start: Int) -> Int? {
        let upperEnd = run(from: start, while: .upperish)
        guard upperEnd > start else { return nil }
        let wordEnd = run(from: upperEnd, while: .lowerish)
        return contractionEnd(at: wordEnd) ?? wordEnd
    }
}
