/// A set of ASCII substrings matched against short attribute values by plain byte comparison.
///
/// `String.contains(String)` goes through Unicode-aware searching that builds tables per call;
/// class and id values are matched thousands of times per page, so this stays on bytes.
struct HTMLPatternSet: Sendable {
    private let patterns: [[UInt8]]

    init(_ patterns: [String]) {
        self.patterns = patterns.map { Array($0.utf8) }
    }

    /// True when any pattern occurs in `value`.
    func matches(_ value: String) -> Bool {
        if value.isEmpty { return false }
        if let result = value.utf8.withContiguousStorageIfAvailable({ matches(bytes: $0) }) { return result }
        return Array(value.utf8).withUnsafeBufferPointer { matches(bytes: $0) }
    }

    private func matches(bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        for pattern in patterns where pattern.count <= bytes.count {
            let first = pattern[0]
            var start = 0
            let last = bytes.count - pattern.count
            while start <= last {
                if bytes[start] == first {
                    var offset = 1
                    while offset < pattern.count, bytes[start + offset] == pattern[offset] { offset += 1 }
                    if offset == pattern.count { return true }
                }
                start += 1
            }
        }
        return false
    }
}
