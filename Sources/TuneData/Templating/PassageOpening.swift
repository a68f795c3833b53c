/// The words a question quotes to point at a passage that has no heading.
///
/// "What does the Agreement state in the passage that begins “…”?" should let the reader find the
/// passage without giving the answer away: a question that quotes the whole of a one-sentence passage,
/// or 60 words of a long first sentence, teaches nothing. So the opening is the first sentence only
/// when it is short and the passage goes on after it; otherwise the first words, cut at a word's end
/// outside any bracket or quotation, with "…".
enum PassageOpening {
    /// A first sentence of at most this many words is quoted whole (when the passage goes on).
    static let wholeSentenceWords = 14
    /// Otherwise this many words are quoted: enough to tell two passages of one contract apart.
    static let openingWords = 10
    /// A cut inside brackets or quotation marks moves on to where they close, up to this many words.
    static let longestOpening = 18

    static func opening(of text: String, firstSentence: String) -> String {
        let words = firstSentence.split(whereSeparator: \.isWhitespace)
        if words.count <= wholeSentenceWords && text.wordCount(beyond: firstSentence) > 0 { return firstSentence }
        guard words.count > openingWords else {
            // A short passage that is one sentence: half of it.
            let half = max(3, words.count / 2)
            return words.count <= 3 ? firstSentence : cut(words, at: half)
        }
        return cut(words, at: openingWords)
    }

    /// The first `count` words (more if a bracket or quotation is open there), trailing commas and
    /// colons dropped, and "…".
    static func cut(_ words: [Substring], at count: Int) -> String {
        var end = count
        while end < min(words.count, longestOpening), isOpen(words[..<end]) { end += 1 }
        if isOpen(words[..<end]) { end = count }
        guard end < words.count else { return words.joined(separator: " ") }
        var text = words[..<end].joined(separator: " ")
        while let last = text.last, ",;:".contains(last) { text.removeLast() }
        return text + "…"
    }

    /// Whether brackets or double quotation marks opened in these words are still open.
    static func isOpen(_ words: ArraySlice<Substring>) -> Bool {
        var depth = 0
        var straightQuotes = 0
        var curlyOpen = 0
        for word in words {
            for character in word {
                switch character {
                case "(", "[": depth += 1
                case ")", "]": depth -= 1
                case "\"": straightQuotes += 1
                case "“": curlyOpen += 1
                case "”": curlyOpen -= 1
                default: break
                }
            }
        }
        return depth > 0 || straightQuotes % 2 == 1 || curlyOpen > 0
    }
}

extension String {
    /// Words of this text after its prefix `opening` (0 when the text is no longer than it).
    fileprivate func wordCount(beyond opening: String) -> Int {
        guard let range = firstRange(of: opening) else { return 0 }
        return self[range.upperBound...].split(whereSeparator: \.isWhitespace).count
    }
}
