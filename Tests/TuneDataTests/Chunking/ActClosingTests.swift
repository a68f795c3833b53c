import Testing
@testable import TuneData

@Suite struct ActClosingTests {
    func section(_ paragraphs: [String]) -> OutlineSection {
        OutlineSection(headings: [], paragraphs: paragraphs.map { OutlineParagraph(text: $0, page: 3) })
    }

    @Test func theClosingFormulaSignatoriesAndFootnotesLeaveTheLastArticle() {
        let trimmed = ActClosing.trimmed(
            section([
                "This Decision is addressed to the Commission.", "Done at Brussels,", "For the Council",
                "The President", "(1) Council Decision 2006/730/EC of 25 September 2006 (OJ L 299, 28.10.2006, p. 23).",
            ]))
        #expect(trimmed.paragraphs.map(\.text) == ["This Decision is addressed to the Commission."])
    }

    @Test func aClosingRunInToTheLastSentenceIsCutThere() {
        let trimmed = ActClosing.trimmed(
            section([
                "This Regulation shall be binding in its entirety. Done at Brussels, 27 April 2016.",
                "For the European Parliament The President",
            ]))
        #expect(trimmed.paragraphs.map(\.text) == ["This Regulation shall be binding in its entirety."])
        #expect(trimmed.paragraphs.first?.page == 3)
    }

    @Test func doneAtInsideASentenceIsText() {
        let kept = section(["All work shall be Done at Supplier's premises, unless agreed otherwise."])
        #expect(ActClosing.trimmed(kept) == kept)
        let also = section(["The work is to be done at Brussels, in the Commission's offices."])
        #expect(ActClosing.trimmed(also) == also)
    }
}
