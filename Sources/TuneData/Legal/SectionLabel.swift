/// The labels that number a legal document's parts, as patterns over a line's start: "ARTICLE V",
/// "Section 5.2", "§ 12", "5.2.1", "Exhibit A".
///
/// The division and attachment words come from ``LegalVocabulary``; the PDF heading rules, the
/// chunker's ``LegalHeading`` and the title finder all match labels with these.
enum SectionLabel {
    static let divisionWord = LegalVocabulary.divisions.alternation
    static let attachmentWord = LegalVocabulary.attachments.alternation
    static let sectionWord = LegalVocabulary.sections.alternation

    /// "ARTICLE V", "Chapter 3", "Exhibit A.", "SCHEDULE 2": a division or attachment and its number.
    nonisolated(unsafe) static let divisionOrAttachment = legalPattern(
        #"(?i:\#(divisionWord)|\#(attachmentWord))\s+([IVXLCDM]+|\d+|[A-Z])\b\.?"#, as: (Substring, Substring).self)

    /// A section number in parts: "Section 5.2", "§ 12", "§§ 4.1a".
    nonisolated(unsafe) static let section = legalPattern(
        #"(?:(?i:\#(sectionWord))\s*|§+\s*)(\d+)((?:\.\d+)*)[A-Za-z]?\.?"#, as: (Substring, Substring, Substring).self)

    /// A dotted number of one- or two-digit parts and the space after it: "5.2 ", "5.2.1 ".
    nonisolated(unsafe) static let decimal = legalPattern(
        #"(\d{1,2})((?:\.\d{1,2})+)\.?\s"#, as: (Substring, Substring, Substring).self)

    /// A one- or two-digit number, then a period and a space (a numbered heading's start).
    nonisolated(unsafe) static let number = legalPattern(#"\d{1,2}\.\s"#)

    /// A label and nothing else: "Article 5", "SECTION 3.", "Exhibit B", "§ 12".
    nonisolated(unsafe) static let bare = legalPattern(
        #"(?i:\#(divisionWord)|\#(sectionWord)|\#(attachmentWord))\s+([IVXLCDM]+|[\d.]+|[A-Z])\.?|§+\s*[\d.]+"#,
        as: (Substring, Substring?).self)

    /// "Exhibit A-3", "Schedule 2 - 4": the page label of an attachment's page.
    nonisolated(unsafe) static let attachmentPage = legalPattern(
        #"(?i)(\#(attachmentWord))\s+[A-Z0-9]{1,3}\s?[-–]\s?\d{1,3}"#, as: (Substring, Substring).self)

    /// A cover's filing label before the title: "Exhibit 10.28", "EXHIBIT D", "Annex IV:".
    nonisolated(unsafe) static let filingLabel = legalPattern(
        #"(?i:\#(attachmentWord))\s+(?:[0-9][0-9A-Za-z.()\-]*|[A-Z]{1,3}(?:-?[0-9]+)?|[IVX]+)\b\s*[:.\-–—]?\s*"#)

    /// The exhibit number a regulatory filing puts before a title: "Exhibit 10.4 ", "EX-10.26 ".
    nonisolated(unsafe) static let filingExhibitNumber = legalPattern(
        #"(?i:exhibit\s*|ex[.\-]\s*)[0-9][0-9A-Za-z.()\-]*\s*[:.\-–—]?\s+"#)
}
