/// Runs of hyphens that stand for a rule or an underline, not for words.
///
/// EDGAR filings typed as text underline a word with a line of hyphens below it; the PDF made from
/// such a filing, and its text copy, set the hyphens into the sentence: "as to ---------------- GSMS
/// he is an affiliate", "--------- Intuit Sites". An answer that keeps them teaches a model to write
/// rules into prose, so they are taken out of passages before templates see them, and the
/// groundedness check reads them as the whitespace they stand for (``GroundednessCheck/folded(_:)``),
/// so an answer without them is still the document's own words.
enum UnderlineRuns {
    /// Hyphens in a row that make a rule.
    ///
    /// Ranges ("1995--1998"), dashes typed as "--" or against a word ("costly---remedy") and ASCII
    /// arrows stay; no word or number is five hyphens long.
    static let minimumHyphens = 5
    /// The shortest rule, for the byte search that rules most texts out.
    private static let rule = String(repeating: "-", count: minimumHyphens)
    private static let shortRule = String(repeating: "-", count: shortRuleHyphens)

    /// Whether `bytes[index...]` opens a run of at least ``minimumHyphens`` hyphens, and its length.
    static func runLength(in bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
        var end = index
        while end < bytes.count, bytes[end] == hyphen { end += 1 }
        return end - index
    }

    /// Three or four hyphens standing alone between spaces are an underline too: the rule under a
    /// short word or a redaction mark ("[***] --- Impressions", "Client --- Graphics"); a dash typed
    /// in these filings is "--" or sits against a word.
    static let shortRuleHyphens = 3

    /// Whether the run of `length` hyphens at `index` is a rule: long enough, or short and alone
    /// between spaces (or a line's ends).
    static func isRule(in bytes: UnsafeBufferPointer<UInt8>, at index: Int, length: Int) -> Bool {
        if length >= minimumHyphens { return true }
        guard length >= shortRuleHyphens else { return false }
        return isShortRuleAlone(in: bytes, at: index, length: length)
    }

    /// Whether a short run stands alone: whitespace or the text's edge on both sides.
    static func isShortRuleAlone(in bytes: UnsafeBufferPointer<UInt8>, at index: Int, length: Int) -> Bool {
        func isBlank(_ byte: UInt8) -> Bool { byte == space || byte == tab || byte == 0x0A || byte == 0x0D }
        let end = index + length
        return (index == 0 || isBlank(bytes[index - 1])) && (end == bytes.count || isBlank(bytes[end]))
    }

    /// `text` without its hyphen rules: a rule between two words of a line becomes one space.
    ///
    /// With `linesToo`, rules at a line's start or end go too, and a line that held only rules goes
    /// with its line break: for a quoted sentence. A passage keeps those (`linesToo: false`): the
    /// furniture strip and the quality gate read them as a table's or a form's rules (a passage of
    /// "-------- Title" signature lines is dropped as furniture, not kept without its rules).
    /// Returns `text` itself when it has no rule.
    static func stripping(_ text: String, linesToo: Bool = true) -> String {
        guard text.containsBytes(rule) || text.containsBytes(shortRule) else { return text }
        var lines: [String] = []
        var removedLine = false
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            guard line.containsBytes(rule) || line.containsBytes(shortRule) else {
                // A blank line after a removed one would double the blank line before it.
                if removedLine, line.isEmpty, lines.last?.isEmpty == true {
                    removedLine = false
                    continue
                }
                lines.append(String(line))
                removedLine = false
                continue
            }
            let stripped = strippingRuns(line, linesToo: linesToo)
            if stripped.isEmpty {
                removedLine = true
            } else {
                lines.append(stripped)
                removedLine = false
            }
        }
        return lines.joined(separator: "\n")
    }

    /// One line without its rules and the spaces around them (only those between two words unless
    /// `linesToo`).
    private static func strippingRuns(_ line: Substring, linesToo: Bool) -> String {
        var line = line
        return line.withUTF8 { bytes in
            // The first and last bytes that are not spaces: a rule outside them is at the line's edge.
            let first = bytes.firstIndex { $0 != space && $0 != tab } ?? bytes.count
            let last = bytes.lastIndex { $0 != space && $0 != tab } ?? -1
            var output: [UInt8] = []
            output.reserveCapacity(bytes.count)
            var index = 0
            var pendingSpace = false
            while index < bytes.count {
                let run = runLength(in: bytes, at: index)
                // A short rule alone between spaces always goes; a long one inside prose, or anywhere
                // with `linesToo`.
                if isRule(in: bytes, at: index, length: run)
                    && (run < minimumHyphens || linesToo || isInProse(bytes, run: index..<(index + run), first, last))
                {
                    while let tail = output.last, tail == space || tail == tab { output.removeLast() }
                    index += run
                    while index < bytes.count, bytes[index] == space || bytes[index] == tab { index += 1 }
                    pendingSpace = !output.isEmpty
                    continue
                }
                if pendingSpace {
                    output.append(space)
                    pendingSpace = false
                }
                let end = index + max(run, 1)
                output.append(contentsOf: bytes[index..<end])
                index = end
            }
            return String(decoding: output, as: UTF8.self)
        }
    }

    /// Words a line holds at least to be prose whatever its case: a disclaimer in capitals ("NEITHER
    /// PARTY MAKES ANY ---------- WARRANTY IN CONNECTION WITH …"); a signature or table row has fewer.
    static let proseLineWords = 8

    /// Whether a rule stands between two words of a line with a lower-case word beside it ("the
    /// other party ----------- materially breaches", "as to -------- GSMS he is"), or in a line of
    /// ``proseLineWords`` words: prose.
    ///
    /// A rule between capitalised words or figures ("BUFFINGTON -------- Douglas A.", "NUMBER
    /// -------- 25") is a signature line or a table's, and stays for the gate to judge.
    private static func isInProse(_ bytes: UnsafeBufferPointer<UInt8>, run: Range<Int>, _ first: Int, _ last: Int)
        -> Bool
    {
        guard run.lowerBound > first, run.upperBound - 1 < last else { return false }
        if wordCount(bytes) >= proseLineWords { return true }
        var before = run.lowerBound - 1
        while before > 0, bytes[before] == space || bytes[before] == tab { before -= 1 }
        var after = run.upperBound
        while after < bytes.count - 1, bytes[after] == space || bytes[after] == tab { after += 1 }
        func isLower(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z") }
        return isLower(bytes[before]) || isLower(bytes[after])
    }

    /// Words with a letter in them, between spaces.
    private static func wordCount(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var count = 0
        var inWord = false
        var hasLetter = false
        for byte in bytes {
            if byte == space || byte == tab {
                if inWord, hasLetter { count += 1 }
                inWord = false
                hasLetter = false
            } else {
                inWord = true
                if (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z") { hasLetter = true }
            }
        }
        return count + (inWord && hasLetter ? 1 : 0)
    }

    private static let hyphen = UInt8(ascii: "-")
    private static let space = UInt8(ascii: " ")
    private static let tab = UInt8(ascii: "\t")
}
