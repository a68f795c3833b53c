/// Page furniture that survives extraction inside passage text: page counters, confidential
/// legends, word-processor file names, running page labels.
///
/// Used twice: whole paragraphs that are only furniture are removed from a passage before templates
/// see it (``strippingFurnitureParagraphs(_:)``), and the quality gate drops answers that still carry
/// furniture inside a paragraph.
enum AnswerFurniture {
    /// Furniture anywhere in a paragraph.
    nonisolated(unsafe) static let patterns: [Regex<Substring>] = [
        // "Page 33 of 39"
        /\b(?i:page)\s+[0-9]{1,4}\s+(?i:of)\s+[0-9]{1,4}\b/,
        // "sow0501.lwp", "contract_v3.doc" (word-processor files, not web addresses)
        /(?:^|[\s(])[A-Za-z][\w\-]{2,}\.(?:lwp|wpd|docx?|rtf)\b/,
        // "Source: EXACT SCIENCES CORP, 8-K, 8/22/2018" (the EDGAR copy's page footer)
        /(?:\b[0-9]{1,3}\s+)?Source:\s+[A-Z][A-Z0-9 ,.&'\-]{2,80},\s+[0-9A-Z\-\/]{2,8},\s+[0-9]{1,2}\/[0-9]{1,2}\/[0-9]{4}(?:\s+Table of Contents)?/,
        // "CONFIDENTIAL TREATMENT REQUESTED BY ..." cover legends
        /(?i:confidential treatment (?:has been )?requested)/,
        // "IBM Confidential", "Company Confidential" as a running label
        /\b(?:[A-Z]{2,}|Company|Proprietary and) Confidential\b(?! (?:Information|information|Treatment|treatment))/,
        // "1 │ Page"
        /[0-9]+\s*[│|]\s*Page\b/,
    ]

    /// A cheap test before the patterns: every pattern needs one of these words or marks (Swift's
    /// regular expressions are slow; this runs on every paragraph of every passage).
    static func mayHoldFurniture(_ text: Substring) -> Bool {
        text.contains("age ") || text.contains("Source:") || text.contains("onfidential")
            || text.contains("CONFIDENTIAL")
            || text.contains(".lwp") || text.contains(".wpd") || text.contains(".doc") || text.contains(".rtf")
            || text.contains("│") || text.contains("|")
    }

    /// A paragraph that is nothing but furniture: a page counter, a legend, "- 7 -", "Page 7".
    nonisolated(unsafe) static let wholeParagraph: Regex<Substring> =
        /Source:\s+[A-Z][A-Z0-9 ,.&'\-]{2,80},\s+[0-9A-Z\-\/]{2,8},\s+[0-9]{1,2}\/[0-9]{1,2}\/[0-9]{4}|(?i:(?:page\s+)?-?\s*[0-9]{1,4}\s*-?(?:\s+of\s+[0-9]{1,4})?|[\w&.,' ]{0,60}\s*confidential(?:\s+[\w.]+){0,3}|.{0,80}\.(?:lwp|wpd)(?:\s+page\s+[0-9]+(?:\s+of\s+[0-9]+)?)?|[0-9]+\s*[│|]\s*page)/

    /// `text` without its furniture: paragraphs that are only furniture go, and furniture inside a
    /// paragraph ("… the media 23 Source: ACME CORP, 8-K, 8/22/2018 plan …") is cut out by splitting
    /// the paragraph around it, so every paragraph left is still a verbatim piece of the document.
    static func strippingFurnitureParagraphs(_ text: String) -> String {
        let paragraphs = text.split(separator: "\n\n", omittingEmptySubsequences: false).flatMap(splitAroundFurniture)
        let kept = paragraphs.filter { paragraph in
            let trimmed = paragraph.trimmingWhitespace
            guard !trimmed.isEmpty, trimmed.count <= 120 else { return !trimmed.isEmpty }
            // A bare page number or counter, or a line with one of the furniture words.
            guard mayHoldFurniture(trimmed[...]) || trimmed.count <= 12 else { return true }
            return trimmed.wholeMatch(of: wholeParagraph) == nil
        }
        let result = kept.joined(separator: "\n\n")
        return result == text ? text : result
    }

    /// The pieces of a paragraph either side of the furniture inside it (the paragraph itself when there is none).
    static func splitAroundFurniture(_ paragraph: Substring) -> [String] {
        guard mayHoldFurniture(paragraph) else { return [String(paragraph)] }
        var pieces: [String] = []
        var rest = paragraph
        while let match = patterns.lazy.compactMap({ rest.firstMatch(of: $0) }).min(by: {
            $0.range.lowerBound < $1.range.lowerBound
        }) {
            pieces.append(String(rest[..<match.range.lowerBound]).trimmingWhitespace)
            rest = rest[match.range.upperBound...]
        }
        pieces.append(String(rest).trimmingWhitespace)
        return pieces.filter { !$0.isEmpty }
    }
}
