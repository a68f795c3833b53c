/// The testimonium of an agreement ("IN WITNESS WHEREOF, the parties have executed this Agreement as
/// of the date first above written.") and the signature blocks after it.
///
/// It closes the whole agreement, not the numbered section whose text it follows: left in, "What
/// does Section 11.7 provide?" is answered with 11.7 and the execution line. It is split off as a
/// section of its own under no heading, so the section's text ends where the section does and the
/// testimonium is still read (an agreement date may be stated only there).
enum Testimonium {
    /// `section`, and when a paragraph of it after the first opens the testimonium, the section up to
    /// it and a heading-less section from it on.
    static func separated(_ section: OutlineSection) -> [OutlineSection] {
        guard !section.headings.isEmpty else { return [section] }
        for (index, paragraph) in section.paragraphs.enumerated() {
            guard let start = start(in: paragraph.text) else { continue }
            var before = Array(section.paragraphs[..<index])
            let lead = paragraph.text[..<start].trimmingWhitespace
            if !lead.isEmpty { before.append(OutlineParagraph(text: lead, page: paragraph.page)) }
            guard !before.isEmpty else { return [section] }
            var after = [OutlineParagraph(text: String(paragraph.text[start...]), page: paragraph.page)]
            after += section.paragraphs[(index + 1)...]
            var body = section
            body.paragraphs = before
            return [body, OutlineSection(headings: [], paragraphs: after)]
        }
        return [section]
    }

    /// Where the testimonium opens in `text`: at its start in any case, or in capitals after other
    /// text of the paragraph ("… See Attached Schedule 2 IN WITNESS WHEREOF, the Parties …").
    static func start(in text: String) -> String.Index? {
        // Most paragraphs hold no testimonium: a byte scan spares them the Character comparisons.
        guard text.containsASCIICaseInsensitive("in witness whereof") else { return nil }
        if text.prefix(opening.count).lowercased() == lowercasedOpening { return text.startIndex }
        guard let range = text.firstRange(of: " " + opening) else { return nil }
        return text.index(after: range.lowerBound)
    }

    private static let opening = "IN WITNESS WHEREOF"
    private static let lowercasedOpening = opening.lowercased()
}
