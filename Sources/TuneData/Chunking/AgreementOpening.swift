/// The paragraph that opens an agreement's own text: "This Franchise Agreement between …",
/// "AGREEMENT This Agreement (the "Agreement") is made and entered into as of …".
///
/// A contents page's last entry is often an attachment ("EXHIBIT A PRODUCT IMPROVEMENT PLAN",
/// "Exhibit 8.8(b) - Tail Period Advertising Services ii"), read as a heading; without this, the
/// agreement's whole body would sit under it. When the agreement opens while such an attachment
/// heading is open and nothing numbered has had text yet, the attachment was an entry of a list,
/// not a part of the document.
enum AgreementOpening {
    /// Whether `text` opens an agreement: "This", its kind word within a few words, then who makes it
    /// or when; or its title, then its date or parties and "(this “Agreement”)" ("INTELLECTUAL PROPERTY
    /// AGREEMENT, dated as of September 27, 2018 (this “Agreement”), by and between …").
    static func opens(_ text: String) -> Bool {
        guard text.utf8.count >= 40 else { return false }
        if text.contains("This "), text.prefixMatch(of: pattern) != nil { return true }
        return text.prefixMatch(of: titledPattern) != nil
    }

    /// A paragraph of at least this many words, most of them lower-case, is prose (``isProse(_:)``).
    static let proseWords = 8

    /// Whether a paragraph is prose, so an attachment it follows has begun; contents columns ("26 26
    /// 27 27 …") and lists of titles ("List of Products The Territory Sublicense Agreement") are not.
    static func isProse(_ text: String) -> Bool {
        var words = 0
        var lower = 0
        for word in text.split(whereSeparator: \.isWhitespace) {
            guard let first = word.first(where: \.isLetter) else { continue }
            words += 1
            if first.isLowercase { lower += 1 }
        }
        return words >= proseWords && lower * 2 > words
    }

    /// Whether an opening makes the document of its title ("This Franchise Agreement" in the Franchise
    /// Agreement) and no open attachment's name holds that title (an attached "Form of Amendment to
    /// Franchise Agreement" opens "This Amendment to the Franchise Agreement").
    static func names(_ title: String?, text: String, in stack: [OutlineHeading]) -> Bool {
        guard let title = title?.lowercased(), title.split(separator: " ").count >= 2 else { return false }
        // "This Franchise Agreement between …" or "FRANCHISE AGREEMENT, dated as of …" makes the
        // document; "… is part of the Endorsement Agreement" (an attached form's opening) only refers to it.
        let lowered = text.lowercased()
        guard lowered.contains("this " + title) || lowered.hasPrefix(title) else { return false }
        return !stack.contains { isAttachment($0) && ($0.title ?? "").lowercased().contains(title) }
    }

    /// Whether `heading` is an attachment's: "Exhibit A", "Schedule 4", "Appendix B".
    static func isAttachment(_ heading: OutlineHeading) -> Bool {
        guard let label = heading.label?.lowercased() else { return false }
        return LegalVocabulary.attachments.contains { label.hasPrefix($0 + " ") }
    }

    /// Whether `heading` is a row of a list of attachments rather than one attachment's heading:
    /// its title starts with another attachment word ("Appendix 1 Appendix 2", "Exhibit C Exhibit D",
    /// "Appendix 13 Appendix Name", "Appendix 9 Appendix10").
    static func isListRow(_ heading: OutlineHeading) -> Bool {
        guard isAttachment(heading), let first = heading.title?.split(separator: " ").first else { return false }
        // "Appendix10": the label may have lost its space.
        let word = first.lowercased().prefix { $0.isLetter }
        return LegalVocabulary.attachmentSet.contains(String(word))
    }

    nonisolated(unsafe) private static let titledPattern =
        /[A-Z][A-Za-z&\- ]{2,80}\s(?:AGREEMENT|Agreement|CONTRACT|Contract),?\s[^.]{0,300}?\((?i:this|the)\s+["\u{201C}](?:Agreement|Contract)["\u{201D}]\)/

    nonisolated(unsafe) private static let pattern =
        /(?:[A-Z][A-Z&,\- ]{2,80}\s)?This\s+(?:[A-Z][\w&\-]*\s+){0,6}(?:Agreement|Contract)\b[^.]{0,400}?\b(?:is made|is entered|made and entered|entered into|is dated|dated as of|by and between|between)\b/
}
