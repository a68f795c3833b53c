import Testing
@testable import TuneData

@Suite struct TestimoniumTests {
    let heading = OutlineHeading(label: "Section 11.7", title: "Survival", level: 2, sourceText: "11.7 Survival.")

    func section(_ paragraphs: [String], headings: [OutlineHeading]? = nil) -> OutlineSection {
        OutlineSection(
            headings: headings ?? [heading], paragraphs: paragraphs.map { OutlineParagraph(text: $0, page: 6) })
    }

    @Test func theTestimoniumAndSignaturesLeaveTheLastSection() {
        let parts = Testimonium.separated(
            section([
                "The obligations of Exhibit A survive the termination of this Agreement.",
                "IN WITNESS WHEREOF, the parties have executed this Agreement as of the date first above written.",
                "By: /s/ Jane Doe",
            ]))
        #expect(parts.count == 2)
        #expect(parts[0].headings == [heading])
        #expect(
            parts[0].paragraphs.map(\.text) == [
                "The obligations of Exhibit A survive the termination of this Agreement."
            ])
        #expect(parts[1].headings.isEmpty)
        #expect(parts[1].paragraphs.map(\.text).first?.hasPrefix("IN WITNESS WHEREOF, the parties") == true)
        #expect(parts[1].paragraphs.count == 2)
    }

    @Test func aTestimoniumInCapitalsRunInToTheLastParagraphIsCutThere() {
        let parts = Testimonium.separated(
            section([
                "Affiliate Fee Owner: See Attached Schedule 2 IN WITNESS WHEREOF, the Parties have executed this Agreement."
            ]))
        #expect(
            parts.map { $0.paragraphs.map(\.text) } == [
                ["Affiliate Fee Owner: See Attached Schedule 2"],
                ["IN WITNESS WHEREOF, the Parties have executed this Agreement."],
            ])
        #expect(parts[1].paragraphs.first?.page == 6)
    }

    @Test func aSectionThatIsOnlyTheTestimoniumOrHasNoneIsUnchanged() {
        let signatures = section(["In witness whereof the parties have signed.", "By: /s/ Jane Doe"])
        #expect(Testimonium.separated(signatures) == [signatures])
        let plain = section([
            "Each party shall bear its own costs.", "The witness whereof is named in Schedule 1 shall attend.",
        ])
        #expect(Testimonium.separated(plain) == [plain])
        let preamble = section(["Recitals.", "IN WITNESS WHEREOF the parties sign."], headings: [])
        #expect(Testimonium.separated(preamble) == [preamble])
    }
}
