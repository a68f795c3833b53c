import Foundation
import Synchronization

/// Examples kept in an anonymous temporary file, with only their labels (provenance and category)
/// in memory.
///
/// Per-document workers append as they finish; the dataset stage reads examples back by position
/// when it needs their messages. So a run's memory grows with the compact per-example records, not
/// with the text of everything converted. The file is unlinked as soon as it is created: it
/// disappears when the store is released or the process ends, however it ends.
public final class ExampleStore: ExampleCollection {
    private struct Record {
        var offset: Int
        var length: Int
    }

    private struct State {
        var records: [Record] = []
        var labels: [ExampleLabel] = []
        var end = 0
        var writeError: String?
    }

    private let descriptor: Int32
    private let state = Mutex(State())

    /// Creates an empty store in the system's temporary folder.
    public init() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent(
            "tunedata-examples-\(UUID().uuidString)"
        ).path
        let descriptor = open(path, O_RDWR | O_CREAT | O_EXCL, 0o600)
        guard descriptor >= 0 else {
            throw CocoaError(
                .fileWriteUnknown,
                userInfo: [NSFilePathErrorKey: path, NSLocalizedDescriptionKey: String(cString: strerror(errno))])
        }
        unlink(path)
        self.descriptor = descriptor
    }

    /// A store holding `examples`.
    public convenience init(_ examples: [Example]) throws {
        try self.init()
        append(examples)
        if let error = writeError { throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: error]) }
    }

    deinit { close(descriptor) }

    public var count: Int { state.withLock { $0.records.count } }

    /// The first write failure (disk full...), if any; appends after a failure are dropped.
    public var writeError: String? { state.withLock { $0.writeError } }

    /// Appends examples; safe to call from several threads.
    ///
    /// Returns their positions.
    @discardableResult
    public func append(_ examples: [Example]) -> Range<Int> {
        var bytes: [UInt8] = []
        var lengths: [Int] = []
        for example in examples {
            let before = bytes.count
            MessageCodec.encode(example.messages, into: &bytes)
            lengths.append(bytes.count - before)
        }
        return state.withLock { state in
            let first = state.records.count
            guard state.writeError == nil else { return first..<first }
            let written = bytes.withUnsafeBytes { buffer in
                Self.writeAll(descriptor, buffer, at: state.end)
            }
            guard written else {
                state.writeError = "cannot write temporary examples: \(String(cString: strerror(errno)))"
                return first..<first
            }
            var offset = state.end
            for (example, length) in zip(examples, lengths) {
                state.records.append(Record(offset: offset, length: length))
                state.labels.append(ExampleLabel(example))
                offset += length
            }
            state.end = offset
            return first..<state.records.count
        }
    }

    public func label(at index: Int) -> ExampleLabel {
        state.withLock { $0.labels[index] }
    }

    public func example(at index: Int) -> Example {
        let (record, label) = state.withLock { ($0.records[index], $0.labels[index]) }
        var bytes = [UInt8](repeating: 0, count: record.length)
        let complete = bytes.withUnsafeMutableBytes { buffer in
            guard let base = buffer.baseAddress else { return record.length == 0 }
            var done = 0
            while done < record.length {
                let count = pread(descriptor, base + done, record.length - done, off_t(record.offset + done))
                if count <= 0 { return false }
                done += count
            }
            return true
        }
        // A short read can only mean the temporary file was damaged underneath us.
        precondition(complete, "tunedata: cannot read back temporary examples")
        return Example(messages: MessageCodec.decode(bytes), provenance: label.provenance, category: label.category)
    }

    private static func writeAll(_ descriptor: Int32, _ buffer: UnsafeRawBufferPointer, at offset: Int) -> Bool {
        guard let base = buffer.baseAddress else { return true }
        var done = 0
        while done < buffer.count {
            let count = pwrite(descriptor, base + done, buffer.count - done, off_t(offset + done))
            if count <= 0 { return false }
            done += count
        }
        return true
    }
}

/// A compact binary form of a conversation's messages: role, optional name and weight, content.
enum MessageCodec {
    static func encode(_ messages: [Message], into bytes: inout [UInt8]) {
        append(UInt32(messages.count), to: &bytes)
        for message in messages {
            let role: UInt8 =
                switch message.role {
                case .system: 0
                case .user: 1
                case .assistant: 2
                }
            bytes.append(role)
            bytes.append((message.name == nil ? 0 : 1) | (message.weight == nil ? 0 : 2))
            bytes.append(UInt8(truncatingIfNeeded: message.weight ?? 0))
            appendString(message.content, to: &bytes)
            if let name = message.name { appendString(name, to: &bytes) }
        }
    }

    static func decode(_ bytes: [UInt8]) -> [Message] {
        var cursor = 0
        func readUInt32() -> Int {
            let value =
                Int(bytes[cursor]) | Int(bytes[cursor + 1]) << 8 | Int(bytes[cursor + 2]) << 16 | Int(bytes[cursor + 3])
                << 24
            cursor += 4
            return value
        }
        func readString() -> String {
            let length = readUInt32()
            defer { cursor += length }
            return String(decoding: bytes[cursor..<(cursor + length)], as: UTF8.self)
        }
        let count = readUInt32()
        var messages: [Message] = []
        messages.reserveCapacity(count)
        for _ in 0..<count {
            let role: Message.Role =
                switch bytes[cursor] {
                case 0: .system
                case 1: .user
                default: .assistant
                }
            let flags = bytes[cursor + 1]
            let weight = Int(bytes[cursor + 2])
            cursor += 3
            let content = readString()
            let name = flags & 1 != 0 ? readString() : nil
            messages.append(Message(role: role, content: content, name: name, weight: flags & 2 != 0 ? weight : nil))
        }
        return messages
    }

    private static func append(_ value: UInt32, to bytes: inout [UInt8]) {
        bytes.append(UInt8(value & 0xFF))
        bytes.append(UInt8(value >> 8 & 0xFF))
        bytes.append(UInt8(value >> 16 & 0xFF))
        bytes.append(UInt8(value >> 24 & 0xFF))
    }

    private static func appendString(_ string: String, to bytes: inout [UInt8]) {
        let utf8 = Array(string.utf8)
        append(UInt32(utf8.count), to: &bytes)
        bytes.append(contentsOf: utf8)
    }
}
