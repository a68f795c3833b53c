/// The closing formula of an act or agreement and what follows it in its section.
///
/// "Done at Brussels, 27 April 2016", then the signatories ("For the European Parliament … The
/// President") and, in an EU text, the act's footnotes: none of it is a provision of the last article.
enum ActClosing {
    /// `section` without its closing formula and what follows it; unchanged when it has none.
    static func trimmed(_ section: OutlineSection) -> OutlineSection {
        for (index, paragraph) in section.paragraphs.enumerated() {
            guard let start = closingStart(in: paragraph.text) else { continue }
            var trimmed = section
            let before = paragraph.text[..<start].trimmingWhitespace
            trimmed.paragraphs = Array(section.paragraphs[..<index])
            if !before.isEmpty { trimmed.paragraphs.append(OutlineParagraph(text: before, page: paragraph.page)) }
            return trimmed
        }
        return section
    }

    /// Where "Done at <Place>," opens a sentence of `text`: at its start or after a sentence's end.
    static func closingStart(in text: String) -> String.Index? {
        guard text.contains("Done at ") else { return nil }
        for match in text.matches(of: formula) {
            let before = text[..<match.range.lowerBound]
            let previous = before.trimmingWhitespace
            if previous.isEmpty || previous.last.map({ ".;".contains($0) }) == true { return match.range.lowerBound }
        }
        return nil
    }

    nonisolated(unsafe) private static let formula = /Done at [A-Z][\w'’-]+(?:[ -][A-Z][\w'’-]+)?,/
}
