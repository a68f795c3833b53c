import Foundation
internal import Crypto

/// One file the writer produced.
public struct OutputFileRecord: Sendable, Codable, Hashable {
    public var name: String
    public var bytes: Int
    public var lines: Int
    /// Lower-case hex SHA-256 of the file's bytes.
    public var sha256: String
}

/// Why the writer failed.
public enum DatasetWriterError: Error, CustomStringConvertible {
    /// The output directory could not be created or a file could not be written or renamed.
    case cannotWrite(path: String, reason: String)

    public var description: String {
        switch self {
        case .cannotWrite(let path, let reason): "cannot write \(path): \(reason)"
        }
    }
}

/// Writes a built dataset: `train.jsonl`, `validation.jsonl` (only when there is a validation split)
/// and `provenance.jsonl`.
///
/// Every file is written under a temporary name in the target directory and renamed into place once
/// all are complete, so an interrupted run never leaves a half-written dataset. A split larger than
/// `maxFileBytes` is sharded into `train-001.jsonl`, `train-002.jsonl`...; provenance lines then name
/// the shard in a `file` key. Stale outputs of an earlier run (a validation file or shards this run
/// does not produce) are removed.
struct DatasetWriter: Sendable {
    var maxFileBytes: Int
    /// Threads that read and encode examples (lines are written in order whatever the count).
    var jobs = 1

    init(maxFileBytes: Int = DatasetConfiguration.defaultMaxFileBytes) {
        self.maxFileBytes = maxFileBytes
    }

    init(configuration: DatasetConfiguration) {
        self.init(maxFileBytes: configuration.maxFileBytes)
    }

    /// Writes the files and returns their records (train, validation, provenance order).
    func write(_ dataset: BuiltDataset, to directory: URL) throws -> [OutputFileRecord] {
        let manager = FileManager.default
        do {
            try manager.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw DatasetWriterError.cannotWrite(path: directory.path, reason: error.localizedDescription)
        }
        var pending: [(temporary: URL, final: URL)] = []
        var records: [OutputFileRecord] = []
        defer { for file in pending { try? manager.removeItem(at: file.temporary) } }

        var provenance = ShardWriter(directory: directory, maxBytes: .max)
        for (split, indices) in [("train", dataset.trainIndices), ("validation", dataset.validationIndices)]
        where !indices.isEmpty {
            var shards = ShardWriter(directory: directory, maxBytes: maxFileBytes)
            var positions: [(shard: Int, line: Int)] = []
            var failure: (any Error)?
            let examples = dataset.examples
            let target = dataset.target
            let shape = dataset.shape
            ParallelWork.forEachInOrder(count: indices.count, jobs: jobs) { position in
                target.line(for: examples.example(at: indices[position]), shape: shape)
            } consume: { _, line in
                guard failure == nil else { return }
                do { positions.append(try shards.append(line)) } catch { failure = error }
            }
            if let failure { throw failure }
            let files = try shards.finish()
            let sharded = files.count > 1
            for (number, file) in files.enumerated() {
                let name = sharded ? "\(split)-\(String(format: "%03d", number + 1)).jsonl" : "\(split).jsonl"
                pending.append((file.url, directory.appendingPathComponent(name)))
                records.append(OutputFileRecord(name: name, bytes: file.bytes, lines: file.lines, sha256: file.sha256))
            }
            for (index, position) in zip(indices, positions) {
                let file = sharded ? "\(split)-\(String(format: "%03d", position.shard + 1)).jsonl" : nil
                let label = dataset.examples.label(at: index)
                _ = try provenance.append(
                    JSONLEncoding.provenanceLine(
                        for: label.provenance, split: split, file: file, line: position.line, category: label.category))
            }
        }
        let provenanceFiles = try provenance.finish()
        if let file = provenanceFiles.first {
            pending.append((file.url, directory.appendingPathComponent("provenance.jsonl")))
            records.append(
                OutputFileRecord(name: "provenance.jsonl", bytes: file.bytes, lines: file.lines, sha256: file.sha256))
        }

        // Files the target wants beside the splits (LLaMA-Factory's dataset_info.json).
        for companion in dataset.target.companionFiles(for: records, shape: dataset.shape) {
            let url = directory.appendingPathComponent(".tunedata-\(UUID().uuidString).tmp")
            do {
                try Data(companion.bytes).write(to: url)
            } catch {
                throw DatasetWriterError.cannotWrite(path: url.path, reason: error.localizedDescription)
            }
            pending.append((url, directory.appendingPathComponent(companion.name)))
            records.append(
                OutputFileRecord(
                    name: companion.name, bytes: companion.bytes.count,
                    lines: companion.bytes.count(where: { $0 == 0x0a }),
                    sha256: SHA256.hash(data: Data(companion.bytes)).lowercaseHex))
        }
        let produced = Set(records.map(\.name))
        for file in pending where rename(file.temporary.path, file.final.path) != 0 {
            throw DatasetWriterError.cannotWrite(path: file.final.path, reason: String(cString: strerror(errno)))
        }
        pending.removeAll()
        let existing = (try? manager.contentsOfDirectory(atPath: directory.path)) ?? []
        for name in existing where Self.isDatasetOutput(name) && !produced.contains(name) {
            try? manager.removeItem(at: directory.appendingPathComponent(name))
        }
        return records
    }

    /// Whether a file name is one the writer produces (and may therefore replace or remove).
    static func isDatasetOutput(_ name: String) -> Bool {
        for split in ["train", "validation"] {
            if name == "\(split).jsonl" { return true }
            if name.hasPrefix("\(split)-") && name.hasSuffix(".jsonl") {
                let number = name.dropFirst(split.count + 1).dropLast(6)
                if number.count == 3 && number.allSatisfy(\.isNumber) { return true }
            }
        }
        return false
    }
}

/// Appends lines to temporary files, starting a new one before a file would exceed `maxBytes`.
struct ShardWriter {
    struct File {
        var url: URL
        var bytes: Int
        var lines: Int
        var sha256: String
    }

    let directory: URL
    let maxBytes: Int
    private var finished: [File] = []
    private var handle: FileHandle?
    private var current: URL?
    private var hasher = SHA256()
    private var bytes = 0
    private var lines = 0
    private var buffer: [UInt8] = []

    init(directory: URL, maxBytes: Int) {
        self.directory = directory
        self.maxBytes = maxBytes
    }

    /// Appends one line; returns the 0-based shard and 1-based line number it landed on.
    mutating func append(_ line: [UInt8]) throws -> (shard: Int, line: Int) {
        if handle == nil {
            try open()
        } else if bytes + line.count > maxBytes && lines > 0 {
            try close()
            try open()
        }
        buffer.append(contentsOf: line)
        bytes += line.count
        lines += 1
        if buffer.count >= 1 << 20 { try flush() }
        return (finished.count, lines)
    }

    /// Closes the last file and returns all files written.
    mutating func finish() throws -> [File] {
        if handle != nil { try close() }
        return finished
    }

    private mutating func open() throws {
        let url = directory.appendingPathComponent(".tunedata-\(UUID().uuidString).tmp")
        guard FileManager.default.createFile(atPath: url.path, contents: nil),
            let handle = FileHandle(forWritingAtPath: url.path)
        else {
            throw DatasetWriterError.cannotWrite(path: url.path, reason: "cannot create file")
        }
        self.handle = handle
        current = url
        hasher = SHA256()
        bytes = 0
        lines = 0
    }

    private mutating func flush() throws {
        guard let handle, !buffer.isEmpty else { return }
        let data = Data(buffer)
        hasher.update(data: data)
        do {
            try handle.write(contentsOf: data)
        } catch {
            throw DatasetWriterError.cannotWrite(path: current?.path ?? "", reason: error.localizedDescription)
        }
        buffer.removeAll(keepingCapacity: true)
    }

    private mutating func close() throws {
        try flush()
        try handle?.close()
        let digest = hasher.finalize().lowercaseHex
        if let current { finished.append(File(url: current, bytes: bytes, lines: lines, sha256: digest)) }
        handle = nil
        current = nil
    }
}
