import Testing

@testable import TuneData

@Suite struct DatasetBalancerTests {
    /// Three documents with four passages each, two templates per passage.
    static let labels: [ExampleLabel] = ["a", "b", "c"].flatMap { document in
        (0..<4).flatMap { passage in
            ["qa", "locate"].map { template in
                ExampleLabel(
                    provenance: Provenance(
                        source: "\(document).pdf", documentID: document, pages: [1], section: nil, template: template,
                        variant: 1, passageIndex: passage),
                    category: template == "qa" ? "question" : "locate")
            }
        }
    }

    @Test func documentCapKeepsASpreadOfPassages() {
        var configuration = DatasetConfiguration(seed: 7)
        configuration.maxPerDocument = 3
        let balancer = DatasetBalancer(configuration: configuration)
        let (kept, dropped) = balancer.balance(Array(Self.labels.indices), labels: Self.labels)
        #expect(kept.count == 9)
        #expect(dropped.count == 15)
        for document in ["a", "b", "c"] {
            let passages = kept.filter { Self.labels[$0].provenance.documentID == document }
                .map { Self.labels[$0].provenance.passageIndex }
            // Three examples from three different passages, not three templates of one.
            #expect(Set(passages).count == 3)
        }
        #expect(dropped.allSatisfy { $0.detail.hasPrefix("document cap 3 (") })
        #expect(kept == kept.sorted())
        // The same seed gives the same sample.
        #expect(balancer.balance(Array(Self.labels.indices), labels: Self.labels).kept == kept)
    }

    @Test func templateAndCategoryCapsApplyInTurn() {
        var configuration = DatasetConfiguration(seed: 1)
        configuration.maxPerTemplate = 6
        configuration.maxPerCategory = 4
        let (kept, dropped) = DatasetBalancer(configuration: configuration)
            .balance(Array(Self.labels.indices), labels: Self.labels)
        #expect(kept.count == 8)
        #expect(dropped.filter { $0.detail.hasPrefix("template cap 6") }.count == 12)
        #expect(dropped.filter { $0.detail.hasPrefix("category cap 4") }.count == 4)
    }

    @Test func documentShareCapsTheLargestDocument() {
        var configuration = DatasetConfiguration(seed: 1)
        configuration.maxDocumentShare = 0.25
        let (kept, _) = DatasetBalancer(configuration: configuration)
            .balance(Array(Self.labels.indices), labels: Self.labels)
        // A quarter of 24 is 6 per document.
        #expect(kept.count == 18)
    }

    @Test func noCapsKeepEverything() {
        let (kept, dropped) = DatasetBalancer(configuration: DatasetConfiguration())
            .balance(Array(Self.labels.indices), labels: Self.labels)
        #expect(kept == Array(Self.labels.indices))
        #expect(dropped.isEmpty)
    }
}

@Suite struct DocumentSplitterTests {
    static let labels = DatasetBalancerTests.labels

    @Test func validationTakesWholeDocuments() {
        let split = DocumentSplitter(fraction: 0.34, seed: 3)
            .split(Array(Self.labels.indices), labels: Self.labels, isIncluded: { _ in false })
        let trainDocuments = Set(split.train.map { Self.labels[$0].provenance.documentID })
        let validationDocuments = Set(split.validation.map { Self.labels[$0].provenance.documentID })
        #expect(validationDocuments.count == 1)
        #expect(trainDocuments.count == 2)
        #expect(trainDocuments.isDisjoint(with: validationDocuments))
        #expect(split.train.count == 16)
        #expect(split.validation.count == 8)
        #expect(split.warnings.isEmpty)
    }

    @Test func includedExamplesStayInTraining() {
        let split = DocumentSplitter(fraction: 0.9, seed: 3)
            .split(Array(Self.labels.indices), labels: Self.labels, isIncluded: { $0 < 8 })
        // Documents b and c are split; at most one of them, never the included examples, validates.
        #expect(split.validation.count == 8)
        #expect(split.validation.allSatisfy { $0 >= 8 })
        #expect(split.train.count == 16)
    }

    @Test(
        arguments: [
            (1, 0.2, "too few documents for a validation split (1); no validation file written"),
            (3, 0.1, "validation fraction 0.1 of 3 documents rounds to none; no validation file written"),
        ] as [(Int, Double, String)])
    func noSplitSaysWhy(documents: Int, fraction: Double, warning: String) {
        let labels = Array(Self.labels.prefix(documents * 8))
        let split = DocumentSplitter(fraction: fraction, seed: 0)
            .split(Array(labels.indices), labels: labels, isIncluded: { _ in false })
        #expect(split.validation.isEmpty)
        #expect(split.train == Array(labels.indices))
        #expect(split.warnings == [warning])
    }
}
