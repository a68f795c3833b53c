/// The words legal documents name their parts with, each list written once: the extractor's
/// heading rules, the chunker's heading parser and the title finder all read these.
enum LegalVocabulary {
    /// Divisions a body is organised in, outermost first: "Part 1", "Title II", "Chapter 3", "Article V".
    static let divisions = ["part", "title", "chapter", "article"]

    /// Documents attached to the main one: "Schedule 2", "Exhibit A", "Annex I", "Attachment B".
    ///
    /// Each starts a part of its own, at the top of the outline.
    static let attachments = ["schedule", "exhibit", "annex", "appendix", "attachment"]

    /// The words before a section's number, as in "Section 5.2" or its abbreviation with the period.
    static let sections = ["section", "sec."]

    /// The words of a heading over a contract's recitals: "Recitals", "BACKGROUND", "WITNESSETH:".
    static let recitals = ["recitals", "recital", "background", "witnesseth", "preamble", "whereas", "premises"]

    /// The word that opens each recital ("WHEREAS, the Company …"), in capitals as contracts write it.
    static let recitalOpening = "WHEREAS"

    /// `attachments` as a set, for a word already lower-cased.
    static let attachmentSet = Set(attachments)
    /// `divisions` as a set, for a word already lower-cased.
    static let divisionSet = Set(divisions)
    /// `sections` as a set, for a word already lower-cased.
    static let sectionSet = Set(sections)
    /// `recitals` as a set, for a title already lower-cased.
    static let recitalSet = Set(recitals)
}
