import Foundation

@testable import TuneData

/// Canned provider answers shaped like the published schemas, and helpers shared by the provider tests.
enum ProviderFixtures {
    /// A key that must never appear in any output or file.
    static let sentinelKey = "sk-test-SENTINEL-7f3a9c1e5b"

    static func file(id: String, bytes: Int, name: String) -> [String: Any] {
        [
            "id": id, "object": "file", "bytes": bytes, "created_at": 1_764_000_000, "filename": name,
            "purpose": "fine-tune", "status": "processed",
        ]
    }

    static func upload(id: String, bytes: Int, status: String, file: [String: Any]?) -> [String: Any] {
        [
            "id": id, "object": "upload", "bytes": bytes, "created_at": 1_764_000_000, "expires_at": 1_764_003_600,
            "filename": "train.jsonl", "purpose": "fine-tune", "status": status, "file": file ?? NSNull(),
        ]
    }

    static func part(id: String, upload: String) -> [String: Any] {
        ["id": id, "object": "upload.part", "created_at": 1_764_000_000, "upload_id": upload]
    }

    static func job(
        id: String = "ftjob-1", status: String, model: String = "gpt-4o-mini-2024-07-18", fineTuned: String? = nil,
        error: [String: Any]? = nil
    ) -> [String: Any] {
        [
            "object": "fine_tuning.job", "id": id, "model": model, "created_at": 1_764_000_000,
            "finished_at": status == "succeeded" || status == "failed" ? 1_764_000_600 : NSNull(),
            "fine_tuned_model": fineTuned ?? NSNull(), "organization_id": "org-test", "result_files": [String](),
            "status": status, "validation_file": "file-val", "training_file": "file-train",
            "error": error ?? NSNull(), "trained_tokens": NSNull(), "seed": 42, "estimated_finish": NSNull(),
            "integrations": [Any](), "metadata": NSNull(),
            "method": ["type": "supervised"],
            "hyperparameters": ["n_epochs": "auto", "batch_size": "auto", "learning_rate_multiplier": "auto"],
        ]
    }

    static func metricsEvent(id: String, step: Int, trainLoss: Double, validLoss: Double) -> [String: Any] {
        [
            "object": "fine_tuning.job.event", "id": id, "created_at": 1_764_000_100, "level": "info",
            "message": "Step \(step)/30: training loss=\(trainLoss)", "type": "metrics",
            "data": ["step": step, "total_steps": 30, "train_loss": trainLoss, "valid_loss": validLoss],
        ]
    }

    static func checkpoint(step: Int, trainLoss: Double) -> [String: Any] {
        [
            "object": "fine_tuning.job.checkpoint", "id": "ftckpt-\(step)", "created_at": 1_764_000_200,
            "fine_tuned_model_checkpoint": "ft:gpt-4o-mini-2024-07-18:org::ckpt-step-\(step)",
            "fine_tuning_job_id": "ftjob-1", "step_number": step,
            "metrics": ["step": Double(step), "train_loss": trainLoss, "valid_loss": trainLoss + 0.1],
        ]
    }

    static func list(_ items: [[String: Any]]) -> [String: Any] {
        ["object": "list", "data": items, "has_more": false]
    }

    static func chat(_ content: String, model: String = "m") -> [String: Any] {
        [
            "id": "chatcmpl-1", "object": "chat.completion", "created": 1_764_000_000, "model": model,
            "choices": [
                [
                    "index": 0, "finish_reason": "stop", "logprobs": NSNull(),
                    "message": ["role": "assistant", "content": content, "refusal": NSNull()],
                ] as [String: Any]
            ],
        ]
    }

    static func error(_ message: String, code: String? = nil) -> [String: Any] {
        [
            "error": [
                "message": message, "type": "invalid_request_error", "param": NSNull(),
                "code": code.map { $0 as Any } ?? NSNull(),
            ]
        ]
    }

    /// A client for `server` with the sentinel key, short deadlines, and retries that record their
    /// delays instead of sleeping.
    static func client(
        _ server: TestHTTPServer, delays: DelayLog? = nil, attempts: Int = 4, timeout: Duration = .seconds(10)
    )
        -> APIClient
    {
        let log = delays ?? DelayLog()
        return APIClient(
            configuration: ProviderConfiguration(baseURL: server.baseURL, apiKey: sentinelKey),
            retry: RetryPolicy(maximumAttempts: attempts, sleep: { log.append($0) }), timeout: timeout)
    }

    /// A chat example line (system, user, assistant).
    static func exampleLine(question: String, answer: String) -> String {
        let object: [String: Any] = [
            "messages": [
                ["role": "system", "content": "You are a legal assistant."],
                ["role": "user", "content": question], ["role": "assistant", "content": answer],
            ]
        ]
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }

    /// An output folder with `count` training and `validation` validation examples and provenance.
    static func datasetFolder(count: Int = 12, validation: Int = 3) throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("loop-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        var train = "", valid = "", provenance = ""
        for index in 1...count {
            train +=
                exampleLine(
                    question: "What does Section \(index) of the Services Agreement provide?",
                    answer:
                        "Section \(index) provides that the supplier shall deliver item \(index) within thirty days.")
                + "\n"
            provenance +=
                "{\"split\":\"train\",\"line\":\(index),\"source\":\"in/agreement.pdf\",\"document\":\"d1\",\"pages\":[\(index)],\"section\":\"Section \(index)\",\"template\":\"legal-section-qa\",\"variant\":1}\n"
        }
        for index in 1...validation {
            valid +=
                exampleLine(
                    question: "What does Clause \(index) of the Lease provide?",
                    answer:
                        "Clause \(index) provides that the tenant pays rent of \(index) hundred dollars monthly in advance."
                )
                + "\n"
            provenance +=
                "{\"split\":\"validation\",\"line\":\(index),\"source\":\"in/lease.pdf\",\"document\":\"d2\",\"pages\":[\(index + 1)],\"section\":\"Clause \(index)\",\"template\":\"legal-section-qa\",\"variant\":1}\n"
        }
        try Data(train.utf8).write(to: root.appendingPathComponent("train.jsonl"))
        try Data(valid.utf8).write(to: root.appendingPathComponent("validation.jsonl"))
        try Data(provenance.utf8).write(to: root.appendingPathComponent("provenance.jsonl"))
        return root
    }
}

/// The delays a retry policy asked for, in order.
final class DelayLog: @unchecked Sendable {
    private let lock = NSLock()
    private var recorded: [Duration] = []

    func append(_ delay: Duration) {
        lock.lock()
        recorded.append(delay)
        lock.unlock()
    }

    var delays: [Duration] {
        lock.lock()
        defer { lock.unlock() }
        return recorded
    }
}

/// A counter shared with a server's responder.
final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0

    /// Increments and returns the new value.
    func next() -> Int {
        lock.lock()
        defer { lock.unlock() }
        value += 1
        return value
    }
}

extension TestHTTPServer.Request {
    /// The JSON body as an object.
    var json: Any? { try? JSONSerialization.jsonObject(with: body) }

    /// The fields of a multipart body (file contents as text).
    var multipartFields: [String: String] {
        guard let type = header("Content-Type"), let range = type.range(of: "boundary=") else { return [:] }
        let boundary = "--" + type[range.upperBound...]
        let text = String(decoding: body, as: UTF8.self)
        var fields: [String: String] = [:]
        for part in text.components(separatedBy: boundary).dropFirst() where !part.hasPrefix("--") {
            guard let split = part.range(of: "\r\n\r\n"),
                let name = part[..<split.lowerBound].firstMatch(of: /name="([^"]*)"/)
            else { continue }
            var value = String(part[split.upperBound...])
            if value.hasSuffix("\r\n") { value.removeLast() }  // "\r\n" is one Character
            fields[String(name.1)] = value
        }
        return fields
    }
}
