/// The page breaks of an EDGAR text copy (CUAD's `.txt` files): each original page ends with its
/// page number and is followed by the filing's footer line, so a sentence that runs on across a page
/// reads "… outstanding immediately 2", "Source: EXACT SCIENCES CORP, 8-K, 8/22/2018", "prior thereto …".
///
/// The footer paragraph goes, and so does the page number before it when it continues the
/// numbering of the other pages (the nearest other numbered footer's page is one less or one more:
/// "within 30" before a footer is a number of the text). When what is left does not end a sentence and
/// the next page goes on in lower case, the two halves are one paragraph again.
enum TextPageBreaks {
    /// The paragraphs with the footers and their page numbers out and split sentences joined.
    static func joined(_ paragraphs: [String]) -> [String] {
        let footers = paragraphs.indices.filter { isFooter(paragraphs[$0]) }
        guard footers.count >= 2 else { return paragraphs }
        // The page number ending the paragraph before each footer.
        let numbers = footers.map { $0 > 0 ? trailingNumber(paragraphs[$0 - 1]) : nil }
        let numbered = numbers.indices.filter { numbers[$0] != nil }
        var cut: Set<Int> = []  // paragraphs whose trailing number is a page number
        for (position, footer) in numbered.enumerated() {
            guard let value = numbers[footer]?.value else { continue }
            let before = position > 0 ? numbers[numbered[position - 1]]?.value : nil
            let after = position + 1 < numbered.count ? numbers[numbered[position + 1]]?.value : nil
            if before == value - 1 || after == value + 1 { cut.insert(footers[footer] - 1) }
        }
        let footerSet = Set(footers)
        var output: [String] = []
        var joinNext = false
        for (index, paragraph) in paragraphs.enumerated() {
            if footerSet.contains(index) {
                // The sentence before the footer goes on after it.
                joinNext = joinNext || (index + 1 < paragraphs.count && output.last.map(endsMidSentence) == true)
                continue
            }
            var text = withoutRunningHeader(paragraph)
            if text.isEmpty { continue }
            if cut.contains(index), let number = trailingNumber(text) { text = number.rest }
            if joinNext, let last = output.last, continuesSentence(text) {
                output[output.count - 1] = last + " " + text
            } else {
                output.append(text)
            }
            joinNext = false
        }
        return output
    }

    /// Whether a paragraph is a page's footer.
    ///
    /// "Source: EXACT SCIENCES CORP, 8-K, 8/22/2018" alone in its paragraph, or a page's redaction
    /// legend ("Page 2 of 60 [***] Certain information in this document has been omitted and filed
    /// separately with the Securities and Exchange Commission. Confidential Treatment has been
    /// requested with respect to the omitted portions.").
    static func isFooter(_ text: String) -> Bool {
        if text.hasPrefix("Source: ") && text.utf8.count <= 120 {
            return text.wholeMatch(of: AnswerFurniture.wholeParagraph) != nil
        }
        return text.utf8.count <= longestLegend && text.containsASCIICaseInsensitive("filed separately")
            && AnswerFurniture.strippingFurnitureParagraphs(text).isEmpty
    }

    /// Bytes a page's redaction legend runs to (the longest EDGAR form, with its page counter, is
    /// about 260).
    static let longestLegend = 400

    /// The paragraph without the running header an EDGAR copy starts each page with.
    ///
    /// "Confidential Treatment Requested by Achaogen, Inc. 1.5 …": after the header comes the page's
    /// text, which may be a heading ("Exhibit E Primary Countries") or the rest of the last page's
    /// sentence.
    static func withoutRunningHeader(_ text: String) -> String {
        guard text.utf8.count > 30, text.utf8.first.map({ $0 | 0x20 == UInt8(ascii: "c") }) == true,
            let match = text.prefixMatch(of: AnswerFurniture.confidentialTreatment)
        else { return text }
        return String(text[match.range.upperBound...]).trimmingWhitespace
    }

    /// A page number of one to three digits after a space at the paragraph's end, and the text before it.
    static func trailingNumber(_ text: String) -> (value: Int, rest: String)? {
        let digits = text.reversed().prefix(while: \.isNumber)
        guard (1...3).contains(digits.count), text.dropLast(digits.count).last == " ",
            let value = Int(String(digits.reversed()))
        else { return nil }
        return (value, text.dropLast(digits.count).trimmingWhitespace)
    }

    /// Whether the paragraph stops inside a sentence (no sentence-ending mark after its trailing page number goes).
    private static func endsMidSentence(_ text: String) -> Bool {
        var trimmed = Substring(trailingNumber(text)?.rest ?? text)
        while let last = trimmed.last, "\")]”’'".contains(last) { trimmed = trimmed.dropLast() }
        guard let last = trimmed.last else { return false }
        return !".!?:;".contains(last)
    }

    /// Whether the text goes on with a sentence: lower case, or a parenthesis that is not an enumerator ("(except …").
    private static func continuesSentence(_ text: String) -> Bool {
        guard let first = text.first else { return false }
        if first.isLowercase { return true }
        return first == "(" && text.prefixMatch(of: enumerator) == nil && text.dropFirst().first?.isLowercase == true
    }

    nonisolated(unsafe) private static let enumerator = /\([a-z]{1,5}\)/
}
