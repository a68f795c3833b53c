/// Recognises a table of contents, so no template asks about it: a passage under a "Contents" or
/// "Index" heading, or one whose text is a run of headings with page numbers or dotted leaders.
enum ContentsPage {
    /// Whether `passage` is (part of) a contents page.
    static func isContents(_ passage: Passage) -> Bool {
        // Only the passage's own heading: an outline can wrongly put real sections under a contents heading.
        if let heading = passage.heading ?? passage.sectionPath.last, heading.wholeMatch(of: contentsHeading) != nil {
            return true
        }
        let text = passage.text
        return QualityGate.contents(text, words: AnswerWords(text)) != nil
    }

    nonisolated(unsafe) private static let contentsHeading =
        /\s*(?i:(?:table of )?contents|index|inhoud(?:sopgave)?|inhaltsverzeichnis|sommario|indice|índice|sumário|table des matières)\s*/
}
