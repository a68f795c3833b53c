import Foundation
import Testing
@testable import TuneData

@Suite struct ExampleStoreTests {
    static func example(_ index: Int) -> Example {
        Example(
            messages: [
                Message(role: .system, content: "Système 🙂"),
                Message(role: .user, content: "Question \(index)?", name: "ana"),
                Message(
                    role: .assistant, content: String(repeating: "Réponse \(index). ", count: index + 1),
                    weight: index % 2),
            ],
            provenance: Provenance(
                source: "docs/\(index % 3).pdf", documentID: "d\(index % 3)", pages: [index, index + 1],
                section: index % 2 == 0 ? "Section \(index)" : nil,
                template: "t", variant: 1, passageIndex: index),
            category: index % 2 == 0 ? "qa" : nil)
    }

    @Test func examplesRoundTripFromDiskAcrossThreads() throws {
        let store = try ExampleStore()
        let batches = ParallelWork.map(count: 20, jobs: 4) { batch in
            store.append((0..<5).map { Self.example(batch * 5 + $0) })
        }
        #expect(store.count == 100)
        #expect(store.writeError == nil)
        for range in batches {
            for index in range {
                let example = store.example(at: index)
                let expected = Self.example(example.provenance.passageIndex)
                #expect(example == expected)
                #expect(store.label(at: index) == ExampleLabel(expected))
            }
        }
    }

    @Test func datasetBuiltFromTheStoreMatchesTheInMemoryOne() throws {
        let examples = (0..<40).map(Self.example)
        let store = try ExampleStore(examples.reversed())
        let configuration = DatasetConfiguration(validationFraction: 0.34, seed: 9)
        let fromStore = DatasetBuilder(configuration: configuration).build(generated: store, included: [])
        let inMemory = DatasetBuilder(configuration: configuration).build(generated: examples, included: [])
        #expect(fromStore.train == inMemory.train)
        #expect(fromStore.validation == inMemory.validation)
        #expect(!fromStore.validation.isEmpty)
    }
}

@Suite struct ProvenanceLineTests {
    @Test func canonicalURLIsWrittenWhenTheDocumentHasOne() {
        var provenance = Provenance(
            source: "web/terms.html", documentID: "d", pages: [], section: "Section 2", template: "t", variant: 1,
            passageIndex: 0)
        let plain = String(
            decoding: JSONLEncoding.provenanceLine(for: provenance, split: "train", file: nil, line: 3), as: UTF8.self)
        #expect(
            plain
                == #"{"split":"train","line":3,"source":"web/terms.html","document":"d","pages":[],"section":"Section 2","template":"t","variant":1,"passage":0}"#
                + "\n")
        provenance.url = "https://example.com/terms"
        let withURL = String(
            decoding: JSONLEncoding.provenanceLine(for: provenance, split: "train", file: nil, line: 3), as: UTF8.self)
        #expect(withURL.hasSuffix(#""variant":1,"passage":0,"url":"https://example.com/terms"}"# + "\n"))
        let withCategory = String(
            decoding: JSONLEncoding.provenanceLine(for: provenance, split: "train", file: nil, line: 3, category: "qa"),
            as: UTF8.self)
        #expect(withCategory.contains(#""passage":0,"category":"qa","url":"#))
    }
}
