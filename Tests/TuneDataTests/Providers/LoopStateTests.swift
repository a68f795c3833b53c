import Foundation
import Testing

@testable import TuneData

/// `uploads.json` and `jobs.json`: a file is sent once, a job is picked up, a failure names its line.
@Suite struct LoopStateTests {
    /// A Files API stand-in that remembers what was uploaded and can forget it.
    final class FileStore: @unchecked Sendable {
        let lock = NSLock()
        var ids: Set<String> = []
        let counter = Counter()

        func forget(_ id: String) {
            lock.lock()
            ids.remove(id)
            lock.unlock()
        }

        func server() throws -> TestHTTPServer {
            try TestHTTPServer { request in
                self.lock.lock()
                defer { self.lock.unlock() }
                if request.method == "POST", request.path == "/v1/files" {
                    let id = "file-\(self.counter.next())"
                    self.ids.insert(id)
                    return .json(ProviderFixtures.file(id: id, bytes: request.body.count, name: "train.jsonl"))
                }
                let id = String(request.path.dropFirst("/v1/files/".count))
                return self.ids.contains(id)
                    ? .json(ProviderFixtures.file(id: id, bytes: 1, name: "train.jsonl"))
                    : .json(404, ProviderFixtures.error("No such File object: \(id)"))
            }
        }
    }

    @Test func aRecordedFileIsNotSentAgainUnlessItIsGoneOrChanged() async throws {
        let store = FileStore()
        let server = try store.server()
        defer { server.stop() }
        let folder = try ProviderFixtures.datasetFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let uploader = DatasetUploader(client: ProviderFixtures.client(server), model: "gpt-4o-mini-2024-07-18")

        let first = try await uploader.upload(directory: folder)
        #expect(first.map(Self.kind) == ["uploaded", "uploaded"])
        let second = try await uploader.upload(directory: folder)
        #expect(second.map(Self.kind) == ["already", "already"])
        #expect(server.requests.filter { $0.method == "POST" }.count == 2)

        store.forget("file-1")
        let afterDeletion = try await uploader.upload(directory: folder)
        #expect(afterDeletion.map(Self.kind) == ["uploaded", "already"])

        let validation = folder.appendingPathComponent("validation.jsonl")
        try
            (try String(contentsOf: validation, encoding: .utf8)
            + ProviderFixtures.exampleLine(question: "One more?", answer: "Yes.") + "\n")
            .write(to: validation, atomically: true, encoding: .utf8)
        let afterChange = try await uploader.upload(directory: folder)
        #expect(afterChange.map(Self.kind) == ["already", "uploaded"])

        let state = try LoopStateFile.load(
            UploadsState.self, named: UploadsState.fileName, in: folder, empty: UploadsState())
        #expect(state.files.map(\.name).sorted() == ["train.jsonl", "validation.jsonl"])
        #expect(state.files.first { $0.name == "validation.jsonl" }?.fileID == "file-4")
        #expect(state.files.allSatisfy { $0.sha256.count == 64 })
    }

    @Test func aFileTheValidatorRejectsIsNeverSent() async throws {
        let store = FileStore()
        let server = try store.server()
        defer { server.stop() }
        let folder = try ProviderFixtures.datasetFolder(count: 4)
        defer { try? FileManager.default.removeItem(at: folder) }
        let error = await #expect(throws: DatasetUploader.Failure.self) {
            _ = try await DatasetUploader(client: ProviderFixtures.client(server), model: "gpt-4o-mini-2024-07-18")
                .upload(directory: folder)
        }
        #expect(error.map { "\($0)" }?.contains("at least 10 are required") == true)
        #expect(server.requests.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("uploads.json").path))
    }

    @Test func waitingFollowsTheJobAndExplainsAFailureWithItsLine() async throws {
        let server = try ContractTests.loopServer(jobStatuses: ["running", "running", "failed"])
        defer { server.stop() }
        let folder = try ProviderFixtures.datasetFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = TrainingRun(client: ProviderFixtures.client(server), pollInterval: .zero)
        let started = try await run.start(
            directory: folder, settings: FineTuningJobRequest(model: "gpt-4o-mini-2024-07-18", trainingFile: ""))
        #expect(try TrainingRun.recordedJobID(in: folder) == started.id)
        let lines = LineLog()
        let finished = try await run.wait(jobID: started.id, directory: folder) { lines.append($0) }
        #expect(finished.status == "failed")
        // The line only changes once: running at step 20 twice, then failed.
        #expect(
            lines.lines == [
                "ftjob-1 running · step 20/30 · train loss 0.5000 · valid loss 0.6000",
                "ftjob-1 failed · step 20/30 · train loss 0.5000 · valid loss 0.6000",
            ])
        let failure = try #require(finished.error)
        let explanation = JobProgress.explanation(of: failure, directory: folder)
        #expect(explanation.hasPrefix("failed: invalid_training_file: Line 2: invalid role 'bot'."))
        #expect(explanation.contains("train.jsonl line 2: {\"messages\""))
        #expect(explanation.contains("Section 2 of the Services Agreement"))
        let jobs = try LoopStateFile.load(JobsState.self, named: JobsState.fileName, in: folder, empty: JobsState())
        #expect(jobs.jobs.map(\.status) == ["failed"])
    }

    @Test func preferenceFilesAreCheckedAsPreferencesAndTrainWithDPO() async throws {
        let server = try ContractTests.loopServer()
        defer { server.stop() }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dpo-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        func line(_ index: Int, preferred: String, other: String) -> String {
            #"{"input":{"messages":[{"role":"user","content":"What does Clause \#(index) provide?"}]},"#
                + #""preferred_output":[{"role":"assistant","content":"\#(preferred)"}],"#
                + #""non_preferred_output":[{"role":"assistant","content":"\#(other)"}]}"#
        }
        let good = (1...10).map { line($0, preferred: "Clause \($0) provides for rent.", other: "Rent.") }
        let train = folder.appendingPathComponent("train.jsonl")
        try Data((good + [line(11, preferred: "Same.", other: "Same.")]).joined(separator: "\n").utf8).write(to: train)
        let findings = try uploadBlockingFindings(
            forFileAt: train, model: "gpt-4.1-mini-2025-04-14", isTrainingFile: true)
        #expect(findings.map(\.line) == [11])
        #expect(findings.first?.message == "the preferred and non-preferred answers are the same")

        try Data(good.joined(separator: "\n").utf8).write(to: train)
        let job = try await TrainingRun(client: ProviderFixtures.client(server)).start(
            directory: folder,
            settings: FineTuningJobRequest(model: "gpt-4.1-mini-2025-04-14", trainingFile: "", method: .dpo))
        #expect(job.id == "ftjob-1")
        let body = try #require(server.requests.first { $0.path == "/v1/fine_tuning/jobs" }?.json as? [String: Any])
        #expect((body["method"] as? [String: Any])?["type"] as? String == "dpo")
    }

    @Test(
        arguments: [
            ("Line 4: invalid role", 4), ("Example 12 has too many tokens", 12), ("row #3 is empty", 3),
            ("The file is invalid", nil),
        ] as [(String, Int?)])
    func lineNumbersAreFoundInProviderMessages(message: String, expected: Int?) {
        #expect(JobProgress.lineNumber(in: message) == expected)
    }
}

/// Lines a progress callback printed.
final class LineLog: @unchecked Sendable {
    private let lock = NSLock()
    private var recorded: [String] = []

    func append(_ line: String) {
        lock.lock()
        recorded.append(line)
        lock.unlock()
    }

    var lines: [String] {
        lock.lock()
        defer { lock.unlock() }
        return recorded
    }
}

extension LoopStateTests {
    static func kind(_ outcome: DatasetUploader.Outcome) -> String {
        switch outcome {
        case .uploaded: "uploaded"
        case .alreadyUploaded: "already"
        case .skippedMissing: "missing"
        }
    }
}
