/// A defined term and the sentence of the document that defines it.
public struct Definition: Sendable, Hashable, Codable {
    /// The term as written between quotes: "Confidential Information".
    public var term: String
    /// The defining sentence, verbatim from the passage (so the answer is grounded).
    public var text: String

    public init(term: String, text: String) {
        self.term = term
        self.text = text
    }
}

/// Finds definitions in legal prose: `"Confidential Information" means ...`,
/// `"Affiliate" shall have the meaning ...`, and parenthetical ones like `(the "Agreement")`.
public enum DefinitionFinder {
    /// Definitions in `text`, each term once, in order of appearance.
    public static func definitions(in text: String) -> [Definition] {
        // Every pattern needs a quoted term: skip the regular expressions for text without quotes.
        guard text.contains("\"") || text.contains("“") else { return [] }
        var found: [Definition] = []
        var seen: Set<String> = []
        let sentences = text.split(separator: "\n\n").flatMap { SentenceSplitter.split(String($0)) }
        for sentence in sentences where sentence.contains("\"") || sentence.contains("“") {
            let terms = sentence.matches(of: meansPattern).map { ($0.range.lowerBound, $0.1) }
                + sentence.matches(of: parentheticalPattern).map { ($0.range.lowerBound, $0.1) }
            for (_, term) in terms.sorted(by: { $0.0 < $1.0 }) {
                add(term: term, sentence: sentence, to: &found, seen: &seen)
            }
        }
        return found
    }

    private static func add(term raw: Substring, sentence: String, to found: inout [Definition], seen: inout Set<String>) {
        let term = raw.trimmingWhitespace
        guard term.count >= 2, term.count <= 60, term.first?.isUppercase == true,
            term.split(separator: " ").count <= 8, seen.insert(term.lowercased()).inserted
        else { return }
        found.append(Definition(term: term, text: withoutEnumerator(sentence)))
    }

    /// "1.3 \"Term\" means ..." and "(x) \"Term\" means ..." answer without their clause numbers
    /// (what remains is still verbatim document text).
    static func withoutEnumerator(_ sentence: String) -> String {
        guard let match = sentence.prefixMatch(of: /(?:\d{1,3}(?:\.\d{1,3})*\.?|\([a-z0-9]{1,4}\)|[a-z]\))\s+(?=["“])/) else {
            return sentence
        }
        return String(sentence[match.range.upperBound...])
    }

    nonisolated(unsafe) private static let meansPattern =
        /["“]([^"“”]{2,60})["”]\s*(?:,\s*)?(?:shall\s+)?(?:means?|mean(?:s)?\s+and\s+includes?|includes?|has\s+the\s+meaning|shall\s+have\s+the\s+meaning|have\s+the\s+meaning|refers?\s+to|is\s+defined\s+as)\b/
    nonisolated(unsafe) private static let parentheticalPattern =
        /\((?:each,?\s+|collectively,?\s+|together,?\s+|individually,?\s+)?(?:an?\s+|the\s+)?(?:hereinafter\s+(?:referred\s+to\s+as\s+)?)?["“]([^"“”]{2,60})["”]/
}

/// Parties and the agreement date, read from a contract's opening words
/// ("... by and between Acme Corp., a Delaware corporation ("Acme"), and Beta LLC ...").
public enum PartyFinder {
    /// Party names as the preamble gives them, in order.
    public static func parties(in text: String) -> [String] {
        // The regular expression is slow on long text: look only where a preamble can be.
        guard text.lowercased().contains("between"),
            let match = text.firstMatch(of: betweenPattern)
        else { return [] }
        return [match.1, match.2].map { clean($0) }.filter { !$0.isEmpty }
    }

    /// The date the agreement is made or effective, as written ("March 1, 2020").
    public static func date(in text: String) -> String? {
        let lowered = text.lowercased()
        guard ["dated", "effective", "made", "entered"].contains(where: lowered.contains) else { return nil }
        return text.firstMatch(of: datePattern).map { String($0.1) }
    }

    private static func clean(_ raw: Substring) -> String {
        var name = raw.trimmingWhitespace
        while let last = name.last, ",;.".contains(last) { name.removeLast() }
        return name.trimmingWhitespace
    }

    nonisolated(unsafe) private static let betweenPattern =
        /(?i:by\s+and\s+(?:between|among)|between)\s+([A-Z][\w.&'’\- ]{1,80}?)\s*(?:,|\(|\s+and\s)[^;]*?\band\s+([A-Z][\w.&'’\- ]{1,80}?)\s*(?:,|\(|\.|$)/
    nonisolated(unsafe) private static let datePattern =
        /(?i:dated|effective|made|entered\s+into)[^.]{0,40}?((?:January|February|March|April|May|June|July|August|September|October|November|December)\s+\d{1,2},\s+\d{4}|\d{1,2}\s+(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+\d{4})/
}
