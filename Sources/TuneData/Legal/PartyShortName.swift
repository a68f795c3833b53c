/// A parenthetical that gives a party its short name: `Achaogen, Inc., a Delaware corporation ("Achaogen")`.
///
/// Such a term names a party rather than defining a concept: "What is meant by "Achaogen"?" answered with
/// the preamble is not a definition a lawyer would keep, so the definition finder skips it.
enum PartyShortName {
    /// How far before the parenthesis the party's full name may start.
    static let nameReach = 160

    /// Whether `term` is defined in `sentence` by a parenthesis right after a company name that contains it.
    static func isShortName(_ term: String, in sentence: String) -> Bool {
        for quote in ["“", "\"", "”"] {
            guard let quoted = sentence.firstRange(of: quote + term) else { continue }
            let before = sentence[..<quoted.lowerBound]
            guard let paren = before.lastIndex(of: "("),
                before[before.index(after: paren)...].trimmingWhitespace.count <= 12
            else { return false }
            let name = before[..<paren].suffix(nameReach)
            return name.contains(term) && name.contains(entitySuffix)
        }
        return false
    }

    /// The word that marks a company's full name: "Inc.", "LLC", "a Delaware corporation".
    nonisolated(unsafe) static let entitySuffix =
        /\b(?:Inc|Corp|Corporation|LLC|L\.L\.C|Ltd|Limited|L\.P|LP|plc|PLC|GmbH|AG|S\.A|N\.V|B\.V|Co|corporation|company|partnership)\b/
}
