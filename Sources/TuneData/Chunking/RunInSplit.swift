import Foundation

/// A paragraph that runs two numbered sections together.
///
/// "3.4 Package Insert. … directed [***]. 3.5 Filings. On a country-by-country basis …": plain-text
/// filings set a page's paragraphs on one line, and a PDF line join does the same.
///
/// The paragraph is cut before the next section's own number and heading, and only when that
/// number continues the outline (3.4 → 3.5, 13.5 → 13.6, a first child 5.8 → 5.8.1, the parent's
/// next 5.8 → 6.) and follows a sentence's end: "as set out in Section 3.5 Filings." is a
/// cross-reference, not a heading.
enum RunInSplit {
    /// The dotted number of a section label: "Section 3.4" → "3.4"; `nil` for "Article V" or "Section 3".
    static func dottedNumber(ofLabel label: String?) -> String? {
        guard let label, label.hasPrefix("Section ") else { return nil }
        let number = label.dropFirst("Section ".count)
        guard number.contains("."), number.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }) else { return nil }
        return String(number)
    }

    /// The number of a run-in heading that opens a paragraph, undotted too: "Section 22" → "22".
    ///
    /// An undotted number is continued only with its period ("22. Severability. … 23. Amendment. …"),
    /// and only from the paragraph's own opening heading.
    static func openingNumber(ofLabel label: String?) -> String? {
        guard let label, label.hasPrefix("Section ") else { return nil }
        let number = label.dropFirst("Section ".count)
        guard !number.isEmpty, number.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }) else { return nil }
        return String(number)
    }

    /// The next number at the same depth: "3.4" → "3.5", "13.9" → "13.10", "22" → "22".
    static func successor(of number: String) -> String? {
        var parts = number.split(separator: ".").map(String.init)
        guard !parts.isEmpty, let last = parts.last.flatMap({ Int($0) }) else { return nil }
        parts[parts.count - 1] = String(last + 1)
        return parts.joined(separator: ".")
    }

    /// The numbers that may open the next section after `number`: the next at the same depth, the
    /// first child, and the parent's next ("5.8" → "5.9", "5.8.1", "6"; "22" → "23", "22.1").
    ///
    /// A text copy runs a page's sections together whatever their depth: "5.8 Disclaimer. … 6.
    /// INDEMNIFICATION 6.1 Indemnification by Exact. …" is three sections.
    static func nextNumbers(after number: String) -> [String] {
        var numbers = [successor(of: number), number + ".1"].compactMap { $0 }
        let parts = number.split(separator: ".")
        if parts.count > 1, let parent = successor(of: parts.dropLast().joined(separator: ".")) {
            numbers.append(parent)
        }
        return numbers
    }

    /// The paragraph's pieces, one per section.
    ///
    /// The text before the first continuing heading, then one piece per heading, each starting with
    /// its number; one piece when nothing continues from `number`. Each cut is at the earliest of
    /// ``nextNumbers(after:)`` of the section before it.
    static func pieces(of text: String, after number: String?) -> [String] {
        guard var current = number, successor(of: current) != nil else { return [text] }
        var pieces: [String] = []
        var rest = Substring(text)
        while true {
            let found = nextNumbers(after: current).compactMap { next in
                headingStart(of: next, in: rest).map { (start: $0, number: next) }
            }.min { $0.start < $1.start }
            guard let found else { break }
            pieces.append(rest[..<found.start].trimmingWhitespace)
            rest = rest[found.start...]
            current = found.number
        }
        pieces.append(String(rest))
        return pieces
    }

    /// Characters a sentence (or a clause list item) can end with before the next section starts.
    private static let sentenceEnds: Set<Character> = [".", ";", ":", "]", ")", "\"", "”", "’", "'"]

    /// Where `number`'s run-in heading starts inside `text` (after its start), or `nil`.
    private static func headingStart(of number: String, in text: Substring) -> String.Index? {
        var searchFrom = text.index(after: text.startIndex)
        while searchFrom < text.endIndex, let found = text.range(of: number, range: searchFrom..<text.endIndex) {
            searchFrom = found.upperBound
            var start = found.lowerBound
            guard text[text.index(before: start)].isWhitespace,
                number.contains(".") || (found.upperBound < text.endIndex && text[found.upperBound] == ".")
            else { continue }
            var leadEnd = endOfText(before: start, in: text)
            // "… 13.5. Section 13.6 Severability." keeps its keyword with the number.
            let lead = text[..<leadEnd].suffix(8).lowercased()
            if let keyword = LegalVocabulary.sections.first(where: { lead == $0 || lead.hasSuffix(" " + $0) }) {
                start = text.index(leadEnd, offsetBy: -keyword.count)
                leadEnd = endOfText(before: start, in: text)
            }
            guard leadEnd > text.startIndex, sentenceEnds.contains(text[text.index(before: leadEnd)]),
                let runIn = LegalHeading.parseRunIn(String(text[start...])),
                openingNumber(ofLabel: runIn.heading.label) == number
            else { continue }
            return start
        }
        return nil
    }

    /// The index just after the last non-whitespace character before `index`.
    private static func endOfText(before index: String.Index, in text: Substring) -> String.Index {
        var end = index
        while end > text.startIndex, text[text.index(before: end)].isWhitespace { end = text.index(before: end) }
        return end
    }
}
