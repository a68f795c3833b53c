import Testing
@testable import TuneData

@Suite struct HeadingRunOnTests {
    @Test func theBodysFirstWordsGoBackToTheBody() {
        let blocks = HeadingRunOn.split([
            Block(
                kind: .heading(level: 2),
                text: "Section 15.5 ENTIRE AGREEMENT, THIRD PARTY BENEFICIARIES. This Agreement", page: 9),
            Block(
                kind: .paragraph,
                text: "(including the documents referred to herein) constitutes the entire agreement.", page: 9),
        ])
        #expect(
            blocks.map(\.text) == [
                "Section 15.5 ENTIRE AGREEMENT, THIRD PARTY BENEFICIARIES.",
                "This Agreement (including the documents referred to herein) constitutes the entire agreement.",
            ])
    }

    @Test(arguments: [
        // A label and its title in two cases: nothing ran on.
        "ARTICLE XII. Taxes and Surcharges",
        // A title in mixed case, or a sentence after the stop.
        "Section 4.2 Fees. Payment Terms",
        "Section 15.7 ASSIGNMENT. Neither party may assign this Agreement without the prior written consent of the other.",
    ])
    func aHeadingWithNoRunOnIsLeftAlone(heading: String) {
        #expect(HeadingRunOn.split(heading: heading) == nil)
    }
}
