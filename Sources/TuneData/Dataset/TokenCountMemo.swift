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
