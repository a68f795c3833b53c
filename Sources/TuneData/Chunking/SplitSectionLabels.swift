/// Names the pieces of a section that is cut into several passages, so each is asked for as itself.
///
/// A section longer than the token budget becomes consecutive passages with the same label and
/// breadcrumbs (so does a parent whose small subsections were merged into more than one passage).
/// Asking "What does Section 2.3 provide?" of each would answer with a part of it. Instead a piece
/// is named by the enumerated clauses it holds — "Section 2.3(b)–(d)", "Section 5, items 5.6–5.7",
/// "Section 2.3 up to (c)" for the opening piece — and only the opening piece keeps the section's
/// own label for the locator, which quotes the section's real first sentence. A later piece that
/// starts with plain prose, with no enumerator to name it, loses its label and heading: no template
/// asks for it by section number.
enum SplitSectionLabels {
    /// `passages` with the pieces of split sections labelled; whole sections are returned unchanged.
    static func labelled(_ passages: [Passage]) -> [Passage] {
        var result = passages
        var start = 0
        while start < passages.count {
            var end = start + 1
            while end < passages.count, isSameSection(passages[start], passages[end]) { end += 1 }
            if end - start > 1 {
                for index in start..<end {
                    let number = index - start + 1
                    if let label = passages[start].label {
                        result[index] = piece(passages[index], of: label, number: number, count: end - start)
                    } else {
                        // An unnumbered section: its later pieces are not all there is under the heading.
                        result[index].part = PassagePart(sectionLabel: nil, number: number, count: end - start)
                        if number > 1 { result[index].heading = nil }
                    }
                }
            }
            start = end
        }
        return result
    }

    private static func isSameSection(_ a: Passage, _ b: Passage) -> Bool {
        a.label == b.label && a.sectionPath == b.sectionPath && !a.sectionPath.isEmpty
    }

    /// One piece of the section labelled `label`, named by its enumerated clauses.
    static func piece(_ passage: Passage, of label: String, number: Int, count: Int) -> Passage {
        var piece = passage
        // The opening piece may start with its heading's line ("Monitoring and evaluation"): the
        // first paragraph that reads as text decides how the piece is named.
        let paragraphs = passage.text.paragraphs.map(String.init).drop { number == 1 && isHeadingLine($0) }
        let items = paragraphs.compactMap(ClauseEnumerator.init)
        let opening = paragraphs.first.flatMap(ClauseEnumerator.init)
        piece.part = PassagePart(sectionLabel: number == 1 ? label : nil, number: number, count: count)
        if let first = opening {
            let last = items.last { $0.style == first.style } ?? first
            piece.label = first.citation(in: label, through: last)
        } else if number == 1 {
            let style = items.first?.style
            let last = items.last { $0.style == style }
            piece.label = last.map { "\(label) up to \($0.cited)" } ?? "the opening of \(label)"
        } else {
            piece.label = nil
            piece.heading = nil
        }
        return piece
    }
}

extension SplitSectionLabels {
    /// A short line without sentence punctuation: a heading repeated at the top of the text.
    static func isHeadingLine(_ paragraph: String) -> Bool {
        let words = paragraph.split(separator: " ").count
        return words <= 8 && !(paragraph.last.map { ".;:".contains($0) } ?? false)
            && ClauseEnumerator(paragraph) == nil
    }
}

/// The enumerator a paragraph opens with — "(b)", "(iv)", "5.6", "b.", "3." — and how it is cited.
struct ClauseEnumerator: Equatable {
    /// How the clause is numbered; a range is named only between enumerators of one style.
    enum Style: Equatable {
        /// "(b)", "b.": cited in brackets after the section ("Section 2.3(b)").
        case letter
        /// "(iv)", "iv.".
        case roman
        /// "(3)", "3.".
        case number
        /// "5.6", "5.6.1": a numbered subsection, cited as an item of its section.
        case dotted
    }

    var style: Style
    /// As cited: "(b)" for "b." and "(b)", "5.6" for "5.6.".
    var cited: String

    init?(_ paragraph: String) {
        if let match = paragraph.prefixMatch(of: Self.dottedPattern) {
            style = .dotted
            cited = String(match.output.1)
        } else if let match = paragraph.prefixMatch(of: Self.bracketedPattern) {
            let inside = String(match.output.1 ?? match.output.2 ?? "")
            if inside.allSatisfy(\.isNumber) {
                style = .number
            } else if inside.allSatisfy({ "ivx".contains($0) }) {
                style = .roman
            } else {
                style = .letter
            }
            cited = "(\(inside))"
        } else {
            return nil
        }
    }

    /// "Section 2.3(b)", "Section 2.3(b)–(d)", "Section 5.6", "Section 5, items 5.6–5.7".
    func citation(in label: String, through last: ClauseEnumerator) -> String {
        switch style {
        case .letter, .roman, .number:
            return last == self ? "\(label)\(cited)" : "\(label)\(cited)–\(last.cited)"
        case .dotted:
            let word = label.split(separator: " ").first.map(String.init) ?? "Section"
            guard last != self else { return "\(word) \(cited)" }
            // Items of the section ("Section 5, items 5.6–5.7"); clauses numbered as its siblings that
            // the outline left under it are items of the section both numbers share ("Section 10,
            // items 10.4.14–10.5", not "Section 10.3.9, items …").
            let number = label.split(separator: " ").last.map { $0 + "." } ?? ""
            guard cited.hasPrefix(number), last.cited.hasPrefix(number) else {
                let first = cited.split(separator: ".")
                let shared = zip(first, last.cited.split(separator: ".")).prefix { $0 == $1 }.map(\.0)
                let parent = shared.prefix(first.count - 1).joined(separator: ".")
                return parent.isEmpty
                    ? "\(word) \(cited)–\(last.cited)" : "\(word) \(parent), items \(cited)–\(last.cited)"
            }
            return "\(label), items \(cited)–\(last.cited)"
        }
    }

    nonisolated(unsafe) private static let dottedPattern = /(?:Section\s+)?([0-9]{1,3}(?:\.[0-9]{1,3})+)\.?\s/
    nonisolated(unsafe) private static let bracketedPattern =
        /\(([a-z]{1,2}|[ivxlc]{1,6}|[0-9]{1,3}|[A-Z])\)\s|([a-z]|[A-Z]|[0-9]{1,2})[.)]\s/
}
