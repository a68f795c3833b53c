/// A 128-bit hash, compared instead of the text it was computed from.
public struct Hash128: Sendable, Hashable, Codable {
    public var high: UInt64
    public var low: UInt64

    public init(high: UInt64, low: UInt64) {
        self.high = high
        self.low = low
    }
}

/// Small, fast, deterministic hash functions (Swift's `Hasher` is seeded per process, so unusable
/// for anything that must give the same answer twice).
enum FastHash {
    /// MurmurHash3's 64-bit finaliser: every input bit affects every output bit.
    @inline(__always)
    static func mix(_ value: UInt64) -> UInt64 {
        var x = value
        x ^= x >> 33
        x = x &* 0xff51_afd7_ed55_8ccd
        x ^= x >> 33
        x = x &* 0xc4ce_b9fe_1a85_ec53
        x ^= x >> 33
        return x
    }

    /// Combines a running hash with one more 64-bit value (order-sensitive).
    @inline(__always)
    static func combine(_ hash: UInt64, _ value: UInt64) -> UInt64 {
        mix(hash ^ (value &+ 0x9e37_79b9_7f4a_7c15 &+ (hash << 6) &+ (hash >> 2)))
    }

    /// A 64-bit hash of a string's UTF-8 bytes, keyed by `seed`.
    static func hash(_ text: String, seed: UInt64 = 0) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325 ^ mix(seed)
        for byte in text.utf8 { h = (h ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return mix(h)
    }
}

/// Folds text to the form duplicates are compared on: lower case, punctuation and whitespace
/// removed, words separated by single spaces.
///
/// Words are runs of letters and digits (Unicode letters and numbers, lower-cased scalar by scalar).
enum WordFolding {
    /// Calls `word` with each folded word's UTF-8 bytes.
    ///
    /// One pass over the UTF-8 bytes: ASCII is folded inline; a non-ASCII scalar (curly quotes, §,
    /// accented letters) is decoded and classified on its own, so one such character no longer sends
    /// the whole text down a slow path. Words longer than 64 bytes are handed over in pieces.
    static func forEachWord(in text: String, _ word: (UnsafeBufferPointer<UInt8>) -> Void) {
        var text = text
        text.withUTF8 { bytes in
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 64) { buffer in
                var length = 0
                @inline(__always) func flush() {
                    if length > 0 { word(UnsafeBufferPointer(rebasing: buffer[0..<length])) }
                    length = 0
                }
                @inline(__always) func append(_ byte: UInt8) {
                    if length == 64 { flush() }
                    buffer[length] = byte
                    length += 1
                }
                var index = 0
                while index < bytes.count {
                    let byte = bytes[index]
                    if byte < 0x80 {
                        let folded = byte.asciiLowercased
                        if folded >= 0x61 && folded <= 0x7a || folded >= 0x30 && folded <= 0x39 {
                            append(folded)
                        } else {
                            flush()
                        }
                        index += 1
                        continue
                    }
                    let (scalar, width) = bytes.scalar(at: index)
                    index += width
                    guard isWordScalar(scalar) else {
                        flush()
                        continue
                    }
                    for lower in scalar.properties.lowercaseMapping.unicodeScalars {
                        if length + 4 > 64 { flush() }
                        if let encoded = UTF8.encode(lower) { for unit in encoded { append(unit) } }
                    }
                }
                flush()
            }
        }
    }

    /// Letters and numbers outside ASCII; General Punctuation (curly quotes, dashes) is skipped
    /// without a property lookup.
    @inline(__always)
    private static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.value >= 0x2000 && scalar.value <= 0x206F { return false }
        return scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }

    /// The folded text itself: words joined by single spaces (for tests and reports).
    static func folded(_ text: String) -> String {
        var words: [String] = []
        forEachWord(in: text) { words.append(String(decoding: $0, as: UTF8.self)) }
        return words.joined(separator: " ")
    }
}

/// Accumulates a 128-bit hash of a sequence of folded words (two independent 64-bit streams).
struct FoldedTextHasher {
    private var first: UInt64 = 0xcbf2_9ce4_8422_2325
    private var second: UInt64 = 0x8422_2325_cbf2_9ce4
    private var started = false

    /// Adds one word; consecutive words are separated as if by one space.
    @inline(__always)
    mutating func add(word: UnsafeBufferPointer<UInt8>) {
        if started { addByte(0x20) }
        started = true
        for byte in word { addByte(byte) }
    }

    /// Adds a boundary (between messages) that no sequence of words can produce.
    mutating func addSeparator(_ tag: UInt8) {
        addByte(0x00)
        addByte(tag)
        started = false
    }

    @inline(__always)
    private mutating func addByte(_ byte: UInt8) {
        first = (first ^ UInt64(byte)) &* 0x100_0000_01b3
        second = (second &+ UInt64(byte) &+ 1) &* 0x9e37_79b9_7f4a_7c15
        second ^= second >> 29
    }

    var value: Hash128 { Hash128(high: FastHash.mix(first), low: FastHash.mix(second ^ 0x5bd1_e995)) }
}
