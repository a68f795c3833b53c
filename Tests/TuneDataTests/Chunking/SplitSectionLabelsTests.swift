import Testing
@testable import TuneData

@Suite struct SplitSectionLabelsTests {
    func passage(_ index: Int, _ text: String, label: String? = "Section 2.3") -> Passage {
        Passage(
            documentID: "d", index: index, sectionPath: ["Section 2.3 Fees"], label: label, heading: "Fees", text: text,
            tokenCount: 10, pages: [])
    }

    @Test func piecesOfASplitSectionAreNamedByTheirClauses() {
        let pieces = SplitSectionLabels.labelled([
            passage(0, "The Licensee shall pay the following fees:\n\n(a) a licence fee;"),
            passage(1, "(b) a support fee;\n\n(c) a hosting fee; and\n\n(d) any other fee."),
            passage(2, "Fees are payable within thirty days."),
        ])
        #expect(pieces.map(\.label) == ["Section 2.3 up to (a)", "Section 2.3(b)–(d)", nil])
        #expect(pieces.map(\.sectionLabel) == ["Section 2.3", nil, nil])
        #expect(pieces[2].heading == nil)
        #expect(pieces.map { $0.part?.number } == [1, 2, 3])
    }

    @Test func numberedSubsectionsAreCitedAsItems() {
        let pieces = SplitSectionLabels.labelled([
            passage(0, "5.1 Notices. All notices shall be in writing.", label: "Section 5"),
            passage(
                1,
                "5.6 Waiver. No waiver is effective unless written.\n\n5.7 Counterparts. Counterparts are originals.",
                label: "Section 5"),
        ])
        #expect(pieces.map(\.label) == ["Section 5.1", "Section 5, items 5.6–5.7"])
    }

    @Test func clausesNumberedAsTheSectionsSiblingsAreItemsOfTheSectionTheyShare() {
        let pieces = SplitSectionLabels.labelled([
            passage(0, "10.3.9 Party B shall not resell the vehicles.", label: "Section 10.3.9"),
            passage(
                1, "10.4.14 Party B spreads rumours.\n\n10.5 Either party may terminate on notice.",
                label: "Section 10.3.9"),
        ])
        #expect(pieces.map(\.label) == ["Section 10.3.9", "Section 10, items 10.4.14–10.5"])
    }

    @Test func aWholeSectionIsUnchanged() {
        let whole = passage(0, "The Licensee shall pay the fees.")
        #expect(SplitSectionLabels.labelled([whole, passage(1, "Other.", label: "Section 2.4")]).first == whole)
    }
}
