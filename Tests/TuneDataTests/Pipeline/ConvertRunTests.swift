import Foundation
import Testing
@testable import TuneData

/// The library's own conversion entry points, without the command line.
@Suite struct ConvertRunTests {
    /// A folder of three small contracts (the CLI tests' fixture) plus one file that cannot be read.
    static func inputs() throws -> URL {
        var files = ConvertCommandTests.contracts(3)
        files["contracts/broken.pdf"] = Data("%PDF-1.7 this is not a PDF".utf8)
        return try CommandRunner.scratch(files)
    }

    static func configuration(root: URL, shard: Shard? = nil) -> ConvertConfiguration {
        ConvertConfiguration(
            inputs: [root.appendingPathComponent("contracts").path],
            dataset: DatasetConfiguration(validationFraction: 0.34), jobs: 2, shard: shard)
    }

    @Test func writesADatasetAndReportsTheSkippedFile() throws {
        let root = try Self.inputs()
        defer { try? FileManager.default.removeItem(at: root) }
        let run = ConvertRun(configuration: Self.configuration(root: root), templates: try TemplateSet.shipped())
        let outcome = try run.run(to: root.appendingPathComponent("out"), shownAs: "out", progress: .quiet)

        #expect(outcome.succeeded)
        #expect(outcome.filesFound == 4)
        guard case .dataset(let manifest) = outcome.output else {
            Issue.record("expected a dataset, got \(outcome.output)")
            return
        }
        #expect(manifest.inputs.converted == 3)
        #expect(manifest.examples.train > 10)
        #expect(outcome.validationErrors.isEmpty)
        let skipped = try #require(outcome.skipped.first)
        #expect(outcome.skipped.count == 1)
        #expect(skipped.file?.hasSuffix("contracts/broken.pdf") == true)
        #expect(skipped.severity == .warning)
        #expect(skipped.text.hasPrefix((skipped.file ?? "") + ": warning: skipped: "))
        #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent("out/train.jsonl").path))
    }

    @Test func aShardWritesAPartThatMergeTurnsIntoTheSameDataset() throws {
        let root = try Self.inputs()
        defer { try? FileManager.default.removeItem(at: root) }
        let templates = try TemplateSet.shipped()
        let whole = try ConvertRun(configuration: Self.configuration(root: root), templates: templates).run(
            to: root.appendingPathComponent("whole"), progress: .quiet)
        #expect(whole.succeeded)

        var partNames: [String] = []
        for index in 1...2 {
            let shard = try #require(Shard("\(index)/2"))
            let part = root.appendingPathComponent("part-\(index)")
            let outcome = try ConvertRun(
                configuration: Self.configuration(root: root, shard: shard), templates: templates
            ).run(to: part, progress: .quiet)
            guard case .shard = outcome.output else {
                Issue.record("expected a shard part, got \(outcome.output)")
                return
            }
            partNames.append(part.path)
        }
        let merged = try MergeRun(parts: partNames).run(to: root.appendingPathComponent("merged"))
        #expect(merged.succeeded)
        // The default model's shutdown date is the only warning: no shard is missing.
        #expect(merged.warnings.map(\.kind) == ["model_shutting_down"])
        for file in ["train.jsonl", "validation.jsonl", "provenance.jsonl"] {
            let a = try Data(contentsOf: root.appendingPathComponent("whole/\(file)"))
            let b = try Data(contentsOf: root.appendingPathComponent("merged/\(file)"))
            #expect(a == b, "\(file) differs between the whole run and the merged shards")
        }
    }

    @Test func mergeWarnsAboutAMissingShard() throws {
        let root = try Self.inputs()
        defer { try? FileManager.default.removeItem(at: root) }
        let shard = try #require(Shard("1/3"))
        let part = root.appendingPathComponent("part-1")
        _ = try ConvertRun(
            configuration: Self.configuration(root: root, shard: shard), templates: TemplateSet.shipped()
        )
        .run(to: part, progress: .quiet)
        let combined = try MergeRun(parts: [part.path]).combine()
        #expect(combined.diagnostics.map(\.kind) == ["missing_shard"])
        #expect(combined.diagnostics.first?.message == "parts for shards 2/3, 3/3 are missing")
        #expect(combined.configuration.shard == nil)
    }

    @Test func mergeWithoutPartsIsAnError() {
        #expect(throws: ConvertRunError.self) { try MergeRun(parts: []).combine() }
    }

    @Test func anUnreadableIncludeStopsTheRunBeforeAnyWork() throws {
        let root = try Self.inputs()
        defer { try? FileManager.default.removeItem(at: root) }
        var configuration = Self.configuration(root: root)
        configuration.includes = [root.appendingPathComponent("missing.jsonl").path]
        let run = ConvertRun(configuration: configuration, templates: try TemplateSet.shipped())
        #expect(throws: ConvertRunError.self) {
            try run.run(to: root.appendingPathComponent("out"), progress: .quiet)
        }
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("out").path))
    }
}

@Suite struct DiagnosticTests {
    @Test(arguments: [
        (
            Diagnostic(file: "a.jsonl", line: 6, severity: .error, kind: "missing_content", message: "no content"),
            "a.jsonl:6: error: no content"
        ),
        (
            Diagnostic(file: "x.pdf", severity: .warning, kind: "encrypted", message: "skipped: encrypted"),
            "x.pdf: warning: skipped: encrypted"
        ),
        (
            Diagnostic(severity: .warning, kind: "missing_shard", message: "parts for shard 2/2 are missing"),
            "warning: parts for shard 2/2 are missing"
        ),
    ])
    func textLeavesOutWhatIsUnknown(diagnostic: Diagnostic, text: String) {
        #expect(diagnostic.text == text)
    }

    @Test func convertsTheLibrarysFindings() throws {
        let finding = ValidationFinding(line: 3, severity: .warning, kind: "no_system", message: "no system message")
        #expect(
            Diagnostic(finding, file: "t.jsonl")
                == Diagnostic(
                    file: "t.jsonl", line: 3, severity: .warning, kind: "no_system", message: "no system message"))
        let template = Diagnostic(TemplateError(file: "t.yaml", line: 4, message: "unknown variable 'x'"))
        #expect(template.text == "t.yaml:4: error: unknown variable 'x'")
        #expect(template.kind == "template")
        let skipped = Diagnostic(skipped: SkippedInput(path: "a.pdf", reason: "encrypted", message: "encrypted PDF"))
        #expect(skipped.kind == "encrypted")
        let json = String(decoding: try JSONEncoder().encode(skipped), as: UTF8.self)
        #expect(json.contains(#""severity":"warning""#))
    }
}
