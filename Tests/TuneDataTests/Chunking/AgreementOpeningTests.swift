import Testing

@testable import TuneData

/// A contents page's last entry that names an attachment is not the parent of the agreement that
/// follows it; an attachment after the agreement's sections still holds its own text.
@Suite struct AgreementOpeningTests {
    static func paths(_ blocks: [Block]) -> [String] {
        let document = Document(id: "d", source: "a.txt", format: .text, title: nil, blocks: blocks)
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

    @Test(arguments: [
        ("AGREEMENT This Agreement (the \"Agreement\") is made and entered into as of August 21, 2018", true),
        ("This Supply Agreement is dated as of May 1, 2020 between Acme and Beta.", true),
        ("This Agreement shall be governed by the laws of Delaware without regard to conflicts.", false),
    ])
    func opensAnAgreement(text: String, opens: Bool) {
        #expect(AgreementOpening.opens(text) == opens)
    }
}
