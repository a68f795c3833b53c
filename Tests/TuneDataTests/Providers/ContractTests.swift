import Crypto
import Foundation
import Testing

@testable import TuneData

/// Every request body tunedata sends, and every answer the test servers give, checked against the
/// schemas of OpenAI's published OpenAPI description.
@Suite(.enabled(if: SchemaChecker.isAvailable, "python3 with jsonschema, or ../shared/openai-openapi, is missing"))
struct ContractTests {
    /// A server that answers the loop's endpoints with schema-shaped bodies.
    static func loopServer(jobStatuses: [String] = ["running", "succeeded"]) throws -> TestHTTPServer {
        let files = Counter(), parts = Counter(), polls = Counter()
        return try TestHTTPServer { request in
            switch (request.method, request.path) {
            case ("POST", "/v1/files"):
                let size = request.multipartFields["file"]?.utf8.count ?? 0
                return .json(ProviderFixtures.file(id: "file-\(files.next())", bytes: size, name: "train.jsonl"))
            case ("GET", let path) where path.hasPrefix("/v1/files/"):
                return .json(ProviderFixtures.file(id: String(path.dropFirst(10)), bytes: 1, name: "train.jsonl"))
            case ("POST", "/v1/uploads"):
                return .json(ProviderFixtures.upload(id: "upload-1", bytes: 0, status: "pending", file: nil))
            case ("POST", "/v1/uploads/upload-1/parts"):
                return .json(ProviderFixtures.part(id: "part-\(parts.next())", upload: "upload-1"))
            case ("POST", "/v1/uploads/upload-1/complete"):
                let file = ProviderFixtures.file(id: "file-big", bytes: 100, name: "train.jsonl")
                return .json(ProviderFixtures.upload(id: "upload-1", bytes: 100, status: "completed", file: file))
            case ("POST", "/v1/fine_tuning/jobs"):
                return .json(ProviderFixtures.job(status: "validating_files"))
            case ("GET", "/v1/fine_tuning/jobs/ftjob-1"):
                let status = jobStatuses[min(polls.next(), jobStatuses.count) - 1]
                return .json(
                    ProviderFixtures.job(
                        status: status, fineTuned: status == "succeeded" ? "ft:gpt-4o-mini-2024-07-18:org::abc" : nil,
                        error: status == "failed"
                            ? [
                                "code": "invalid_training_file", "message": "Line 2: invalid role 'bot'.",
                                "param": "training_file",
                            ] : nil))
            case ("GET", "/v1/fine_tuning/jobs/ftjob-1/events"):
                return .json(
                    ProviderFixtures.list([
                        ProviderFixtures.metricsEvent(id: "ev-2", step: 20, trainLoss: 0.5, validLoss: 0.6),
                        ProviderFixtures.metricsEvent(id: "ev-1", step: 10, trainLoss: 0.9, validLoss: 1.0),
                    ]))
            case ("GET", "/v1/fine_tuning/jobs/ftjob-1/checkpoints"):
                return .json(ProviderFixtures.list([ProviderFixtures.checkpoint(step: 10, trainLoss: 0.9)]))
            case ("GET", "/v1/fine_tuning/jobs"):
                return .json(ProviderFixtures.list([ProviderFixtures.job(status: "succeeded")]))
            case ("POST", "/v1/fine_tuning/jobs/ftjob-1/cancel"):
                return .json(ProviderFixtures.job(status: "cancelled"))
            case ("POST", "/v1/chat/completions"):
                return .json(ProviderFixtures.chat("Section 1 provides that ..."))
            default:
                return .json(404, ProviderFixtures.error("unknown path \(request.path)"))
            }
        }
    }

    /// The schema a request to this endpoint must satisfy, and the instance to check.
    static func requestInstance(_ request: TestHTTPServer.Request) -> (String, Any)? {
        switch (request.method, request.path) {
        case ("POST", "/v1/files"):
            return ("CreateFileRequest", request.multipartFields as Any)
        case ("POST", "/v1/uploads"): return ("CreateUploadRequest", request.json ?? [:])
        case ("POST", let path) where path.hasSuffix("/parts"):
            return ("AddUploadPartRequest", request.multipartFields as Any)
        case ("POST", let path) where path.hasSuffix("/complete"): return ("CompleteUploadRequest", request.json ?? [:])
        case ("POST", "/v1/fine_tuning/jobs"): return ("CreateFineTuningJobRequest", request.json ?? [:])
        case ("POST", "/v1/chat/completions"): return ("CreateChatCompletionRequest", request.json ?? [:])
        default: return nil
        }
    }

    @Test func everyRequestBodyMatchesItsSchema() async throws {
        let server = try Self.loopServer()
        defer { server.stop() }
        let folder = try ProviderFixtures.datasetFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let client = ProviderFixtures.client(server)
        let run = TrainingRun(client: client, pollInterval: .zero)
        for method in FineTuningJobRequest.Method.allCases {
            _ = try await run.start(
                directory: folder,
                settings: FineTuningJobRequest(
                    model: "gpt-4.1-mini-2025-04-14", trainingFile: "", method: method, epochs: 3, batchSize: 8,
                    learningRateMultiplier: 0.5, suffix: "legal", seed: 7))
        }
        _ = try await client.createJob(FineTuningJobRequest(model: "gpt-4o-mini-2024-07-18", trainingFile: "file-1"))
        _ = try await client.uploadFile(
            at: folder.appendingPathComponent("train.jsonl"),
            thresholds: UploadThresholds(singleRequestLimit: 10, partSize: 700))
        _ = try await client.complete(
            model: "gpt-4o-mini",
            messages: [ChatMessage(role: "system", content: "s"), ChatMessage(role: "user", content: "q")])
        _ = try await run.wait(jobID: "ftjob-1", directory: folder) { _ in }
        _ = try await client.cancelJob(id: "ftjob-1")
        _ = try await client.listJobs()

        let checked = server.requests.compactMap(Self.requestInstance)
        let schemas = Set(checked.map(\.0))
        #expect(
            schemas == [
                "CreateFileRequest", "CreateUploadRequest", "AddUploadPartRequest", "CompleteUploadRequest",
                "CreateFineTuningJobRequest", "CreateChatCompletionRequest",
            ])
        let errors = try SchemaChecker.errors(checked.map { (schema: $0.0, instance: $0.1) })
        for (item, problems) in zip(checked, errors) {
            #expect(problems.isEmpty, "\(item.0): \(problems)")
        }
        let jobBodies = server.requests.filter { $0.method == "POST" && $0.path == "/v1/fine_tuning/jobs" }
            .compactMap { $0.json as? [String: Any] }
        let dpo = try #require(jobBodies.first { ($0["method"] as? [String: Any])?["type"] as? String == "dpo" })
        #expect(dpo["training_file"] as? String == "file-1")
        #expect(dpo["validation_file"] as? String == "file-2")
        let hyper = ((dpo["method"] as? [String: Any])?["dpo"] as? [String: Any])?["hyperparameters"] as? [String: Any]
        #expect(hyper?["n_epochs"] as? Int == 3)
        #expect(hyper?["batch_size"] as? Int == 8)
    }

    @Test func everyCannedAnswerMatchesItsSchema() throws {
        let answers: [(schema: String, instance: Any)] = [
            ("OpenAIFile", ProviderFixtures.file(id: "file-1", bytes: 10, name: "train.jsonl")),
            ("Upload", ProviderFixtures.upload(id: "upload-1", bytes: 0, status: "pending", file: nil)),
            (
                "Upload",
                ProviderFixtures.upload(
                    id: "upload-1", bytes: 100, status: "completed",
                    file: ProviderFixtures.file(id: "file-big", bytes: 100, name: "train.jsonl"))
            ),
            ("UploadPart", ProviderFixtures.part(id: "part-1", upload: "upload-1")),
            ("FineTuningJob", ProviderFixtures.job(status: "running")),
            ("FineTuningJob", ProviderFixtures.job(status: "succeeded", fineTuned: "ft:x")),
            (
                "FineTuningJob",
                ProviderFixtures.job(
                    status: "failed",
                    error: ["code": "invalid_training_file", "message": "Line 2: bad", "param": "training_file"])
            ),
            (
                "ListFineTuningJobEventsResponse",
                ProviderFixtures.list([ProviderFixtures.metricsEvent(id: "e", step: 1, trainLoss: 1, validLoss: 1)])
            ),
            (
                "ListFineTuningJobCheckpointsResponse",
                ProviderFixtures.list([ProviderFixtures.checkpoint(step: 10, trainLoss: 0.9)])
                    .merging(["first_id": "ftckpt-10", "last_id": "ftckpt-10"]) { $1 }
            ),
            ("ListPaginatedFineTuningJobsResponse", ProviderFixtures.list([ProviderFixtures.job(status: "queued")])),
            ("CreateChatCompletionResponse", ProviderFixtures.chat("an answer")),
        ]
        let errors = try SchemaChecker.errors(answers)
        for (item, problems) in zip(answers, errors) {
            #expect(problems.isEmpty, "\(item.schema): \(problems)")
        }
        // The checker is not lenient: a job without its status is refused.
        var broken = ProviderFixtures.job(status: "running")
        broken.removeValue(forKey: "status")
        #expect(try SchemaChecker.errors([("FineTuningJob", broken)]).first?.isEmpty == false)
    }

    @Test func largeFilesGoInPartsWithTheWholeFilesMD5() async throws {
        let server = try Self.loopServer()
        defer { server.stop() }
        let folder = try ProviderFixtures.datasetFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("train.jsonl")
        let data = try Data(contentsOf: url)
        let file = try await ProviderFixtures.client(server).uploadFile(
            at: url, thresholds: UploadThresholds(singleRequestLimit: 100, partSize: 256))
        #expect(file.id == "file-big")
        let partBodies = server.requests.filter { $0.path.hasSuffix("/parts") }.compactMap {
            $0.multipartFields["data"]
        }
        #expect(partBodies.count == (data.count + 255) / 256)
        #expect(Data(partBodies.joined().utf8) == data)
        let create = try #require(server.requests.first { $0.path == "/v1/uploads" }?.json as? [String: Any])
        #expect(create["bytes"] as? Int == data.count)
        #expect(create["purpose"] as? String == "fine-tune")
        let complete = try #require(server.requests.first { $0.path.hasSuffix("/complete") }?.json as? [String: Any])
        #expect(complete["md5"] as? String == Insecure.MD5.hash(data: data).map { String(format: "%02x", $0) }.joined())
        #expect((complete["part_ids"] as? [String])?.count == partBodies.count)
        #expect(!server.requests.contains { $0.path == "/v1/files" })
    }
}
