import Foundation
import Testing
@testable import TuneData

/// Every target's files, made from `corpus-samples/`, pass that target's own validator.
@Suite struct TargetCorpusTests {
    /// The corpus-samples examples, collected once (extraction is the slow part).
    static let collected: CollectedExamples? = {
        let folder = CommandRunner.packageRoot.appendingPathComponent("corpus-samples").path
        let discovered = InputDiscovery.discover([folder])
        guard let templates = try? TemplateSet.shipped() else { return nil }
        let processor = DocumentProcessor(
            extractors: Extractors(options: ExtractionOptions()), chunker: Chunker(options: ChunkingOptions()),
            templates: templates.forFormat("chat"), seed: 0)
        return try? ExampleCollector.collect(
            discovered.files, skipped: discovered.skipped, processor: processor, jobs: 2,
            progress: ProgressReporter(total: discovered.files.count, style: .quiet))
    }()

    static func run(target: String, shape: RecordShape, hardNegatives: Bool = false) throws -> (Manifest, URL) {
        let collected = try #require(Self.collected)
        let directory = try Sample.temporaryDirectory()
        let configuration = ConvertConfiguration(
            inputs: ["corpus-samples"], templates: [], includes: [], chunking: ChunkingOptions(),
            dataset: DatasetConfiguration(format: shape, target: target, hardNegatives: hardNegatives),
            extraction: ExtractionOptions(), jobs: 2, shard: nil)
        let manifest = try DatasetRun.finish(collected, included: [], configuration: configuration, to: directory)
        return (manifest, directory)
    }

    @Test(arguments: TargetRegistry.names)
    func chatFilesFromTheSamplesPassTheirTargetsValidator(_ name: String) throws {
        let (manifest, directory) = try Self.run(target: name, shape: .chat)
        defer { try? FileManager.default.removeItem(at: directory) }
        let target = try #require(TargetRegistry.target(named: name))
        let data = try Data(contentsOf: directory.appendingPathComponent("train.jsonl"))
        let report = target.validate(data: data, file: "train.jsonl", context: TargetValidationContext(model: "gpt-4o"))
        #expect(report.isAcceptable, "\(report.findings)")
        #expect(report.statistics.validExamples == manifest.examples.train)
        #expect(manifest.examples.train >= 10)
        #expect(manifest.target?.name == name)
        #expect(manifest.target?.rulesVersion == TargetRegistry.rulesVersion)
        #expect(manifest.target?.tokensAreEstimated == !target.rules.tokensAreExact)
        let cost = try #require(manifest.costEstimate)
        #expect(cost.billedTokensPerEpoch == manifest.dataset.estimate.tokensPerEpoch)
        #expect(cost.billedTokens == cost.billedTokensPerEpoch * cost.epochs)
        // The default model (gpt-4o-mini) has no published price; Fireworks prices by size bracket.
        #expect(cost.lines.isEmpty == (name != "fireworks"))
    }

    @Test func theManifestPricesTrainingAtThePublishedPrice() throws {
        let collected = try #require(Self.collected)
        let directory = try Sample.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        var dataset = DatasetConfiguration(model: "gpt-4.1-2025-04-14")
        dataset.epochs = 2
        let configuration = ConvertConfiguration(
            inputs: ["corpus-samples"], templates: [], includes: [], chunking: ChunkingOptions(), dataset: dataset,
            extraction: ExtractionOptions(), jobs: 2, shard: nil)
        let manifest = try DatasetRun.finish(collected, included: [], configuration: configuration, to: directory)
        let cost = try #require(manifest.costEstimate)
        let tokens = manifest.dataset.estimate.tokensPerEpoch
        #expect(tokens > 0)
        #expect(cost.epochs == 2)
        #expect(cost.lines.map(\.amount) == [Decimal(tokens * 2) * 25 / 1_000_000])
        // Written to manifest.json, and an older manifest without the section still decodes.
        let data = try Data(contentsOf: directory.appendingPathComponent("manifest.json"))
        var object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect((object["costEstimate"] as? [String: Any])?["epochs"] as? Int == 2)
        object["costEstimate"] = nil
        let old = try JSONDecoder().decode(Manifest.self, from: JSONSerialization.data(withJSONObject: object))
        #expect(old.costEstimate == nil)
    }

    @Test(arguments: TargetRegistry.all.filter { $0.rules.shapes.contains(.preference) }.map(\.name))
    func hardNegativePreferenceFilesPassTheirTargetsValidator(_ name: String) throws {
        let (manifest, directory) = try Self.run(target: name, shape: .preference, hardNegatives: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let target = try #require(TargetRegistry.target(named: name))
        let data = try Data(contentsOf: directory.appendingPathComponent("train.jsonl"))
        let report = target.validate(data: data, file: "train.jsonl", context: TargetValidationContext(model: "gpt-4o"))
        #expect(report.isAcceptable, "\(report.findings)")
        #expect(report.statistics.layout == "preference")
        #expect(manifest.examples.train >= 10)
    }

    @Test func preferenceWithoutRejectedAnswersWritesNothingAndSaysWhy() throws {
        let (manifest, directory) = try Self.run(target: "openai", shape: .preference)
        defer { try? FileManager.default.removeItem(at: directory) }
        #expect(manifest.examples.train == 0)
        #expect(manifest.examples.dropped["target_cannot_hold"] == manifest.examples.generated)
        let dropped = try String(contentsOf: directory.appendingPathComponent("dropped.jsonl"), encoding: .utf8)
        #expect(dropped.contains("preference record without a rejected answer"))
    }

    @Test func llamaFactoryWritesTheDatasetInfoEntry() throws {
        let (manifest, directory) = try Self.run(target: "llama-factory", shape: .chat)
        defer { try? FileManager.default.removeItem(at: directory) }
        let data = try Data(contentsOf: directory.appendingPathComponent("dataset_info.json"))
        let info = try #require(try JSONSerialization.jsonObject(with: data) as? [String: [String: Any]])
        #expect(info["tunedata_train"]?["file_name"] as? String == "train.jsonl")
        #expect(info["tunedata_train"]?["formatting"] as? String == "sharegpt")
        #expect(manifest.files.contains { $0.name == "dataset_info.json" })
    }
}
