/// Finds the quoted terms one sentence defines, in order of appearance:
/// `"Term" means ...` (or includes, has the meaning, refers to, is defined as; optionally after
/// a comma or "shall") and parenthetical ones: `(the "Agreement")`, `(each, a "Party")`,
/// `(hereinafter referred to as "Licensee")`.
///
/// A hand-written scan over Unicode scalars rather than regular expressions: this runs on every
/// sentence with a quote in every passage, and Swift's regex engine made it a tenth of a conversion.
struct DefinedTermScanner {
    private let scalars: [Unicode.Scalar]

    init(_ sentence: String) {
        scalars = Array(sentence.unicodeScalars)
    }

    /// The terms, each as written between its quotes (untrimmed), ordered by where their match starts.
    func terms() -> [String] {
        definedTerms().map(\.term)
    }

    /// The terms as ``terms()`` gives them, each with whether it is defined in brackets,
    /// `(the "Agreement")`, rather than by a defining verb, and whether that bracket opens the
    /// sentence (so the sentence names nothing before it: `(hereinafter "Site").`).
    func definedTerms() -> [(term: String, isParenthetical: Bool, opensSentence: Bool)] {
        var found: [(start: Int, term: String, isParenthetical: Bool)] = []
        var index = 0
        // "Term" means ...: matches never overlap; the scan goes on after the defining verb.
        while index < scalars.count {
            if Self.openingQuotes.contains(scalars[index]), let quoted = quotedTerm(at: index),
                let end = definingVerbEnd(after: quoted.end)
            {
                found.append((index, quoted.term, false))
                index = end
            } else {
                index += 1
            }
        }
        index = 0
        // (the "Term"): the match runs from the bracket to the closing quote.
        while index < scalars.count {
            if scalars[index] == "(", let quoted = parentheticalTerm(at: index) {
                found.append((index, quoted.term, true))
                index = quoted.end
            } else {
                index += 1
            }
        }
        let firstWord = scalars.firstIndex { !$0.properties.isWhitespace } ?? 0
        return found.sorted { $0.start < $1.start }.map {
            ($0.term, $0.isParenthetical, $0.isParenthetical && $0.start == firstWord)
        }
    }

    // MARK: - Pieces

    private static let openingQuotes: Set<Unicode.Scalar> = ["\"", "“"]
    private static let closingQuotes: Set<Unicode.Scalar> = ["\"", "”"]
    private static let anyQuote: Set<Unicode.Scalar> = ["\"", "“", "”"]

    /// The defining verbs, each a sequence of words separated by whitespace.
    private static let definingVerbs: [[String]] = [
        ["means"], ["mean"], ["includes"], ["include"], ["has", "the", "meaning"], ["have", "the", "meaning"],
        ["refers", "to"], ["refer", "to"], ["is", "defined", "as"],
    ]

    /// A quote at `start`, 2 to 60 scalars without quotes, and a closing quote: the term and the
    /// index just past the closing quote.
    private func quotedTerm(at start: Int) -> (term: String, end: Int)? {
        guard start < scalars.count, Self.openingQuotes.contains(scalars[start]) else { return nil }
        var cursor = start + 1
        while cursor < scalars.count, !Self.anyQuote.contains(scalars[cursor]) {
            cursor += 1
            if cursor - start - 1 > 60 { return nil }
        }
        let length = cursor - start - 1
        guard cursor < scalars.count, Self.closingQuotes.contains(scalars[cursor]), length >= 2 else { return nil }
        return (String(scalars: scalars[(start + 1)..<cursor]), cursor + 1)
    }

    /// The index after the defining verb that follows a closing quote, if one does.
    ///
    /// After the quote: optional whitespace, an optional comma, an optional "shall", then a defining verb ending at a
    /// word boundary.
    private func definingVerbEnd(after index: Int) -> Int? {
        var cursor = skipSpaces(from: index)
        if cursor < scalars.count, scalars[cursor] == "," { cursor = skipSpaces(from: cursor + 1) }
        for shall in [true, false] {
            var start = cursor
            if shall {
                guard let afterShall = words(["shall"], from: cursor, needsTrailingSpace: true) else { continue }
                start = afterShall
            }
            for verb in Self.definingVerbs {
                if let end = words(verb, from: start, needsTrailingSpace: false), isWordBoundary(at: end) {
                    return end
                }
            }
        }
        return nil
    }

    /// `(`, then optionally "each"/"collectively"/"together"/"individually" (with an optional comma),
    /// "a"/"an"/"the", "hereinafter" (optionally "referred to as"), each followed by whitespace; then
    /// a quoted term.
    private func parentheticalTerm(at start: Int) -> (term: String, end: Int)? {
        var cursor = start + 1
        for word in ["each", "collectively", "together", "individually"] {
            guard let end = words([word], from: cursor, needsTrailingSpace: false) else { continue }
            let next = end < scalars.count && scalars[end] == "," ? end + 1 : end
            let spaced = skipSpaces(from: next)
            if spaced > next { cursor = spaced }
            break
        }
        for article in ["an", "a", "the"] {
            if let end = words([article], from: cursor, needsTrailingSpace: true) {
                cursor = end
                break
            }
        }
        if let end = words(["hereinafter"], from: cursor, needsTrailingSpace: true) {
            cursor = words(["referred", "to", "as"], from: end, needsTrailingSpace: true) ?? end
        }
        return quotedTerm(at: cursor)
    }

    /// Matches `sequence` word by word from `index` and returns the index after it.
    ///
    /// Whitespace separates the words (and follows the last one when `needsTrailingSpace`, which is then consumed).
    private func words(_ sequence: [String], from index: Int, needsTrailingSpace: Bool) -> Int? {
        var cursor = index
        for (position, word) in sequence.enumerated() {
            for expected in word.unicodeScalars {
                guard cursor < scalars.count, scalars[cursor] == expected else { return nil }
                cursor += 1
            }
            if position < sequence.count - 1 || needsTrailingSpace {
                let spaced = skipSpaces(from: cursor)
                guard spaced > cursor else { return nil }
                cursor = spaced
            }
        }
        return cursor
    }

    private func skipSpaces(from index: Int) -> Int {
        var cursor = index
        while cursor < scalars.count, scalars[cursor].properties.isWhitespace { cursor += 1 }
        return cursor
    }

    /// `\b` after a word: the end of the text or a scalar that is not a letter, digit or underscore.
    private func isWordBoundary(at index: Int) -> Bool {
        guard index < scalars.count else { return true }
        let scalar = scalars[index]
        return !(scalar.properties.isAlphabetic || scalar.properties.numericType != nil || scalar == "_")
    }
}
