/// The name of an exhibit, schedule or annex as a question says it, for a passage inside one.
///
/// An attachment is a document of its own inside the file (a promissory note, a price list, a form):
/// asking "Which section of the Supply Agreement deals with Governing Law?" and answering with the
/// note's Section 8 mixes the two. Passages under an attachment's heading are asked about the
/// attachment: "the Price Conditions (Exhibit 14 to the Supply Agreement)".
enum AttachmentTitle {
    /// The title questions use for `passage`: the attachment's when its outermost heading is one,
    /// `documentTitle` otherwise.
    static func title(for passage: Passage, documentTitle: String) -> String {
        guard let (label, name) = attachment(of: passage) else { return documentTitle }
        // "Schedule 4 Escrow Agreement" in a file that is the Escrow Agreement: the schedule that
        // attaches it to another agreement holds the document itself, not an attachment to it.
        if let name, name.lowercased() == documentTitle.lowercased() { return documentTitle }
        guard let name, !name.isEmpty, !OpeningTitle.isLabelOrMarker(name),
            name.split(separator: " ").count <= longestNameWords
        else { return "\(label) to the \(documentTitle)" }
        return "\(name) (\(label) to the \(documentTitle))"
    }

    /// The title a question puts after the passage's label: the document's for an attachment's own
    /// text ("What does Appendix A of the Supply Agreement provide?", not "… Appendix A of the Appendix
    /// A to the Supply Agreement …"), else the one ``title(for:documentTitle:)`` gives.
    static func labelTitle(for passage: Passage, documentTitle: String) -> String {
        guard let (label, _) = attachment(of: passage), passage.label == label else {
            return title(for: passage, documentTitle: documentTitle)
        }
        return documentTitle
    }

    /// The name of the attachment a passage sits in ("Material: Technical Information" under
    /// "Schedule 2 Material: Technical Information"), or nil outside one.
    static func attachmentName(of passage: Passage) -> String? {
        attachment(of: passage)?.name
    }

    /// Whether the passage sits in an exhibit, schedule, annex or appendix of the document.
    static func isInAttachment(_ passage: Passage) -> Bool {
        attachment(of: passage) != nil
    }

    /// The label and name of the attachment whose heading is the passage's outermost one.
    private static func attachment(of passage: Passage) -> (label: String, name: String?)? {
        guard let root = passage.sectionPath.first, root.prefixMatch(of: filingNumber) == nil,
            let heading = LegalHeading.parse(root),
            let label = heading.label, label.wholeMatch(of: attachmentLabel) != nil
        else { return nil }
        return (label, heading.title.map(withoutArticle))
    }

    /// "The Material" → "Material": questions say "the {{document.title}}", and "the The Material" is
    /// what they would ask otherwise.
    static func withoutArticle(_ name: String) -> String {
        guard name.hasPrefix("The ") || name.hasPrefix("THE ") else { return name }
        return String(name.dropFirst(4))
    }

    /// Words an attachment's name may have to stand in its title.
    ///
    /// Names run to "Product Improvement Plan" or "Category Card Target Acquisitions"; a longer
    /// heading ("Government Provisions for Commercial Item Subcontracts Under Contract Number
    /// HHSO100201000046C (BARDA Prime Contract)") is a description nobody says, so the attachment is
    /// called by its label ("Appendix A to the …").
    static let longestNameWords = 8

    /// An EDGAR filing's exhibit number ("Exhibit 10.13", "Exhibit 8.8"): it labels the whole filed
    /// document or cites another part of it, never an attachment.
    nonisolated(unsafe) static let filingNumber = /(?i:exhibit|ex\.)\s*[0-9]{1,3}\.[0-9]/

    /// "Exhibit A", "Schedule 4", "Annex IV": an attachment's own label.
    nonisolated(unsafe) static let attachmentLabel =
        /(?i:schedule|exhibit|annex|appendix|attachment)\s+(?:[A-Z]{1,2}|[IVX]{1,5}|[0-9]{1,2})/
}
