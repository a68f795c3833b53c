/// The paragraph that opens an agreement's own text: "This Franchise Agreement between …",
/// "AGREEMENT This Agreement (the "Agreement") is made and entered into as of …".
///
/// A contents page's last entry is often an attachment ("EXHIBIT A PRODUCT IMPROVEMENT PLAN",
/// "Exhibit 8.8(b) - Tail Period Advertising Services ii"), read as a heading; without this, the
/// agreement's whole body would sit under it. When the agreement opens while such an attachment
/// heading is open and nothing numbered has had text yet, the attachment was an entry of a list,
/// not a part of the document.
enum AgreementOpening {
    /// Whether `text` opens an agreement: "This", its kind word within a few words, then who makes it or when.
    static func opens(_ text: String) -> Bool {
        guard text.utf8.count >= 40, text.contains("This ") else { return false }
        return text.prefixMatch(of: pattern) != nil
    }

    /// Whether `heading` is an attachment's: "Exhibit A", "Schedule 4", "Appendix B".
    static func isAttachment(_ heading: OutlineHeading) -> Bool {
        guard let label = heading.label?.lowercased() else { return false }
        return LegalVocabulary.attachments.contains { label.hasPrefix($0 + " ") }
    }

    nonisolated(unsafe) private static let pattern =
        /(?:[A-Z][A-Z&,\- ]{2,80}\s)?This\s+(?:[A-Z][\w&\-]*\s+){0,6}(?:Agreement|Contract)\b[^.]{0,400}?\b(?:is made|is entered|made and entered|entered into|is dated|dated as of|by and between|between)\b/
}
