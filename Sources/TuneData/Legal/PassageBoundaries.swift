/// Trims the fragments a passage can start or end with — the tail of a sentence whose start sits
/// under the previous heading or page, the head of one that goes on after the passage — so that an
/// answer built from it starts and ends with whole sentences.
///
/// Only the fragment goes: the rest of the passage stays verbatim (a suffix or prefix of a paragraph
/// is still found in the document by the groundedness check). Enumerated items are whole clauses and
/// are left alone.
enum PassageBoundaries {
    /// `text` without a leading or trailing sentence fragment; unchanged when it has none, or when
    /// trimming would leave nothing.
    static func trimmed(_ text: String) -> String {
        var paragraphs = text.paragraphPieces
        var changed = false
        // A clause number left alone at the end ("4.B.", "f.") belongs to the next passage.
        while paragraphs.count > 1, let last = paragraphs.last,
            String(last.whitespaceTrimmed).wholeMatch(of: danglingLabel) != nil
        {
            paragraphs.removeLast()
            changed = true
        }
        if let first = paragraphs.first, AnswerBoundaries.startsMidSentence(String(first.whitespaceTrimmed)) {
            if let rest = afterFirstSentenceEnd(String(first)) {
                paragraphs[0] = rest[...]
            } else {
                paragraphs.removeFirst()
            }
            changed = true
        }
        if let last = paragraphs.last, AnswerBoundaries.endsMidSentence(String(last.whitespaceTrimmed)) {
            if let kept = throughLastSentenceEnd(String(last)) {
                paragraphs[paragraphs.count - 1] = kept[...]
            } else {
                paragraphs.removeLast()
            }
            changed = true
        }
        // Unchanged pieces join back to the text itself.
        guard changed else { return text }
        let result = paragraphs.joined(separator: "\n\n")
        return result.hasWords(atLeast: 3) ? result : text
    }

    /// The paragraph after its first sentence end, or `nil` when it has none.
    ///
    /// A sentence end is a full stop, semicolon, colon or question mark followed by a space and a
    /// capital, a digit or an opening bracket.
    static func afterFirstSentenceEnd(_ paragraph: String) -> String? {
        guard let match = paragraph.firstMatch(of: sentenceEnd) else { return nil }
        let rest = paragraph[match.range.upperBound...]
        return rest.isEmpty ? nil : String(rest)
    }

    /// The paragraph up to and including its last sentence end, or `nil` when it has none.
    static func throughLastSentenceEnd(_ paragraph: String) -> String? {
        guard let match = paragraph.matches(of: sentenceEnd).last else { return nil }
        let kept = paragraph[..<match.range.lowerBound] + paragraph[match.range].prefix { !$0.isWhitespace }
        return kept.hasWords(atLeast: 3) ? String(kept) : nil
    }

    nonisolated(unsafe) private static let danglingLabel =
        /\(?[0-9A-Za-z]{1,4}(?:\.[0-9A-Za-z]{1,4})*[.)]?(?:\s*&[a-z]+;)?/
    nonisolated(unsafe) private static let sentenceEnd = /[.;:!?]["”’)]?\s+(?=["“(]?[A-Z0-9(])/
}
