public import Foundation

/// The output of `convert --shard K/N`: the collected examples of one slice, written to a folder that `tunedata merge`
/// reads.
///
/// One `part.json` (everything but the examples), `examples.jsonl`, and `token-counts.bin`: the token counts the
/// shard's workers already took, so that `merge` does not count every example again (a part without it is counted from
/// scratch).
public enum PartialResult {
    static let partFile = "part.json"
    static let examplesFile = "examples.jsonl"
    static let tokenCountsFile = "token-counts.bin"

    /// Header of a part: which slice, and the settings the examples were made with.
    struct Header: Codable {
        var format = "tunedata-part"
        var version = 1
        var shard: Shard?
        var configuration: ConvertConfiguration
        var inputsSeen: Int
        var documents: [DocumentSummary]
        var skipped: [SkippedInput]
        var examples: Int
    }

    /// Writes a part atomically (each file under a temporary name, then renamed).
    public static func write(_ collected: CollectedExamples, configuration: ConvertConfiguration, to directory: URL)
        throws
    {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Canonical order (by source, passage, template, phrasing), so a part does not depend on
        // which worker finished first.
        let store = collected.examples
        let order = (0..<store.count).sorted { a, b in
            let pa = store.label(at: a).provenance, pb = store.label(at: b).provenance
            return (pa.source, pa.passageIndex, pa.template, pa.variant, a) < (
                pb.source, pb.passageIndex, pb.template, pb.variant, b
            )
        }
        var lines = Data()
        for index in order {
            lines.append(try encoder.encode(store.example(at: index)))
            lines.append(0x0A)
        }
        try AtomicFile.write(lines, to: directory.appendingPathComponent(examplesFile))
        if let memo = collected.tokenCounts {
            try AtomicFile.write(memo.serialized(), to: directory.appendingPathComponent(tokenCountsFile))
        }
        let header = Header(
            shard: configuration.shard, configuration: configuration, inputsSeen: collected.inputsSeen,
            documents: collected.documents, skipped: collected.skipped, examples: collected.examples.count)
        encoder.outputFormatting.insert(.prettyPrinted)
        try AtomicFile.write(try encoder.encode(header), to: directory.appendingPathComponent(partFile))
    }

    /// Reads a part written by ``write(_:configuration:to:)``.
    public static func read(from directory: URL) throws(PartialResultError) -> (CollectedExamples, ConvertConfiguration)
    {
        guard let store = try? ExampleStore() else {
            throw PartialResultError(path: directory.path, message: "cannot create a temporary file")
        }
        let path = directory.path
        guard let headerData = try? Data(contentsOf: directory.appendingPathComponent(partFile)) else {
            throw PartialResultError(
                path: path, message: "not a tunedata part (no \(partFile)); make parts with convert --shard K/N")
        }
        let decoder = JSONDecoder()
        guard let header = try? decoder.decode(Header.self, from: headerData), header.format == "tunedata-part" else {
            throw PartialResultError(path: path, message: "\(partFile) is damaged or from another tool")
        }
        guard let lines = try? Data(contentsOf: directory.appendingPathComponent(examplesFile)) else {
            throw PartialResultError(path: path, message: "\(examplesFile) is missing")
        }
        var batch: [Example] = []
        for (number, line) in lines.split(separator: 0x0A).enumerated() {
            guard let example = try? decoder.decode(Example.self, from: line) else {
                throw PartialResultError(path: path, message: "\(examplesFile) line \(number + 1) is damaged")
            }
            batch.append(example)
            if batch.count == 1024 {
                store.append(batch)
                batch.removeAll(keepingCapacity: true)
            }
        }
        store.append(batch)
        guard store.count == header.examples else {
            throw PartialResultError(
                path: path,
                message:
                    "\(examplesFile) has \(store.count) examples, \(partFile) says \(header.examples) (interrupted copy?)"
            )
        }
        var collected = CollectedExamples(
            inputsSeen: header.inputsSeen, documents: header.documents, skipped: header.skipped, examples: store)
        collected.tokenCounts = (try? Data(contentsOf: directory.appendingPathComponent(tokenCountsFile)))
            .flatMap(TokenCountMemo.deserialized)
        return (collected, header.configuration)
    }
}

/// A part folder that `merge` cannot use.
public struct PartialResultError: Error, Sendable, CustomStringConvertible {
    public var path: String
    public var message: String
    public var description: String { "\(path): \(message)" }
}
