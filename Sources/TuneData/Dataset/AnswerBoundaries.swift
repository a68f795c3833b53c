/// Whether an answer starts or ends in the middle of a sentence: a piece cut out of a longer text.
///
/// Enumerated items are exempt: "(iv) any Affiliate of Licensee; and" is a whole clause of a list,
/// and lists end their items with ";", "and", "or" or nothing at all.
enum AnswerBoundaries {
    /// A reason when `text` starts or ends mid-sentence, else `nil`.
    static func midSentence(_ text: String) -> String? {
        let paragraphs = text.split(separator: "\n", omittingEmptySubsequences: true)
            .map { $0.trimmingWhitespace }.filter { !$0.isEmpty }
        guard let first = paragraphs.first, let last = paragraphs.last else { return nil }
        if startsMidSentence(first) { return "starts \"\(first.prefix(40))\"" }
        if endsMidSentence(last) { return "ends \"…\(last.suffix(40))\"" }
        return nil
    }

    /// A lower-case word or closing punctuation first, unless it is an enumerator ("i.", "(a)", "b)").
    static func startsMidSentence(_ paragraph: String) -> Bool {
        let opening = paragraph.drop { "\"“‘'".contains($0) }
        guard let first = opening.first else { return false }
        if ",;:)]}".contains(first) { return true }
        guard first.isLowercase else { return false }
        return opening.prefixMatch(of: enumerator) == nil
    }

    /// Ends without sentence punctuation, unless the last paragraph is an enumerated item or a
    /// short label line of a list ("Schedule A – Fees").
    static func endsMidSentence(_ paragraph: String) -> Bool {
        let body = paragraph.reversed().drop { "\"”’')]}*".contains($0) || $0.isWhitespace }
        guard let last = body.first else { return false }
        if ".?!:;".contains(last) { return false }
        if TemplateContext.isListItem(paragraph) || paragraph.prefixMatch(of: enumerator) != nil { return false }
        // A list's items often end with a conjunction before the next item.
        if paragraph.hasSuffix(" and") || paragraph.hasSuffix(" or") { return false }
        return last.isLetter || last.isNumber || ",-–(".contains(last)
    }

    nonisolated(unsafe) private static let enumerator = /\(?(?:[a-z]{1,2}|[ivxlc]{1,6}|[0-9]{1,3})[.)]\s/
}
