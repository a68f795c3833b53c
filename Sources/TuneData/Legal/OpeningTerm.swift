/// The term a passage opens by defining: `"Affiliate" means ...`, `(c) "Territory" shall mean ...`.
///
/// Such a passage is a run of definitions: `legal-definition` asks for each one, so `generic-qa` should not
/// also ask "What does the Agreement state in the passage that begins "Affiliate" means ..."".
enum OpeningTerm {
    /// The defined term at the start of `text`, or `nil`.
    static func term(of text: String) -> String? {
        let start = text.prefix(160)
        guard start.contains("\u{201C}") || start.contains("\"") else { return nil }
        return start.prefixMatch(of: pattern).map { String($0.output.1) }
    }

    nonisolated(unsafe) private static let pattern =
        /\s*(?:\(?[0-9A-Za-z]{1,4}(?:\.[0-9]{1,3})*[.)]?\s+)?[“"]([^”"]{2,60})[”"]\s*,?\s+(?:means|shall mean|has the meaning|shall have the meaning|includes|shall include|refers to|is defined)/
}
