/// Table rows and columns of figures cut out of a passage that also holds prose.
///
/// The quality gate drops an answer that is mostly figures; a section with a fee table between
/// two paragraphs of terms lost its terms with it (and coverage fell). Removing the figure
/// paragraphs before templates see the passage keeps the prose, and every paragraph left is still
/// verbatim from the document.
enum FigureParagraphs {
    /// Paragraphs shorter than this many visible characters are kept ("(30) days", "Page 7" go elsewhere).
    static let minimumVisible = 20

    /// `text` without its paragraphs that are less than half letters (the template set's rule for a
    /// whole passage), unless nothing would be left (a passage of figures is skipped whole).
    ///
    /// Not the gate's stricter 60 %: a notice sentence with an address, a phone number and a date
    /// ("Notices go to Jane Roe, jane.roe@example.com, Tel: (212) 555-0143") is 58 % letters and prose.
    static func stripping(_ text: String) -> String {
        guard text.containsBytes("\n\n") else { return text }
        let paragraphs = text.paragraphPieces
        let kept = paragraphs.filter { !isFigures($0) }
        guard kept.count < paragraphs.count, kept.contains(where: { !$0.whitespaceTrimmed.isEmpty }) else {
            return text
        }
        return kept.joined(separator: "\n\n")
    }

    /// Whether fewer than half of a paragraph's visible characters are letters.
    static func isFigures(_ paragraph: Substring) -> Bool {
        let (letters, visible) = letterCounts(paragraph)
        return visible >= minimumVisible && letters * 2 < visible
    }

    /// The letters and the visible (non-whitespace) characters of `text`.
    ///
    /// ASCII by comparison, Unicode's property tables only for the rest: this runs on every passage.
    static func letterCounts(_ text: Substring) -> (letters: Int, visible: Int) {
        var letters = 0
        var visible = 0
        for scalar in text.unicodeScalars {
            if scalar.isASCII {
                let value = scalar.value
                if value <= 0x20 { continue }
                visible += 1
                if (0x41...0x5A).contains(value) || (0x61...0x7A).contains(value) { letters += 1 }
            } else if !scalar.properties.isWhitespace {
                visible += 1
                if scalar.properties.isAlphabetic { letters += 1 }
            }
        }
        return (letters, visible)
    }
}
