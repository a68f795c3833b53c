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
        /Source:\s+[A-Z][A-Z0-9 ,.&'\-]{2,80},\s+[0-9A-Z\-\/]{2,8},\s+[0-9]{1,2}\/[0-9]{1,2}\/[0-9]{4}/,
        // "CONFIDENTIAL TREATMENT REQUESTED BY ..." cover legends
        /(?i:confidential treatment (?:has been )?requested)/,
        // "IBM Confidential", "Company Confidential" as a running label
        /\b(?:[A-Z]{2,}|Company|Proprietary and) Confidential\b(?! (?:Information|information|Treatment|treatment))/,
        // "1 │ Page"
        /[0-9]+\s*[│|]\s*Page\b/,
    ]

    /// A paragraph that is nothing but furniture: a page counter, a legend, "- 7 -", "Page 7".
    nonisolated(unsafe) static let wholeParagraph: Regex<Substring> =
        /Source:\s+[A-Z][A-Z0-9 ,.&'\-]{2,80},\s+[0-9A-Z\-\/]{2,8},\s+[0-9]{1,2}\/[0-9]{1,2}\/[0-9]{4}|(?i:(?:page\s+)?-?\s*[0-9]{1,4}\s*-?(?:\s+of\s+[0-9]{1,4})?|[\w&.,' ]{0,60}\s*confidential(?:\s+[\w.]+){0,3}|.{0,80}\.(?:lwp|wpd)(?:\s+page\s+[0-9]+(?:\s+of\s+[0-9]+)?)?|[0-9]+\s*[│|]\s*page)/

    /// `text` without the paragraphs that are only furniture (the rest unchanged, so answers stay
    /// verbatim copies of the document's paragraphs).
    static func strippingFurnitureParagraphs(_ text: String) -> String {
        let paragraphs = text.split(separator: "\n\n", omittingEmptySubsequences: false)
        let kept = paragraphs.filter { paragraph in
            let trimmed = paragraph.trimmingWhitespace
            guard !trimmed.isEmpty, trimmed.count <= 120 else { return true }
            return trimmed.wholeMatch(of: wholeParagraph) == nil
        }
        return kept.count == paragraphs.count ? text : kept.joined(separator: "\n\n")
    }
}
