/// Splits prose into sentences without breaking at abbreviations or initials.
///
/// Abbreviations such as "U.S.C.", "Inc.", "No. 12", "e.g." and "§ 2.1", and initials such as
/// "J. Smith", do not end a sentence.
enum SentenceSplitter {
    /// The sentences of `text`, in order; joining them with single spaces gives back the text up to
    /// whitespace.
    static func split(_ text: String) -> [String] {
        split(text, limit: .max)
    }

    /// At most `limit` sentences from the start of `text` (the last one may hold the rest when the
    /// limit is reached before the end).
    static func split(_ text: String, limit: Int) -> [String] {
        // Unicode scalars, not Characters: every mark the rules look at is one scalar, and skipping
        // grapheme breaking makes this several times faster (extracted text is NFC). Sentences are
        // copied out of the text's UTF-8 by byte offsets, which a cursor moving forward with the
        // scalar positions keeps.
        let scalars = Array(text.unicodeScalars)
        let utf8 = text.utf8
        var cursor = (scalar: 0, byte: utf8.startIndex)
        func byte(at position: Int) -> String.Index {
            while cursor.scalar < position {
                cursor.byte = utf8.index(cursor.byte, offsetBy: UTF8.width(scalars[cursor.scalar]))
                cursor.scalar += 1
            }
            return cursor.byte
        }
        func piece(_ from: Int, _ to: Int) -> String {
            let lower = byte(at: from)
            return String(text[lower..<byte(at: to)]).trimmingWhitespace
        }
        var sentences: [String] = []
        var start = 0
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "." || scalar == "!" || scalar == "?" {
                var end = index + 1
                // Closing quotes and brackets belong to the sentence.
                while end < scalars.count, closers.contains(scalars[end]) { end += 1 }
                if end < scalars.count, scalars[end].properties.isWhitespace,
                    isBoundary(scalars, terminator: index, next: nextNonSpace(scalars, from: end))
                {
                    let sentence = piece(start, end)
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
        let rest = piece(start, scalars.count)
        if !rest.isEmpty { sentences.append(rest) }
        return sentences
    }

    /// The first sentence of `text` (the whole text when it has no boundary).
    static func firstSentence(of text: String) -> String {
        // A long paragraph's first sentence usually ends early: look in a prefix first. A boundary
        // found well before the prefix's end is the one the whole text has (the rules look at most
        // a few characters ahead, across single spaces).
        let window = 1024
        if text.utf8.count > window * 2 {
            if let first = split(String(scalars: text.unicodeScalars.prefix(window)), limit: 1).first,
                first.unicodeScalars.count < window - 64
            {
                return first
            }
        }
        return split(text, limit: 1).first ?? text
    }

    private static let closers: Set<Unicode.Scalar> = ["\"", "'", "”", "’", ")", "]"]
    private static let openers: Set<Unicode.Scalar> = ["\"", "“", "‘", "'", "(", "§", "["]

    private static func nextNonSpace(_ scalars: [Unicode.Scalar], from index: Int) -> Int? {
        var cursor = index
        while cursor < scalars.count, scalars[cursor].properties.isWhitespace { cursor += 1 }
        return cursor < scalars.count ? cursor : nil
    }

    private static func isBoundary(_ scalars: [Unicode.Scalar], terminator: Int, next: Int?) -> Bool {
        guard let next else { return true }
        let following = scalars[next]
        let followingIsNumber = following.properties.numericType != nil
        // A sentence starts with a capital, a digit, a quote or an opening bracket.
        guard following.properties.isUppercase || followingIsNumber || openers.contains(following) else { return false }
        guard scalars[terminator] == "." else { return true }
        let word = wordBefore(scalars, terminator)
        if word.isEmpty { return true }
        let lowered = word.lowercased()
        if abbreviations.contains(lowered) { return false }
        // "No. 12", "Art. 5", "p. 3": a numbering abbreviation followed by a number, or by an
        // identifier with digits ("Contract No. HHSO100201000046C").
        if numberingAbbreviations.contains(lowered), followingIsNumber || wordHasDigit(scalars, from: next) {
            return false
        }
        // Initials and dotted abbreviations: "J.", "U.S.", "e.g." (a single letter before the dot).
        if word.unicodeScalars.count == 1, word.unicodeScalars.first?.properties.isAlphabetic == true { return false }
        if word.contains("."), word.unicodeScalars.count <= 6 { return false }
        return true
    }

    /// Whether the word starting at `start` (up to whitespace) holds a digit.
    private static func wordHasDigit(_ scalars: [Unicode.Scalar], from start: Int) -> Bool {
        var cursor = start
        while cursor < scalars.count, !scalars[cursor].properties.isWhitespace {
            if scalars[cursor].properties.numericType != nil { return true }
            cursor += 1
        }
        return false
    }

    /// The run of letters and dots just before the terminator ("U.S.C" for "U.S.C.").
    private static func wordBefore(_ scalars: [Unicode.Scalar], _ terminator: Int) -> String {
        var cursor = terminator - 1
        while cursor >= 0, scalars[cursor].properties.isAlphabetic || scalars[cursor] == "." { cursor -= 1 }
        return String(scalars: scalars[(cursor + 1)..<terminator])
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
    var trimmingWhitespace: String { String(whitespaceTrimmed) }
}
