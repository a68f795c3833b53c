internal import Foundation
internal import Synchronization
internal import Tokenizer

/// Token counts remembered by a 128-bit hash of the text, shared by the dataset builder and the
/// validator of one run.
///
/// The same text is counted many times in a run: a passage is the answer of several templates,
/// every example repeats the system prompt, and the validator re-reads what the builder counted.
/// Keys are hashes, not strings, so the memo holds 20 bytes per distinct text and never the
/// text; it stops growing at `capacity` entries. Short texts are counted directly (cheaper than
/// the lock).
final class TokenCountMemo: Sendable {
    let encoding: BPEEncoding
    private let counts = Mutex<[Hash128: Int32]>([:])
    private let capacity: Int

    init(encoding: BPEEncoding, capacity: Int = 500_000) {
        self.encoding = encoding
        self.capacity = capacity
    }

    /// `shared` when it counts with `encoding` (the run's memo, already holding the examples'
    /// counts), otherwise a new memo.
    static func reusing(_ shared: TokenCountMemo?, for encoding: BPEEncoding) -> TokenCountMemo {
        if let shared, shared.encoding === encoding { return shared }
        return TokenCountMemo(encoding: encoding)
    }

    func count(_ text: String) -> Int {
        guard text.utf8.count >= 64 else { return encoding.count(text) }
        let key = FastHash.contentKey(text)
        if let known = counts.withLock({ $0[key] }) { return Int(known) }
        let tokens = encoding.count(text)
        store(tokens, for: key)
        return tokens
    }

    /// Records a count already known (a passage's, from the chunker).
    func remember(_ text: String, tokens: Int) {
        guard text.utf8.count >= 64 else { return }
        store(tokens, for: FastHash.contentKey(text))
    }

    private func store(_ tokens: Int, for key: Hash128) {
        counts.withLock { memo in
            if memo.count < capacity { memo[key] = Int32(clamping: tokens) }
        }
    }

    func chatTokenCounts(_ turns: [ChatTurn]) -> (total: Int, contents: [Int]) {
        BPEEncoding.chatTokenCounts(turns, countingWith: count)
    }

    /// An example's billed tokens and the part of them its assistant turns' contents make.
    func billedTokens(_ turns: [ChatTurn]) -> (tokens: Int, assistant: Int) {
        let counts = chatTokenCounts(turns)
        let assistant = zip(turns, counts.contents).reduce(0) { $0 + ($1.0.role == "assistant" ? $1.1 : 0) }
        return (counts.total, assistant)
    }

    /// Adds the counts of `other` (same encoding), up to the capacity.
    func absorb(_ other: TokenCountMemo) {
        let entries = other.counts.withLock { $0 }
        counts.withLock { memo in
            for (key, tokens) in entries where memo.count < capacity { memo[key] = tokens }
        }
    }

    // MARK: Saved with a shard's part, so `merge` does not count every example again

    private static let magic = "tunedata-token-counts 1 "

    /// The memo as bytes: a header line naming the encoding, then 20 bytes per entry (the two
    /// halves of the key and the count, little-endian).
    func serialized() -> Data {
        let entries = counts.withLock { $0 }
        var data = Data((Self.magic + encoding.name.rawValue + "\n").utf8)
        data.reserveCapacity(data.count + entries.count * 20)
        for (key, tokens) in entries.sorted(by: { ($0.key.high, $0.key.low) < ($1.key.high, $1.key.low) }) {
            withUnsafeBytes(of: key.high.littleEndian) { data.append(contentsOf: $0) }
            withUnsafeBytes(of: key.low.littleEndian) { data.append(contentsOf: $0) }
            withUnsafeBytes(of: tokens.littleEndian) { data.append(contentsOf: $0) }
        }
        return data
    }

    /// Reads ``serialized()`` output; `nil` when the bytes are not such a memo.
    static func deserialized(_ data: Data) -> TokenCountMemo? {
        guard let newline = data.firstIndex(of: 0x0A),
            let header = String(data: data[data.startIndex..<newline], encoding: .utf8), header.hasPrefix(magic),
            let name = EncodingName(rawValue: String(header.dropFirst(magic.count)))
        else { return nil }
        let body = data[(newline + 1)...]
        guard body.count % 20 == 0 else { return nil }
        let memo = TokenCountMemo(encoding: BPEEncoding.shared(name))
        body.withUnsafeBytes { raw in
            var entries: [Hash128: Int32] = [:]
            entries.reserveCapacity(raw.count / 20)
            for offset in stride(from: 0, to: raw.count, by: 20) {
                let high = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
                let low = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: offset + 8, as: UInt64.self))
                entries[Hash128(high: high, low: low)] = Int32(
                    littleEndian: raw.loadUnaligned(fromByteOffset: offset + 16, as: Int32.self))
            }
            memo.counts.withLock { $0 = entries }
        }
        return memo
    }
}

extension FastHash {
    /// A 128-bit hash of a string's UTF-8 bytes and length, eight bytes a step (two independent
    /// streams, so a collision needs both to collide).
    static func contentKey(_ text: String) -> Hash128 {
        var text = text
        return text.withUTF8 { bytes -> Hash128 in
            let raw = UnsafeRawBufferPointer(bytes)
            var first: UInt64 = 0x9e37_79b9_7f4a_7c15 ^ UInt64(bytes.count)
            var second: UInt64 = 0xc2b2_ae3d_27d4_eb4f &+ UInt64(bytes.count)
            var index = 0
            while index + 8 <= bytes.count {
                let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                first = mix(first ^ word)
                second = (second ^ word).rotated(by: 29) &* 0x1000_0000_01b3
                index += 8
            }
            var tail: UInt64 = 0
            var shift: UInt64 = 0
            while index < bytes.count {
                tail |= UInt64(bytes[index]) << shift
                shift += 8
                index += 1
            }
            first = mix(first ^ tail)
            second = mix((second ^ tail).rotated(by: 29) &* 0x1000_0000_01b3)
            return Hash128(high: first, low: second)
        }
    }
}

extension UInt64 {
    fileprivate func rotated(by amount: UInt64) -> UInt64 {
        (self << amount) | (self >> (64 - amount))
    }
}
