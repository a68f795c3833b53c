import Testing
@testable import TuneData

@Suite struct DocumentCopyFilterTests {
    /// Six sections of a contract, each a distinct sentence.
    static let sections = [
        "The Supplier shall deliver the goods to the Buyer at the address stated in the order within ten days.",
        "The Buyer shall pay each invoice in full within thirty days of the date on which it receives it.",
        "Either party may terminate this Agreement for convenience on ninety days written notice to the other.",
        "Neither party may assign this Agreement without the prior written consent of the other party.",
        "This Agreement is governed by the laws of the State of New York without regard to conflict rules.",
        "All notices under this Agreement shall be in writing and delivered by hand or by registered mail.",
    ]

    @Test func aTextCopyCutDifferentlyLosesWhatThePDFHoldsAndKeepsWhatItAdds() {
        // The PDF keeps each section whole; the text copy joins sections two by two and has one more.
        let pdf = Self.sections.map { (document: "a.pdf", answer: $0) }
        let extra = "The Supplier shall keep records of every delivery for five years and open them to audit."
        let text = [
            (document: "a.txt", answer: Self.sections[0] + " " + Self.sections[1]),
            (document: "a.txt", answer: Self.sections[2] + " " + Self.sections[3]),
            (document: "a.txt", answer: Self.sections[4] + " " + Self.sections[5]),
            (document: "a.txt", answer: extra),
        ]
        let items = pdf + text
        let matches = DocumentCopyFilter().matches(count: items.count) {
            items[$0].document
        } answer: {
            items[$0].answer
        }
        #expect(matches.map(\.index) == [6, 7, 8])
        // The four shingles across each join are the copy's own; the rest is the PDF's.
        #expect(matches.allSatisfy { $0.original == "a.pdf" && (0.8..<1).contains($0.share) })
    }

    @Test func twoContractsOnOneFormShareBoilerplateButAreNotCopies() {
        // b.pdf repeats two of a.pdf's six clauses word for word and says the rest in its own words.
        let own = [
            "The Licensee may use the Marks only on products approved in writing by the Licensor in advance.",
            "Royalties are due each quarter at eight percent of the net sales of all licensed products sold.",
            "The Licensor may inspect the Licensee's premises once a year at its own cost on reasonable notice.",
            "The Licensee shall maintain product liability insurance of at least five million dollars in total.",
        ]
        let items =
            Self.sections.map { (document: "a.pdf", answer: $0) }
            + (Array(Self.sections[3...4]) + own).map { (document: "b.pdf", answer: $0) }
        let matches = DocumentCopyFilter().matches(count: items.count) {
            items[$0].document
        } answer: {
            items[$0].answer
        }
        #expect(matches.isEmpty)
    }

    @Test func theThirdFilingOfOneContractKeepsNothingTheFirstHolds() {
        let items = ["a.pdf", "b.pdf", "c.pdf"].flatMap { name in Self.sections.map { (document: name, answer: $0) } }
        let matches = DocumentCopyFilter().matches(count: items.count) {
            items[$0].document
        } answer: {
            items[$0].answer
        }
        #expect(matches.map(\.index) == Array(6..<18))
        #expect(Set(matches.map(\.original)) == ["a.pdf"])
    }

    @Test func builderDropsACopysRepeatsAndReportsTheCopy() {
        let a = Self.sections.enumerated().map {
            Sample.example("What does clause \($0.offset + 1) say?", $0.element, passage: $0.offset)
        }
        // The copy's answers join each clause to the next, so no answer equals one of a.pdf's.
        let b = (0..<6).map {
            Sample.example(
                "Quote clauses \($0 + 1) and \(($0 + 1) % 6 + 1).",
                Self.sections[$0] + " " + Self.sections[($0 + 1) % 6],
                source: "b.pdf", passage: $0)
        }
        let built = DatasetBuilder(configuration: DatasetConfiguration(validationFraction: 0), jobs: 1).build(
            generated: a + b, included: [])
        #expect(built.report.droppedCounts[.documentCopy] == 6)
        #expect(built.train.count == 6)
        #expect(built.train.allSatisfy { $0.provenance.source == "a.pdf" })
        #expect(built.report.copies.map(\.description) == ["b.pdf is a copy of a.pdf (100% of its answers repeat it)"])
        let detail = built.report.dropped.first { $0.reason == .documentCopy }?.detail
        #expect(detail?.hasSuffix("% of its answer is in a.pdf") == true)
    }
}
