import Testing

@testable import TuneData

/// A contents page's last entry that names an attachment is not the parent of the agreement that
/// follows it; an attachment after the agreement's sections still holds its own text.
@Suite struct AgreementOpeningTests {
    static func paths(_ blocks: [Block], title: String? = nil) -> [String] {
        let document = Document(id: "d", source: "a.txt", format: .text, title: title, blocks: blocks)
        return SectionOutline.sections(of: document).map { $0.headings.map(\.displayText).joined(separator: " › ") }
    }

    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var blocks: [Block]
        var paths: [String]
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(
            name: "contents entry before the agreement",
            blocks: [
                Block(kind: .heading(level: 1), text: "EXHIBIT A PRODUCT IMPROVEMENT PLAN"),
                Block(
                    kind: .paragraph,
                    text:
                        "This Franchise Agreement between Homewood LLC and the Franchisee is dated as of the Effective Date."
                ),
                Block(kind: .paragraph, text: "1.1 Grant. We grant you a licence to operate the Hotel."),
            ],
            paths: ["", "Section 1.1 Grant"]),
        Case(
            name: "attachment after the agreement's sections",
            blocks: [
                Block(kind: .paragraph, text: "1.1 Grant. We grant you a licence to operate the Hotel."),
                Block(kind: .heading(level: 1), text: "Exhibit B Form of Escrow Agreement"),
                Block(
                    kind: .paragraph,
                    text: "This Escrow Agreement is made and entered into by and between the Franchisee and the Agent."),
            ],
            paths: ["Section 1.1 Grant", "Exhibit B Form of Escrow Agreement"]),
        Case(
            name: "attachment text that does not open an agreement",
            blocks: [
                Block(kind: .heading(level: 1), text: "Exhibit A Price List"),
                Block(kind: .paragraph, text: "The prices below apply to every order placed in the first year."),
            ],
            paths: ["Exhibit A Price List"]),
    ]

    @Test(arguments: cases)
    func anAgreementOpeningClosesAContentsEntry(_ example: Case) {
        #expect(Self.paths(example.blocks) == example.paths)
    }

    /// Contents entries that read as numbered sections came first, so only what follows the
    /// attachment heading tells: page-number columns and the agreement's own title or opening.
    static let afterNumberedContents: [Case] = [
        Case(
            name: "the opening of the titled agreement after page numbers",
            blocks: [
                Block(kind: .paragraph, text: "2.1 Non-Exclusive License"),
                Block(kind: .paragraph, text: "Sections 2.2 to 4.5 and our responsibilities are on pages 7 to 9."),
                Block(kind: .heading(level: 1), text: "EXHIBIT A PRODUCT IMPROVEMENT PLAN"),
                Block(kind: .paragraph, text: "26 26 27 27 27 28 28 28 29 29 30 30"),
                Block(
                    kind: .paragraph,
                    text:
                        "This Franchise Agreement between Homewood LLC and the Franchisee is dated as of the Effective Date."
                ),
                Block(kind: .paragraph, text: "1.1 Grant. We grant you a licence to operate the Hotel."),
            ],
            paths: ["Section 2.1 Non-Exclusive License", "Exhibit A Product Improvement Plan", "", "Section 1.1 Grant"]),
        Case(
            name: "the agreement's title line after a list of exhibit names",
            blocks: [
                Block(kind: .paragraph, text: "1.1 Grant. See page 2 for the terms of the licence we grant."),
                Block(kind: .heading(level: 1), text: "Exhibit C Exhibit D"),
                Block(
                    kind: .paragraph, text: "List of Products The Territory Sublicense Agreement Agreement for Trial"),
                Block(kind: .heading(level: 2), text: "FRANCHISE AGREEMENT"),
                Block(kind: .paragraph, text: "2.1 Fees. The Franchisee shall pay the fees set out in Schedule 1."),
            ],
            // The row of exhibit names is a list, not a heading: it stays with the text before it.
            paths: ["Section 1.1 Grant", "Section 2.1 Fees"]),
        Case(
            name: "the titled opening after a contents page's list of schedules",
            blocks: [
                Block(kind: .heading(level: 2), text: "Section 11.17. Interpretation"),
                Block(kind: .paragraph, text: "12 12 13 13 13 14 14 14 15 15"),
                Block(kind: .heading(level: 1), text: "SCHEDULE A – Patents"),
                Block(kind: .heading(level: 1), text: "SCHEDULE G – Honeywell Content"),
                Block(
                    kind: .paragraph,
                    text:
                        "FRANCHISE AGREEMENT, dated as of September 27, 2018 (this \u{201C}Agreement\u{201D}), by and between Homewood LLC and the Franchisee."
                ),
                Block(kind: .paragraph, text: "1.1 Grant. We grant you a licence to operate the Hotel."),
            ],
            paths: ["Section 11.17 Interpretation", "", "Section 1.1 Grant"]),
        Case(
            name: "a table listing the appendices stays in the section that lists them",
            blocks: [
                Block(kind: .paragraph, text: "2.1 Appendices. The following appendices form part of this Agreement:"),
                Block(kind: .heading(level: 1), text: "Appendix 1 Appendix 2"),
                Block(kind: .heading(level: 1), text: "Appendix 9 Appendix10"),
                Block(kind: .heading(level: 1), text: "Appendix 13 Appendix Name"),
                Block(kind: .paragraph, text: "Service Description Financials Implementation plan"),
                Block(kind: .heading(level: 1), text: "3. HOSTING SERVICES"),
                Block(kind: .paragraph, text: "3.1 T-Mobile shall provide the Hosting Services."),
            ],
            paths: ["Section 2.1 Appendices", "Section 3 Hosting Services"]),
        Case(
            name: "an attached form that refers to the agreement stays an attachment",
            blocks: [
                Block(kind: .paragraph, text: "1.1 Grant. We grant you a licence to operate the Hotel."),
                Block(kind: .heading(level: 1), text: "EXHIBIT A Confidentiality Undertaking"),
                Block(
                    kind: .paragraph,
                    text:
                        "This Agreement by and between Acme and the Recipient is part of the Franchise Agreement of the parties."
                ),
            ],
            paths: ["Section 1.1 Grant", "Exhibit A Confidentiality Undertaking"]),
    ]

    @Test(arguments: afterNumberedContents)
    func theAgreementsOwnTitleOrOpeningClosesAnEntryWithNoProse(_ example: Case) {
        #expect(Self.paths(example.blocks, title: "Franchise Agreement") == example.paths)
    }

    @Test(arguments: [
        ("AGREEMENT This Agreement (the \"Agreement\") is made and entered into as of August 21, 2018", true),
        ("This Supply Agreement is dated as of May 1, 2020 between Acme and Beta.", true),
        ("This Agreement shall be governed by the laws of Delaware without regard to conflicts.", false),
        (
            "INTELLECTUAL PROPERTY AGREEMENT, dated as of September 27, 2018 (this \u{201C}Agreement\u{201D}), by and between Honeywell and SpinCo.",
            true
        ),
        ("Any dispute under the Supply Agreement (as defined in the \"Agreement\") shall be settled.", false),
    ])
    func opensAnAgreement(text: String, opens: Bool) {
        #expect(AgreementOpening.opens(text) == opens)
    }
}
