import Foundation
import Testing

@testable import TuneData

/// A small end-to-end run of the whole-dataset stage into a temporary folder.
@Suite struct DatasetRunTests {
    /// Five documents with six distinct examples each.
    static func collected() throws -> CollectedExamples {
        let store = try ExampleStore()
        var examples: [Example] = []
        for document in 0..<5 {
            for passage in 0..<6 {
                let seed = document * 10 + passage
                examples.append(
                    Sample.example(
                        "Question \(seed): what does \(Sample.text(seed: seed, words: 8)) say?",
                        Sample.text(seed: seed + 1000), source: "doc\(document).pdf", passage: passage))
            }
        }
        _ = store.append(examples)
        return CollectedExamples(inputsSeen: 5, examples: store)
    }

    static func run(into directory: URL) throws -> Manifest {
        let configuration = ConvertConfiguration(
            inputs: ["docs"], dataset: DatasetConfiguration(validationFraction: 0.2, seed: 5), jobs: 1)
        return try DatasetRun.finish(try collected(), included: [], configuration: configuration, to: directory)
    }

    static func lines(_ directory: URL, _ name: String) throws -> [String] {
        try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
            .split(separator: "\n").map(String.init)
    }

    @Test func writesTheFilesAndCountsThem() throws {
        let directory = try Sample.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let manifest = try Self.run(into: directory)

        #expect(manifest.examples.generated == 30)
        #expect(manifest.examples.train == 24)
        #expect(manifest.examples.validation == 6)
        #expect(manifest.examples.dropped.isEmpty)
        #expect(manifest.isAcceptable)
        #expect(try Self.lines(directory, "train.jsonl").count == 24)
        #expect(try Self.lines(directory, "validation.jsonl").count == 6)
        #expect(try Self.lines(directory, "provenance.jsonl").count == 30)
        #expect(try Self.lines(directory, "dropped.jsonl").isEmpty)
        #expect(manifest.validation["train.jsonl"]?.acceptable == true)
        #expect(
            Set(manifest.files.map(\.name)).isSuperset(of: ["train.jsonl", "validation.jsonl", "provenance.jsonl"]))
        // One document, whole, is the validation split.
        let validationSources = Set(
            try Self.lines(directory, "provenance.jsonl").suffix(6).map { line in
                try #require(JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])["source"] as? String
            })
        #expect(validationSources.count == 1)
    }

    @Test func aRepeatedRunWritesTheSameFiles() throws {
        let first = try Sample.temporaryDirectory()
        let second = try Sample.temporaryDirectory()
        defer {
            try? FileManager.default.removeItem(at: first)
            try? FileManager.default.removeItem(at: second)
        }
        _ = try Self.run(into: first)
        _ = try Self.run(into: second)
        for name in ["train.jsonl", "validation.jsonl", "provenance.jsonl"] {
            #expect(try Self.lines(first, name) == Self.lines(second, name), "\(name)")
        }
    }
}

@Suite struct ManifestTests {
    static func written() throws -> (directory: URL, data: Data) {
        let directory = try Sample.temporaryDirectory()
        _ = try DatasetRunTests.run(into: directory)
        return (directory, try Data(contentsOf: directory.appendingPathComponent("manifest.json")))
    }

    static func encoded(_ manifest: Manifest) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(manifest)
    }

    @Test func roundTripsByteForByte() throws {
        let (directory, data) = try Self.written()
        defer { try? FileManager.default.removeItem(at: directory) }
        var manifest = try JSONDecoder().decode(Manifest.self, from: data)
        // The drop list lives in dropped.jsonl; a decoded report would write it inline again.
        manifest.dataset.encodesDropList = false
        #expect(try Self.encoded(manifest) == data)
        #expect(manifest.tool.name == "tunedata")
        #expect(manifest.configuration.dataset.seed == 5)
        #expect(manifest.examples.train == 24)
    }

    @Test func optionalAndDefaultedKeysMayBeAbsent() throws {
        let (directory, data) = try Self.written()
        defer { try? FileManager.default.removeItem(at: directory) }
        var object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        // An older manifest: no dataset settings beyond the model, no drop list, no shard.
        var configuration = try #require(object["configuration"] as? [String: Any])
        configuration["dataset"] = ["model": "gpt-4o-mini-2024-07-18"]
        configuration.removeValue(forKey: "shard")
        object["configuration"] = configuration
        var dataset = try #require(object["dataset"] as? [String: Any])
        dataset.removeValue(forKey: "dropped")
        object["dataset"] = dataset
        let manifest = try JSONDecoder().decode(
            Manifest.self, from: try JSONSerialization.data(withJSONObject: object))
        #expect(manifest.configuration.dataset.validationFraction == DatasetConfiguration().validationFraction)
        #expect(manifest.configuration.dataset.seed == 0)
        #expect(manifest.configuration.dataset.maxPerDocument == nil)
        #expect(manifest.configuration.shard == nil)
        #expect(manifest.dataset.dropped.isEmpty)
        #expect(manifest.examples.train == 24)
    }
}
