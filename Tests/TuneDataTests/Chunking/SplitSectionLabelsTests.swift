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

    @Test func aSectionsOwnTextBeforeItsSubsectionsIsItsFirstPiece() {
        func passage(_ index: Int, _ text: String, label: String, path: [String]) -> Passage {
            Passage(
                documentID: "d", index: index, sectionPath: path, label: label, heading: path.last, text: text,
                tokenCount: 10, pages: [])
        }
        let section = ["Section 5 Intellectual Property"]
        let pieces = SplitSectionLabels.labelled([
            passage(0, "5.1 Each party shall retain its own intellectual property.", label: "Section 5", path: section),
            passage(
                1, "Any invention made under the Work Plan is an Improvement.", label: "Section 5.2",
                path: section + ["Section 5.2 Improvements"]),
            passage(2, "The Company covenants as follows:", label: "Section 6", path: ["Section 6 Covenants"]),
            passage(
                3, "The Company shall keep books.", label: "Section 6.1",
                path: ["Section 6 Covenants", "Section 6.1 Books"]),
            passage(4, "The Provider shall act in good faith.", label: "Section 7", path: ["Section 7 Conduct"]),
        ])
        #expect(
            pieces.map(\.label) == [
                "Section 5.1", "Section 5.2", "the opening of Section 6", "Section 6.1", "Section 7",
            ])
        #expect(pieces.map(\.sectionLabel) == ["Section 5", "Section 5.2", "Section 6", "Section 6.1", "Section 7"])
        #expect(pieces.map { $0.part?.count } == [2, nil, 2, nil, nil])
    }

    @Test func aPieceOpeningInsideAClauseIsCitedWithItsParent() {
        let pieces = SplitSectionLabels.labelled([
            passage(0, "The Supplier shall:\n\n(a) deliver the goods;\n\n(b) install them:", label: "Section 3.2"),
            passage(1, "(i) on site;\n\n(ii) within ten days;", label: "Section 3.2"),
            passage(2, "(iii) by trained staff; and\n\n(c) train the users:\n\n(i) in English.", label: "Section 3.2"),
        ])
        #expect(
            pieces.map(\.label) == ["Section 3.2 up to (b)", "Section 3.2(b)(i)–(ii)", "Section 3.2(b)(iii)–(c)(i)"])
    }

    @Test func aPieceInsideOneClauseIsThatClauseUnlessTheNextGoesOnInIt() {
        let pieces = SplitSectionLabels.labelled([
            passage(
                0, "1. The controller shall provide:\n\n(a) its identity;\n\n(b) the purposes;", label: "Article 13"),
            passage(
                1, "(c) the recipients.\n\n2. The controller shall also inform:\n\n(a) the period;", label: "Article 13"
            ),
            passage(2, "3. Where the controller intends to process further, it shall inform.", label: "Article 13"),
        ])
        #expect(pieces.map(\.label) == ["Article 13(1) up to (b)", "Article 13(1)(c)–(2)(a)", "Article 13(3)"])
    }

    @Test func theNinthLetterIsNotReadAsARomanOne() {
        let pieces = SplitSectionLabels.labelled([
            passage(0, "(g) the seventh;\n\n(h) the eighth;"),
            passage(1, "(i) the ninth;\n\n(j) the tenth."),
        ])
        #expect(pieces.map(\.label) == ["Section 2.3(g)–(h)", "Section 2.3(i)–(j)"])
    }

    @Test func aListThatStartsAgainEndsTheRange() {
        let pieces = SplitSectionLabels.labelled([
            passage(0, "(1) first;\n\n(2) second;"),
            passage(1, "(3) third.\n\n(1) another list's first;\n\n(2) its second."),
            passage(2, "(3) its third."),
        ])
        #expect(pieces.map(\.label) == ["Section 2.3(1)–(2)", "Section 2.3(3)", nil])
    }

    @Test func aReferenceToClausesAtAParagraphsStartOpensNoClause() {
        #expect(ClauseEnumerator("(2) and (3) and the setting of administrative fines;") == nil)
        #expect(
            ClauseEnumerator("(2) The Board shall issue guidelines.") == ClauseEnumerator(style: .number, cited: "(2)"))
    }
}
