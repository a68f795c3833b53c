import Foundation
import Testing

/// `upload`, `train --wait` and `compare` end to end against the shipped stand-in server
/// (`Benchmarks/compare/fake_openai.py`), with a sentinel key that must appear nowhere.
@Suite(.serialized, .enabled(if: CommandRunner.isAvailable && FakeOpenAI.isAvailable, "tunedata or python3 is missing"))
struct LoopCommandTests {
    @Test func theLoopRunsAndTheKeyIsNeverWrittenOrPrinted() throws {
        let key = "sk-loop-SENTINEL-0d9e8f7a6b5c"
        let server = try FakeOpenAI(arguments: ["--key", key])
        defer { server.stop() }
        let folder = try ProviderFixtures.datasetFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let environment = ["OPENAI_BASE_URL": server.baseURL, "OPENAI_API_KEY": key]
        var outputs: [CommandRunner.Output] = []
        func run(_ arguments: [String], environment: [String: String] = environment) throws -> CommandRunner.Output {
            let output = try CommandRunner.run(arguments, environment: environment)
            outputs.append(output)
            return output
        }

        let upload = try run(["upload", folder.path])
        #expect(upload.status == 0, "\(upload.stderr)")
        #expect(upload.stdout.contains("train.jsonl: uploaded as file-"))
        let again = try run(["upload", folder.path])
        #expect(again.stdout.contains("train.jsonl: already uploaded as file-"))

        let train = try run([
            "train", folder.path, "--model", "gpt-4o-mini-2024-07-18", "--wait", "--poll-interval", "0",
        ])
        #expect(train.status == 0, "\(train.stderr)")
        #expect(train.stdout.contains("created ftjob-"))
        #expect(train.stdout.contains("running · step 4/12 · train loss"))
        #expect(train.stdout.contains("succeeded: ft:gpt-4o-mini-2024-07-18:tunedata:loop:"))
        let status = try run(["train", "status", folder.path])
        #expect(status.stdout.contains("succeeded"))
        let list = try run(["train", "list"])
        #expect(list.stdout.contains("ftjob-"))

        let compare = try run(["compare", folder.path, "--base", "gpt-4o-mini-2024-07-18", "--concurrency", "3"])
        #expect(compare.status == 0, "\(compare.stderr)")
        #expect(compare.stdout.contains("3 questions: tuned ft:gpt-4o-mini-2024-07-18:tunedata:loop:"))
        for name in ["report.html", "report.json", "corrections.jsonl", "preferences.jsonl"] {
            #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("compare/\(name)").path))
        }

        let wrongKey = try run(
            ["train", "list"], environment: ["OPENAI_BASE_URL": server.baseURL, "OPENAI_API_KEY": "sk-nope-1234"])
        #expect(wrongKey.status != 0)
        #expect(wrongKey.stderr.contains("401 Unauthorized: Incorrect API key provided. [invalid_api_key]"))

        for output in outputs {
            #expect(!output.stdout.contains(key) && !output.stderr.contains(key))
        }
        let files = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)?.allObjects ?? []
        #expect(files.count >= 9)
        for case let url as URL in files where !url.hasDirectoryPath {
            let text = String(decoding: (try? Data(contentsOf: url)) ?? Data(), as: UTF8.self)
            #expect(!text.contains(key), "\(url.lastPathComponent) holds the key")
        }
    }

    @Test func aPlatformThatRefusesNewJobsIsReportedInItsOwnWords() throws {
        let refusal = "Fine-tuning jobs can no longer be created for this organization."
        let server = try FakeOpenAI(arguments: ["--refuse-jobs", refusal])
        defer { server.stop() }
        let folder = try ProviderFixtures.datasetFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let train = try CommandRunner.run(
            ["train", folder.path, "--model", "gpt-4o-mini-2024-07-18"],
            environment: ["OPENAI_BASE_URL": server.baseURL, "OPENAI_API_KEY": "sk-any"])
        #expect(train.status == 1)
        #expect(train.stderr.contains("403 Forbidden: \(refusal) [permission_denied]"))
    }

    @Test func aFailedJobNamesTheLineOfTheFile() throws {
        let server = try FakeOpenAI(arguments: ["--fail-message", "Line 3: the assistant message is empty."])
        defer { server.stop() }
        let folder = try ProviderFixtures.datasetFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let train = try CommandRunner.run(
            ["train", folder.path, "--model", "gpt-4o-mini-2024-07-18", "--wait", "--poll-interval", "0"],
            environment: ["OPENAI_BASE_URL": server.baseURL, "OPENAI_API_KEY": "sk-any"])
        #expect(train.status == 1)
        #expect(train.stderr.contains("failed: invalid_training_file: Line 3: the assistant message is empty."))
        #expect(train.stderr.contains("train.jsonl line 3: {\"messages\""))
        #expect(train.stderr.contains("Section 3 of the Services Agreement"))
    }
}

/// The stand-in OpenAI server shipped in `Benchmarks/compare/`, started on a free port.
final class FakeOpenAI {
    static let script = CommandRunner.packageRoot.appendingPathComponent("Benchmarks/compare/fake_openai.py")
    static var isAvailable: Bool {
        FileManager.default.fileExists(atPath: script.path)
            && FileManager.default.isExecutableFile(atPath: "/usr/bin/env")
    }

    private let process = Process()
    let baseURL: String

    init(arguments: [String] = []) throws {
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", Self.script.path, "--port", "0"] + arguments
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        var line = Data()
        while let byte = try out.fileHandleForReading.read(upToCount: 1), !byte.isEmpty, byte != Data([0x0A]) {
            line.append(byte)
        }
        let text = String(decoding: line, as: UTF8.self)
        guard let range = text.range(of: "http://") else {
            process.terminate()
            throw CocoaError(.fileReadUnknown)
        }
        baseURL = String(text[range.lowerBound...])
    }

    /// Kills the server (SIGKILL: a child started from a test thread can inherit a mask that blocks SIGTERM).
    func stop() {
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }
}
