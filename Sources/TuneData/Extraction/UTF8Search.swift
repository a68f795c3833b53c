#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Substring tests over UTF-8 bytes, for the cheap pre-checks that decide whether a regular
/// expression needs to run.
///
/// `String.contains(_:)` compares `Character`s, so it breaks the text into grapheme clusters as it
/// goes; run on every answer and every document opening, that was a fifth of a conversion's CPU.
/// A byte search finds every place the character test does for the needles used here (ASCII, or
/// a single precomposed scalar such as "§" or "│", in NFC text) and, at worst, a few more — which is
/// safe for a pre-check, since the regular expression still decides.
extension StringProtocol {
    /// Whether the UTF-8 bytes of `needle` occur in the string's UTF-8 bytes.
    func containsBytes(_ needle: String) -> Bool {
        var needle = needle
        return needle.withUTF8 { needleBytes in
            guard !needleBytes.isEmpty else { return true }
            if let found = utf8.withContiguousStorageIfAvailable({ Self.search(needleBytes, in: $0) }) {
                return found
            }
            return Array(utf8).withUnsafeBufferPointer { Self.search(needleBytes, in: $0) }
        }
    }

    /// Whether `lowercaseNeedle` (lower-case ASCII) occurs in the string with ASCII letters of
    /// either case ("whereas" finds "WHEREAS" and "Whereas").
    func containsASCIICaseInsensitive(_ lowercaseNeedle: String) -> Bool {
        var needle = lowercaseNeedle
        return needle.withUTF8 { needleBytes in
            guard !needleBytes.isEmpty else { return true }
            if let found = utf8.withContiguousStorageIfAvailable({ Self.foldedSearch(needleBytes, in: $0) }) {
                return found
            }
            return Array(utf8).withUnsafeBufferPointer { Self.foldedSearch(needleBytes, in: $0) }
        }
    }

    private static func search(_ needle: UnsafeBufferPointer<UInt8>, in haystack: UnsafeBufferPointer<UInt8>) -> Bool {
        guard haystack.count >= needle.count, let base = haystack.baseAddress, let target = needle.baseAddress else {
            return false
        }
        // memchr finds each candidate first byte (glibc's memmem is not visible to Swift).
        let first = Int32(target.pointee)
        let last = base + (haystack.count - needle.count)
        var cursor = base
        while cursor <= last {
            guard let found = memchr(cursor, first, last - cursor + 1) else { return false }
            let candidate = found.assumingMemoryBound(to: UInt8.self)
            if memcmp(candidate, target, needle.count) == 0 { return true }
            cursor = UnsafePointer(candidate) + 1
        }
        return false
    }

    private static func foldedSearch(_ needle: UnsafeBufferPointer<UInt8>, in haystack: UnsafeBufferPointer<UInt8>)
        -> Bool
    {
        guard haystack.count >= needle.count else { return false }
        let first = needle[0]
        for start in 0...(haystack.count - needle.count) where foldASCII(haystack[start]) == first {
            var offset = 1
            while offset < needle.count && foldASCII(haystack[start + offset]) == needle[offset] { offset += 1 }
            if offset == needle.count { return true }
        }
        return false
    }

    /// An ASCII capital as its lower case; every other byte unchanged.
    @inline(__always)
    private static func foldASCII(_ byte: UInt8) -> UInt8 {
        byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
    }
}
