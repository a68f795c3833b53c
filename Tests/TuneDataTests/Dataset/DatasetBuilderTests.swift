import Foundation
import Testing
import Tokenizer
@testable import TuneData

@Suite struct DatasetBuilderTests {
    /// `documents` documents with `perDocument` distinct examples each.
    static func corpus(documents: Int, perDocument: Int, template: String = "qa") -> [Example] {
        (0..<documents).flatMap { d in
            (0..<perDocument).map { p in
                Sample.example(
                    "Question \(d) \(p)", Sample.text(seed: d * 1000 + p), source: "docs/\(d).pdf", document: "doc\(d)",
                    passage: p, template: template)
            }
        }
    }

    @Test func duplicatesAreDroppedWithTheExampleTheyRepeat() throws {
        let paragraph = DuplicateFilterTests.paragraphs[1]
        var near = paragraph.split(separator: " ").map(String.init)
        near.swapAt(near.count - 2, near.count - 1)
        let generated =
            Self.corpus(documents: 1, perDocument: 3) + [
                Sample.example("What may a party do?", paragraph, source: "b.pdf", passage: 4),
                // An exact duplicate of the next line, which sorts first.
                Sample.example("what MAY a party do", paragraph + ".", source: "a.pdf", passage: 9),
                Sample.example("What may a party do?", near.joined(separator: " "), source: "c.pdf", passage: 0),
            ]
        let built = DatasetBuilder(configuration: DatasetConfiguration(validationFraction: 0)).build(
            generated: generated, included: [])
        let exact = built.report.dropped.filter { $0.reason == .exactDuplicate }
        let nearDrops = built.report.dropped.filter { $0.reason == .nearDuplicate }
        #expect(exact.map(\.example.source) == ["b.pdf"])
        #expect(exact.first?.duplicateOf?.source == "a.pdf")
        #expect(exact.first?.duplicateOf?.passage == 9)
        #expect(nearDrops.map(\.example.source) == ["c.pdf"])
        #expect(nearDrops.first?.duplicateOf?.source == "a.pdf")
        #expect(built.train.count == 4)
        #expect(built.report.droppedCounts == [.exactDuplicate: 1, .nearDuplicate: 1])
        let summary = built.report.summaryText().split(separator: "\n")
        #expect(
            summary.prefix(3) == [
                "examples in: 6 (6 generated, 0 included)", "dropped exact_duplicate: 1", "dropped near_duplicate: 1",
            ])
        #expect(summary.contains("warning: only 4 training examples: OpenAI requires at least 10"))
    }

    @Test func dropsPastTheCapOfTheirReasonKeepNoConversation() {
        let cap = DatasetReport.conversationsKeptPerReason
        let answer = Sample.text(seed: 7)
        // One answer in cap + 4 documents: the first is kept, the rest are exact duplicates of it.
        let generated = (0...(cap + 3)).map { d in
            Sample.example("What does clause \(d) say?", answer, source: "docs/\(d).pdf", document: "doc\(d)")
        }
        let built = DatasetBuilder(configuration: DatasetConfiguration(validationFraction: 0)).build(
            generated: generated, included: [])
        let exact = built.report.dropped.filter { $0.reason == .exactDuplicate }
        #expect(exact.count == cap + 3)
        #expect(exact.prefix(cap).allSatisfy { $0.messages?.last?.content == answer })
        #expect(exact.dropFirst(cap).allSatisfy { $0.messages == nil })
        #expect(
            exact.last?.detail == "answer; conversation not kept (each reason keeps its first \(cap))")
        #expect(exact.last?.duplicateOf != nil)
    }

    @Test func includedCopyWinsAndInvalidIncludedIsDropped() throws {
        let generated = [Sample.example("What is the term?", "Five years.", source: "a.pdf", passage: 0)]
        var included = Sample.example(
            "What is the term?", "Five years.", source: "mine.jsonl", document: "included:mine.jsonl",
            template: "included")
        var broken = included
        broken.messages.removeLast()
        included.provenance.passageIndex = 7
        let built = DatasetBuilder(configuration: DatasetConfiguration(validationFraction: 0))
            .build(generated: generated, included: [included, broken])
        #expect(built.train.map(\.provenance.source) == ["mine.jsonl"])
        #expect(built.report.dropped.map(\.reason).sorted() == [.exactDuplicate, .invalidIncluded])
        #expect(built.report.dropped.first { $0.reason == .exactDuplicate }?.duplicateOf?.template == "included")
    }

    @Test func overTokenLimitIsDropped() {
        let long = String(repeating: "word ", count: 300_000)
        let generated = Self.corpus(documents: 1, perDocument: 2) + [Sample.example("Long?", long, passage: 50)]
        let built = DatasetBuilder(configuration: DatasetConfiguration(validationFraction: 0)).build(
            generated: generated, included: [])
        #expect(built.report.dropped.map(\.reason) == [.overTokenLimit])
        #expect(built.train.count == 2)
        #expect(built.report.tokenLimit == 65_536)
    }

    @Test func splitKeepsDocumentsWholeAndIsDeterministic() {
        let generated = Self.corpus(documents: 20, perDocument: 5)
        let configuration = DatasetConfiguration(validationFraction: 0.2, seed: 7)
        let first = DatasetBuilder(configuration: configuration).build(generated: generated, included: [])
        let second = DatasetBuilder(configuration: configuration).build(generated: generated.reversed(), included: [])
        let trainDocuments = Set(first.train.map(\.provenance.documentID))
        let validationDocuments = Set(first.validation.map(\.provenance.documentID))
        #expect(validationDocuments.count == 4)
        #expect(trainDocuments.count == 16)
        #expect(trainDocuments.isDisjoint(with: validationDocuments))
        #expect(first.validation == second.validation)
        #expect(first.train == second.train)
        let otherSeed = DatasetBuilder(configuration: DatasetConfiguration(validationFraction: 0.2, seed: 8))
            .build(generated: generated, included: [])
        #expect(Set(otherSeed.validation.map(\.provenance.documentID)) != validationDocuments)
        #expect(first.report.trainDocuments == 16 && first.report.validationDocuments == 4)
        #expect(first.report.warnings.isEmpty)
    }

    @Test func noValidationSplitWithTooFewDocuments() {
        let one = DatasetBuilder(configuration: DatasetConfiguration()).build(
            generated: Self.corpus(documents: 1, perDocument: 12), included: [])
        #expect(one.validation.isEmpty)
        #expect(one.report.warnings.contains { $0.hasPrefix("too few documents for a validation split") })
        let three = DatasetBuilder(configuration: DatasetConfiguration(validationFraction: 0.1)).build(
            generated: Self.corpus(documents: 3, perDocument: 4), included: [])
        #expect(three.validation.isEmpty)
        #expect(three.report.warnings.contains { $0.contains("rounds to none") })
    }

    @Test func documentCapKeepsASpreadOfPassages() {
        // One document, 4 passages × 3 templates; cap 4 keeps one example per passage.
        let generated = (0..<4).flatMap { p in
            ["qa", "definition", "locate"].map { t in
                Sample.example("Q \(p) \(t)", Sample.text(seed: p * 10 + t.count), passage: p, template: t)
            }
        }
        let configuration = DatasetConfiguration(validationFraction: 0, seed: 3, maxPerDocument: 4)
        let built = DatasetBuilder(configuration: configuration).build(generated: generated, included: [])
        #expect(built.train.count == 4)
        #expect(Set(built.train.map(\.provenance.passageIndex)) == [0, 1, 2, 3])
        #expect(built.report.dropped.count == 8)
        #expect(built.report.dropped.allSatisfy { $0.reason == .balanceCap && $0.detail.hasPrefix("document cap 4") })
        #expect(built.report.before.byDocument == ["a.pdf": 12])
        #expect(built.report.after.byDocument == ["a.pdf": 4])
        let again = DatasetBuilder(configuration: configuration).build(generated: generated, included: [])
        #expect(again.train == built.train)
    }

    @Test func templateShareAndCategoryCaps() {
        let a = Self.corpus(documents: 2, perDocument: 6, template: "qa")
        let b = (0..<2).flatMap { d in
            (0..<2).map { p in
                Sample.example(
                    "Where is \(d) \(p)?", Sample.text(seed: 5000 + d * 10 + p), source: "docs/\(d).pdf",
                    document: "doc\(d)",
                    passage: 100 + p, template: "locate", category: "locate")
            }
        }
        let capped = DatasetBuilder(configuration: DatasetConfiguration(validationFraction: 0, maxPerTemplate: 5))
            .build(generated: a + b, included: [])
        #expect(capped.report.after.byTemplate == ["qa": 5, "locate": 4])
        #expect(
            Set(capped.train.filter { $0.provenance.template == "qa" }.map(\.provenance.documentID)) == [
                "doc0", "doc1",
            ])
        let shared = DatasetBuilder(configuration: DatasetConfiguration(validationFraction: 0, maxDocumentShare: 0.25))
            .build(generated: a + b, included: [])
        #expect(shared.report.after.byDocument == ["docs/0.pdf": 4, "docs/1.pdf": 4])
        let category = DatasetBuilder(configuration: DatasetConfiguration(validationFraction: 0, maxPerCategory: 3))
            .build(generated: a + b, included: [])
        #expect(category.report.after.byCategory == ["qa": 3, "locate": 3])
    }

    @Test func reportCountsTokensAndRendersTable() throws {
        let generated = Self.corpus(documents: 2, perDocument: 10)
        let built = DatasetBuilder(configuration: DatasetConfiguration(validationFraction: 0)).build(
            generated: generated, included: [])
        let encoding = BPEEncoding.shared(.o200kBase)
        let counts = generated.map { e in
            encoding.chatTokenCount(e.messages.map { ChatTurn(role: $0.role.rawValue, content: $0.content) })
        }
        #expect(built.report.trainTokens.max == counts.max())
        #expect(built.report.trainTokens.count == 20)
        #expect(built.report.estimate.epochs == 5)
        #expect(built.report.estimate.billedTokens == counts.reduce(0, +) * 5)
        let table = built.report.distributionTable()
        #expect(table.contains("document    before   after"))
        #expect(table.contains("docs/0.pdf      10      10"))
        let json = try JSONEncoder().encode(built.report)
        let decoded = try JSONDecoder().decode(DatasetReport.self, from: json)
        #expect(decoded.trainExamples == 20)
    }
}
