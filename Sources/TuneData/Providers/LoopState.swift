internal import Crypto
public import Foundation

/// What `upload` recorded in `DIR/uploads.json`: one entry per uploaded file.
public struct UploadsState: Sendable, Codable, Equatable {
    /// One uploaded file: its local name and contents hash, and the provider's id.
    public struct Entry: Sendable, Codable, Equatable {
        public var name: String
        public var fileID: String
        public var bytes: Int
        public var sha256: String
        /// The base URL it was uploaded to (an id means nothing at another provider).
        public var baseURL: String
        public var uploadedAt: String

        enum CodingKeys: String, CodingKey {
            case name, bytes, sha256
            case fileID = "file_id"
            case baseURL = "base_url"
            case uploadedAt = "uploaded_at"
        }
    }

    public static let fileName = "uploads.json"
    public var files: [Entry] = []

    public init(files: [Entry] = []) { self.files = files }

    /// The latest entry for this name and hash at this provider.
    public func entry(name: String, sha256: String, baseURL: String) -> Entry? {
        files.last { $0.name == name && $0.sha256 == sha256 && $0.baseURL == baseURL }
    }

    /// Records an upload, replacing an older entry for the same name at the same provider.
    public mutating func record(_ entry: Entry) {
        files.removeAll { $0.name == entry.name && $0.baseURL == entry.baseURL }
        files.append(entry)
    }
}

/// What `train` recorded in `DIR/jobs.json`: every job started from the folder, oldest first.
public struct JobsState: Sendable, Codable, Equatable {
    /// One job: its id and what it was started with, and the last state seen.
    public struct Entry: Sendable, Codable, Equatable {
        public var jobID: String
        public var model: String
        public var method: String
        public var trainingFile: String
        public var validationFile: String?
        public var baseURL: String
        public var status: String
        public var fineTunedModel: String?

        enum CodingKeys: String, CodingKey {
            case model, method, status
            case jobID = "job_id"
            case trainingFile = "training_file"
            case validationFile = "validation_file"
            case baseURL = "base_url"
            case fineTunedModel = "fine_tuned_model"
        }
    }

    public static let fileName = "jobs.json"
    public var jobs: [Entry] = []

    public init(jobs: [Entry] = []) { self.jobs = jobs }

    /// The newest job, the one `train --wait` and `train status DIR` pick up.
    public var latest: Entry? { jobs.last }

    /// Adds a job or updates the recorded state of one already there.
    public mutating func record(_ job: FineTuningJob, method: String, baseURL: String) {
        let entry = Entry(
            jobID: job.id, model: job.model, method: method, trainingFile: job.trainingFile,
            validationFile: job.validationFile, baseURL: baseURL, status: job.status,
            fineTunedModel: job.fineTunedModel)
        if let index = jobs.firstIndex(where: { $0.jobID == job.id }) {
            jobs[index].status = job.status
            jobs[index].fineTunedModel = job.fineTunedModel
        } else {
            jobs.append(entry)
        }
    }
}

/// Reads and writes the loop's JSON state files in an output folder.
public enum LoopStateFile {
    /// The state in `directory/name`, or `empty` when there is none yet.
    public static func load<State: Decodable>(_ type: State.Type, named name: String, in directory: URL, empty: State)
        throws -> State
    {
        let url = directory.appendingPathComponent(name)
        guard FileManager.default.fileExists(atPath: url.path) else { return empty }
        return try JSONDecoder().decode(type, from: Data(contentsOf: url))
    }

    /// Writes the state atomically, pretty-printed with sorted keys so diffs stay small.
    public static func save<State: Encodable>(_ state: State, named name: String, in directory: URL) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(state)
        data.append(0x0A)
        try AtomicFile.write(data, to: directory.appendingPathComponent(name))
    }

    /// The SHA-256 of a file in lowercase hex, read in pieces.
    public static func sha256(of url: URL) throws -> String {
        let handle = try FileHandle(forReadingFrom: url)
        defer { try? handle.close() }
        var hasher = SHA256()
        while let chunk = try handle.read(upToCount: 1 << 22), !chunk.isEmpty { hasher.update(data: chunk) }
        return hasher.finalize().lowercaseHex
    }
}
