public import Foundation

/// The errors that keep a file from being uploaded: the OpenAI target's own validator, the one
/// `tunedata validate` runs, for chat and completion files and for DPO preference files alike.
///
/// Too few examples blocks the training file only (a small validation file is normal).
public func uploadBlockingFindings(forFileAt url: URL, model: String, isTrainingFile: Bool) throws
    -> [ValidationFinding]
{
    let data = try Data(contentsOf: url, options: .mappedIfSafe)
    let report = TargetRegistry.resolved(TargetRegistry.defaultName).validate(
        data: data, file: url.path, context: TargetValidationContext(model: model))
    return report.findings.filter {
        $0.severity == .error && (isTrainingFile || $0.kind != "too_few_examples")
    }
}

/// Uploads an output folder's `train.jsonl` and `validation.jsonl`, once each.
///
/// A file whose SHA-256 is recorded in `uploads.json` for the same provider, and which the provider
/// still has, is not sent again. A file the validator rejects is not sent at all.
public struct DatasetUploader: Sendable {
    /// What happened to one file.
    public enum Outcome: Sendable, Equatable {
        case uploaded(UploadsState.Entry)
        case alreadyUploaded(UploadsState.Entry)
        case skippedMissing(name: String)
    }

    /// Why an upload did not start.
    public enum Failure: Error, CustomStringConvertible {
        /// The validator found errors (the first few are listed with their line numbers).
        case invalid(name: String, findings: [ValidationFinding])
        /// The folder has no train.jsonl.
        case noTrainingFile(directory: String)

        public var description: String {
            switch self {
            case .invalid(let name, let findings):
                let shown = findings.prefix(5).map { finding in
                    (finding.line.map { "line \($0): " } ?? "") + finding.message
                }
                return "\(name) is not valid for upload, not sent:\n  " + shown.joined(separator: "\n  ")
                    + (findings.count > 5 ? "\n  ... and \(findings.count - 5) more" : "")
            case .noTrainingFile(let directory):
                return "\(directory) has no train.jsonl (run `tunedata convert` first)"
            }
        }
    }

    /// The files uploaded, in this order.
    public static let fileNames = ["train.jsonl", "validation.jsonl"]

    public var client: APIClient
    public var model: String
    public var thresholds: UploadThresholds

    public init(client: APIClient, model: String, thresholds: UploadThresholds = UploadThresholds()) {
        self.client = client
        self.model = model
        self.thresholds = thresholds
    }

    /// Uploads what needs uploading and records it in `uploads.json` after each file.
    public func upload(directory: URL, progress: @Sendable (String) -> Void = { _ in }) async throws -> [Outcome] {
        guard FileManager.default.fileExists(atPath: directory.appendingPathComponent("train.jsonl").path) else {
            throw Failure.noTrainingFile(directory: directory.path)
        }
        var state = try LoopStateFile.load(
            UploadsState.self, named: UploadsState.fileName, in: directory, empty: UploadsState())
        var outcomes: [Outcome] = []
        for name in Self.fileNames {
            let url = directory.appendingPathComponent(name)
            guard FileManager.default.fileExists(atPath: url.path) else {
                outcomes.append(.skippedMissing(name: name))
                continue
            }
            let digest = try LoopStateFile.sha256(of: url)
            if let recorded = state.entry(name: name, sha256: digest, baseURL: client.configuration.baseURL),
                try await client.file(id: recorded.fileID) != nil
            {
                outcomes.append(.alreadyUploaded(recorded))
                continue
            }
            let blocking = try uploadBlockingFindings(
                forFileAt: url, model: model, isTrainingFile: name == Self.fileNames[0])
            if !blocking.isEmpty { throw Failure.invalid(name: name, findings: blocking) }
            progress("uploading \(name)")
            let remote = try await client.uploadFile(at: url, thresholds: thresholds)
            let entry = UploadsState.Entry(
                name: name, fileID: remote.id, bytes: remote.bytes, sha256: digest,
                baseURL: client.configuration.baseURL, uploadedAt: ISO8601DateFormatter().string(from: Date()))
            state.record(entry)
            try LoopStateFile.save(state, named: UploadsState.fileName, in: directory)
            outcomes.append(.uploaded(entry))
        }
        return outcomes
    }
}
