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
        guard let root = passage.sectionPath.first, let heading = LegalHeading.parse(root),
            let label = heading.label, let word = label.split(separator: " ").first,
            LegalVocabulary.attachmentSet.contains(word.lowercased())
        else { return documentTitle }
        guard let name = heading.title, !name.isEmpty else { return "\(label) to the \(documentTitle)" }
        return "\(name) (\(label) to the \(documentTitle))"
    }
}
