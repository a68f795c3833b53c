import Testing
@testable import TuneData

@Suite struct CrossDocumentDuplicateTests {
    @Test func sameAnswerFromAnotherTemplateOrDocumentIsOneExample() {
        let examples = [
            Sample.example(
                "What does Section 5 provide?", "The term is five years.", passage: 0, template: "legal-section-qa"),
            Sample.example(
                "Set out the provisions headed Term.", "The term is five years.", passage: 0,
                template: "heading-summary"),
            Sample.example("What does Clause 5 provide?", "The term is five years.", source: "b.pdf", passage: 0),
            Sample.example(
                "Which section deals with Term?", "Section 5 (Term) deals with Term.", passage: 0, template: "locate"),
        ]
        let matches = ExactDuplicateFilter().matches(in: examples)
        #expect(matches.map(\.index) == [1, 2])
        #expect(matches.allSatisfy { $0.original == 0 && $0.kind == .answer })
    }

    @Test func phrasingsOptionKeepsThatManyPerPassage() {
        let examples =
            (1...3).map {
                Sample.example("Phrasing \($0) of the request", "The term is five years.", passage: 0, variant: $0)
            } + [Sample.example("Phrasing 1 of the request", "The term is five years.", source: "b.pdf")]
        let two = ExactDuplicateFilter(phrasingsPerPassage: 2).matches(in: examples)
        #expect(two.map(\.index) == [2, 3])
        #expect(ExactDuplicateFilter().matches(in: examples).map(\.index) == [1, 2, 3])
    }

    @Test func aDocumentWhoseAnswersRepeatAnotherIsReportedAsACopy() {
        let duplicates =
            Array(repeating: (source: "b.pdf", of: "a.pdf"), count: 9)
            + Array(repeating: (source: "c.pdf", of: "a.pdf"), count: 3)
        let copies = DocumentCopies.find(duplicates: duplicates, usable: ["a.pdf": 10, "b.pdf": 10, "c.pdf": 10])
        #expect(copies.map(\.source) == ["b.pdf"])
        #expect(copies.first?.kind == "copy")
        #expect(copies.first?.copyOf == "a.pdf")
    }

    @Test func builderReportsCopiesAndGateDropsInTheReport() {
        let shared = (0..<6).map { "Clause \($0): the Supplier shall deliver the goods on time and in full." }
        let a = shared.enumerated().map {
            Sample.example("What does clause \($0.offset) say?", $0.element, passage: $0.offset)
        }
        let b = shared.enumerated().map {
            Sample.example("What does clause \($0.offset) say?", $0.element, source: "b.pdf", passage: $0.offset)
        }
        let cut = Sample.example("What does clause 9 say?", "and the Buyer shall pay within thirty days", passage: 9)
        let built = DatasetBuilder(configuration: DatasetConfiguration(validationFraction: 0), jobs: 1).build(
            generated: a + b + [cut], included: [])
        #expect(built.report.copies.map(\.source) == ["b.pdf"])
        #expect(built.report.droppedCounts[.midSentence] == 1)
        #expect(built.report.droppedCounts[.exactDuplicate] == 6)
    }
}
