import Foundation

/// A paragraph that runs two numbered sections together.
///
/// "3.4 Package Insert. … directed [***]. 3.5 Filings. On a country-by-country basis …": plain-text
/// filings set a page's paragraphs on one line, and a PDF line join does the same.
///
/// The paragraph is cut before the next section's own number and heading, and only when that
/// number continues the outline at the same depth (3.4 → 3.5, 13.5 → 13.6) and follows a
/// sentence's end: "as set out in Section 3.5 Filings." is a cross-reference, not a heading.
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

    /// The paragraph's pieces, one per section.
    ///
    /// The text before the first continuing heading, then one piece per heading, each starting with
    /// its number; one piece when nothing continues from `number`.
    static func pieces(of text: String, after number: String?) -> [String] {
        guard var next = number.flatMap(successor) else { return [text] }
        var pieces: [String] = []
        var rest = Substring(text)
        while let cut = headingStart(of: next, in: rest) {
            pieces.append(rest[..<cut].trimmingWhitespace)
            rest = rest[cut...]
            guard let after = successor(of: next) else { break }
            next = after
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
