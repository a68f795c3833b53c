import Testing

@testable import TuneData

/// A paragraph that runs the next section's number and heading into its text is two sections, only
/// when the number continues the outline after a sentence's end.
@Suite struct RunInSplitTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var paragraph: String
        var paths: [String]
        var testDescription: String { paths.joined(separator: " | ") }
    }

    static let cases: [Case] = [
        Case(
            paragraph:
                "3.4 Package Insert. The package insert is agreed by both Parties. 3.5 Filings. On a country basis a filing is needed.",
            paths: ["Section 3.4 Package Insert", "Section 3.5 Filings"]),
        Case(
            paragraph:
                "13.5 Amendment. No amendment binds unless written. 13.6 Severability. Every provision is severable. 13.7 Notices. Notices are written.",
            paths: ["Section 13.5 Amendment", "Section 13.6 Severability", "Section 13.7 Notices"]),
        // After a redaction mark and with the section word.
        Case(
            paragraph: "9.1 Fees. The fee is [***]. Section 9.2 Taxes. Each Party pays its own taxes.",
            paths: ["Section 9.1 Fees", "Section 9.2 Taxes"]),
        // Not the next number: a cross-reference or a number further on stays inside.
        Case(
            paragraph: "3.4 Package Insert. The insert is agreed. 3.7 Filings. On a country basis a filing is needed.",
            paths: ["Section 3.4 Package Insert"]),
        // The next number inside a sentence is a citation.
        Case(
            paragraph: "3.4 Package Insert. The insert follows the rules in 3.5 Filings. Each Party agrees.",
            paths: ["Section 3.4 Package Insert"]),
        // An undotted number continues only with its period: "3 … 4 Units." is as likely an amount.
        Case(
            paragraph: "3 Delivery. The goods are delivered in lots. 4 Units. Each lot holds ten units.",
            paths: ["Section 3 Delivery"]),
        Case(
            paragraph: "22. Severability. Each provision is severable. 23. Amendment. Amendments are written.",
            paths: ["Section 22 Severability", "Section 23 Amendment"]),
    ]

    @Test(arguments: cases)
    func aRunInNextSectionStartsItsOwnSection(_ example: Case) {
        let document = Document(
            id: "d", source: "a.txt", format: .text, title: nil,
            blocks: [Block(kind: .paragraph, text: example.paragraph)])
        let sections = SectionOutline.sections(of: document)
        #expect(sections.map { $0.headings.map(\.displayText).joined(separator: " › ") } == example.paths)
        // No text is lost or repeated: the headings and bodies put back together are the paragraph.
        let rebuilt = sections.map { section in
            ([section.own?.sourceText ?? ""] + section.paragraphs.map(\.text)).joined(separator: " ")
        }.joined(separator: " ")
        #expect(rebuilt == example.paragraph)
    }

    /// A text copy runs sections of every depth together: the parent's next ("6.") and its first
    /// child ("6.1") are cut too, and the article heading with no text of its own parents both.
    @Test func sectionsOfAnotherDepthAreCut() {
        let paragraph =
            "5.8 Disclaimer. All other warranties are disclaimed. 6. INDEMNIFICATION; LIMITATION OF LIABILITY. "
            + "6.1 Indemnification. Each Party shall indemnify the other. 6.2 Procedure. Notice is given."
        let document = Document(
            id: "d", source: "a.txt", format: .text, title: nil, blocks: [Block(kind: .paragraph, text: paragraph)])
        let sections = SectionOutline.sections(of: document)
        #expect(
            sections.map { $0.headings.map(\.displayText).joined(separator: " › ") } == [
                "Section 5.8 Disclaimer",
                "Section 6 Indemnification; Limitation of Liability › Section 6.1 Indemnification",
                "Section 6 Indemnification; Limitation of Liability › Section 6.2 Procedure",
            ])
        #expect(sections.first?.paragraphs.map(\.text) == ["All other warranties are disclaimed."])
    }

    @Test func theOpenHeadingsNumberIsContinuedByAParagraphWithoutItsOwnHeading() {
        let document = Document(
            id: "d", source: "a.txt", format: .text, title: nil,
            blocks: [
                Block(kind: .heading(level: 2), text: "2.1 Supply"),
                Block(kind: .paragraph, text: "The Supplier supplies the goods. 2.2 Price. The price is fixed."),
            ])
        #expect(
            SectionOutline.sections(of: document).map { $0.paragraphs.map(\.text) } == [
                ["The Supplier supplies the goods."], ["The price is fixed."],
            ])
    }

    @Test(arguments: [("3.4", "3.5"), ("13.9", "13.10"), ("2.1.4", "2.1.5"), ("22", "23")])
    func successors(number: String, next: String) {
        #expect(RunInSplit.successor(of: number) == next)
    }

    @Test(arguments: [
        ("5.8", ["5.9", "5.8.1", "6"]), ("22", ["23", "22.1"]), ("2.1.4", ["2.1.5", "2.1.4.1", "2.2"]),
    ])
    func nextNumbers(number: String, next: [String]) {
        #expect(RunInSplit.nextNumbers(after: number) == next)
    }
}
