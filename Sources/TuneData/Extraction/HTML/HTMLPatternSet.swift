/// A set of ASCII substrings matched against short attribute values by plain byte comparison.
///
/// `String.contains(String)` goes through Unicode-aware searching that builds tables per call;
/// class and id values are matched thousands of times per page against a hundred patterns, so
/// this stays on bytes and only compares a pattern where the value's next two bytes start one (a
/// 65,536-bit table of first byte pairs says where).
struct HTMLPatternSet: Sendable {
    private let patterns: [[UInt8]]
    /// Bit `a << 8 | b` is set when some pattern starts with the bytes `a`, `b`.
    private let startPairs: [UInt64]
    /// Pattern indices by their first two bytes.
    private let byStartPair: [UInt16: [Int]]
    /// One-byte patterns, matched on their own.
    private let singleBytes: Set<UInt8>

    init(_ patterns: [String]) {
        self.patterns = patterns.map { Array($0.utf8) }
        var pairs = [UInt64](repeating: 0, count: 1024)
        var buckets: [UInt16: [Int]] = [:]
        var singles = Set<UInt8>()
        for (index, pattern) in self.patterns.enumerated() {
            guard pattern.count >= 2 else {
                if let byte = pattern.first { singles.insert(byte) }
                continue
            }
            let pair = UInt16(pattern[0]) << 8 | UInt16(pattern[1])
            pairs[Int(pair) >> 6] |= 1 << UInt64(pair & 63)
            buckets[pair, default: []].append(index)
        }
        startPairs = pairs
        byStartPair = buckets
        singleBytes = singles
    }

    /// True when any pattern occurs in `value`.
    func matches(_ value: String) -> Bool {
        if value.isEmpty { return false }
        if let result = value.utf8.withContiguousStorageIfAvailable({ matches(bytes: $0) }) { return result }
        return Array(value.utf8).withUnsafeBufferPointer { matches(bytes: $0) }
    }

    private func matches(bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        if !singleBytes.isEmpty, bytes.contains(where: singleBytes.contains) { return true }
        guard bytes.count >= 2 else { return false }
        for start in 0..<(bytes.count - 1) {
            let pair = UInt16(bytes[start]) << 8 | UInt16(bytes[start + 1])
            guard startPairs[Int(pair) >> 6] & (1 << UInt64(pair & 63)) != 0, let candidates = byStartPair[pair] else {
                continue
            }
            for index in candidates {
                let pattern = patterns[index]
                guard start + pattern.count <= bytes.count else { continue }
                var offset = 2
                while offset < pattern.count, bytes[start + offset] == pattern[offset] { offset += 1 }
                if offset == pattern.count { return true }
            }
        }
        return false
    }
}
