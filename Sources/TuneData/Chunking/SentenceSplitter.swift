/// Splits prose into sentences without breaking at abbreviations ("U.S.C.", "Inc.", "No. 12",
/// "e.g.", "§ 2.1") or initials ("J. Smith").
public enum SentenceSplitter {
    /// The sentences of `text`, in order; joining them with single spaces gives back the text up to
    /// whitespace.
    public static func split(_ text: String) -> [String] {
        split(text, limit: .max)
    }

    /// At most `limit` sentences from the start of `text` (the last one may hold the rest when the
    /// limit is reached before the end).
    static func split(_ text: String, limit: Int) -> [String] {
        let characters = Array(text)
        var sentences: [String] = []
        var start = 0
        var index = 0
        while index < characters.count {
            let character = characters[index]
            if character == "." || character == "!" || character == "?" {
                var end = index + 1
                // Closing quotes and brackets belong to the sentence.
                while end < characters.count, "\"'”’)]".contains(characters[end]) { end += 1 }
                if end < characters.count, characters[end].isWhitespace,
                    isBoundary(characters, terminator: index, next: nextNonSpace(characters, from: end))
                {
                    let sentence = String(characters[start..<end]).trimmingWhitespace
                    if !sentence.isEmpty { sentences.append(sentence) }
                    if sentences.count == limit { return sentences }
                    start = end
                    index = end
                    continue
                }
                index = end
                continue
            }
            index += 1
        }
        let rest = String(characters[start...]).trimmingWhitespace
        if !rest.isEmpty { sentences.append(rest) }
        return sentences
    }

    /// The first sentence of `text` (the whole text when it has no boundary).
    public static func firstSentence(of text: String) -> String {
        split(text, limit: 1).first ?? text
    }

    private static func nextNonSpace(_ characters: [Character], from index: Int) -> Int? {
        var cursor = index
        while cursor < characters.count, characters[cursor].isWhitespace { cursor += 1 }
        return cursor < characters.count ? cursor : nil
    }

    private static func isBoundary(_ characters: [Character], terminator: Int, next: Int?) -> Bool {
        guard let next else { return true }
        let following = characters[next]
        // A sentence starts with a capital, a digit, a quote or an opening bracket.
        guard following.isUppercase || following.isNumber || "\"“‘'(§[".contains(following) else { return false }
        guard characters[terminator] == "." else { return true }
        let word = wordBefore(characters, terminator)
        if word.isEmpty { return true }
        let lowered = word.lowercased()
        if abbreviations.contains(lowered) { return false }
        // "No. 12", "Art. 5", "p. 3": a numbering abbreviation followed by a number.
        if following.isNumber, numberingAbbreviations.contains(lowered) { return false }
        // Initials and dotted abbreviations: "J.", "U.S.", "e.g." (a single letter before the dot).
        if word.count == 1, word.first?.isLetter == true { return false }
        if word.contains("."), word.count <= 6 { return false }
        return true
    }

    /// The run of letters and dots just before the terminator ("U.S.C" for "U.S.C.").
    private static func wordBefore(_ characters: [Character], _ terminator: Int) -> String {
        var cursor = terminator - 1
        while cursor >= 0, characters[cursor].isLetter || characters[cursor] == "." { cursor -= 1 }
        return String(characters[(cursor + 1)..<terminator])
    }

    static let abbreviations: Set<String> = [
        "inc", "ltd", "co", "corp", "llc", "l.l.c", "l.p", "lp", "plc", "n.a", "mr", "mrs", "ms", "dr",
        "prof", "st", "jr", "sr", "u.s", "u.s.c", "u.s.a", "e.g", "i.e", "etc", "vs", "v", "viz", "cf",
        "approx", "dept", "est", "fig", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
        "oct", "nov", "dec", "al", "ibid", "id", "supp", "cal", "ct", "cir", "app", "f", "civ", "crim",
        "reg", "regs", "stat", "ann", "rev", "ch", "cl", "subd", "subsec", "incl", "resp",
    ]

    static let numberingAbbreviations: Set<String> = [
        "no", "nos", "art", "arts", "sec", "secs", "para", "paras", "p", "pp", "vol", "ch", "cl", "r",
        "s", "ss", "reg", "item", "ex", "exh", "sched",
    ]
}

extension StringProtocol {
    /// The string without leading and trailing whitespace and newlines.
    var trimmingWhitespace: String {
        var view = Substring(self)
        while let first = view.first, first.isWhitespace { view.removeFirst() }
        while let last = view.last, last.isWhitespace { view.removeLast() }
        return String(view)
    }
}
