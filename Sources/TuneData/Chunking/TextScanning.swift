#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Byte-level scans of extracted text for the hot paths (chunking, templating, layout rules), where
/// `split(separator: "\n\n")` and `Character` iteration showed up as a tenth of a conversion.
///
/// Extracted text is normalised: every space is an ASCII space and paragraphs are separated by
/// a blank line, so looking at UTF-8 bytes is exact here.
extension StringProtocol {
    /// The paragraphs: the text split at each "\n\n", empty pieces left out (the same pieces as
    /// `split(separator: "\n\n")`).
    var paragraphs: [SubSequence] { pieces(keepingEmpty: false) }

    /// The pieces between each "\n\n", empty ones kept (the same pieces as
    /// `split(separator: "\n\n", omittingEmptySubsequences: false)`, whose `Character` comparison
    /// cost a passage clean-up several times this byte scan; a line feed is always its own `Character`).
    var paragraphPieces: [SubSequence] { pieces(keepingEmpty: true) }

    /// The text cut at each "\n\n", found by one scan of the UTF-8 bytes.
    private func pieces(keepingEmpty: Bool) -> [SubSequence] {
        var pieces: [SubSequence] = []
        let utf8 = self.utf8
        var start = utf8.startIndex
        var index = start
        while index != utf8.endIndex {
            let next = utf8.index(after: index)
            if utf8[index] == 0x0A, next != utf8.endIndex, utf8[next] == 0x0A {
                if keepingEmpty || start != index { pieces.append(self[start..<index]) }
                index = utf8.index(after: next)
                start = index
            } else {
                index = next
            }
        }
        if keepingEmpty || start != utf8.endIndex { pieces.append(self[start..<utf8.endIndex]) }
        return pieces
    }

    /// The text without whitespace `Character`s at either end, as a view (`trimmingWhitespace` copies).
    var whitespaceTrimmed: SubSequence {
        var start = startIndex
        var end = endIndex
        while start < end, self[start].isWhitespace { start = index(after: start) }
        while start < end {
            let before = index(before: end)
            guard self[before].isWhitespace else { break }
            end = before
        }
        return self[start..<end]
    }

    /// Whether the text has at least `count` words (runs of characters between ASCII whitespace).
    func hasWords(atLeast count: Int) -> Bool {
        var words = 0
        var inWord = false
        for byte in utf8 {
            if byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D {
                inWord = false
            } else if !inWord {
                inWord = true
                words += 1
                if words >= count { return true }
            }
        }
        return count <= 0
    }

    /// Whether any character is 0–9 (the regexes of numbered forms need one).
    var hasASCIIDigit: Bool { utf8.contains { $0 >= 0x30 && $0 <= 0x39 } }

    /// Whether the text has a straight or left double quote (where a defined term can start).
    var containsOpeningQuote: Bool {
        var previous: (UInt8, UInt8) = (0, 0)
        for byte in utf8 {
            if byte == 0x22 { return true }
            // “ is E2 80 9C in UTF-8.
            if byte == 0x9C, previous == (0xE2, 0x80) { return true }
            previous = (previous.1, byte)
        }
        return false
    }
}

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
        searchUTF8(for: needle, with: Self.search)
    }

    /// Whether `lowercaseNeedle` (lower-case ASCII) occurs in the string with ASCII letters of
    /// either case ("whereas" finds "WHEREAS" and "Whereas").
    func containsASCIICaseInsensitive(_ lowercaseNeedle: String) -> Bool {
        searchUTF8(for: lowercaseNeedle, with: Self.foldedSearch)
    }

    /// `search` run over the needle's bytes and the string's (copied only when not contiguous);
    /// an empty needle is always found.
    private func searchUTF8(
        for needle: String, with search: (UnsafeBufferPointer<UInt8>, UnsafeBufferPointer<UInt8>) -> Bool
    ) -> Bool {
        var needle = needle
        return needle.withUTF8 { needleBytes in
            guard !needleBytes.isEmpty else { return true }
            if let found = utf8.withContiguousStorageIfAvailable({ search(needleBytes, $0) }) { return found }
            return Array(utf8).withUnsafeBufferPointer { search(needleBytes, $0) }
        }
    }

    private static func search(_ needle: UnsafeBufferPointer<UInt8>, in haystack: UnsafeBufferPointer<UInt8>) -> Bool {
        haystack.firstOffset(of: needle) != nil
    }

    private static func foldedSearch(_ needle: UnsafeBufferPointer<UInt8>, in haystack: UnsafeBufferPointer<UInt8>)
        -> Bool
    {
        guard haystack.count >= needle.count else { return false }
        let first = needle[0]
        for start in 0...(haystack.count - needle.count) where haystack[start].asciiLowercased == first {
            var offset = 1
            while offset < needle.count && haystack[start + offset].asciiLowercased == needle[offset] { offset += 1 }
            if offset == needle.count { return true }
        }
        return false
    }
}

extension UnsafeBufferPointer<UInt8> {
    /// The first offset at or after `lower` where `needle` starts and ends at or before `upper`
    /// (the end of the buffer when `nil`); `nil` when there is none or `needle` is empty.
    func firstOffset(of needle: UnsafeBufferPointer<UInt8>, from lower: Int = 0, to upper: Int? = nil) -> Int? {
        guard let base = baseAddress, let target = needle.baseAddress, !needle.isEmpty else { return nil }
        let last = Swift.min(upper ?? count, count) - needle.count
        var offset = Swift.max(lower, 0)
        // memchr finds each candidate first byte (glibc's memmem is not visible to Swift); memcmp
        // confirms it.
        while offset <= last {
            guard let hit = memchr(base + offset, Int32(target.pointee), last - offset + 1) else { return nil }
            let position = UnsafePointer<UInt8>(hit.assumingMemoryBound(to: UInt8.self)) - base
            if memcmp(base + position, target, needle.count) == 0 { return position }
            offset = position + 1
        }
        return nil
    }
}

extension UInt8 {
    /// The byte with A–Z lower-cased and every other byte as it is (UTF-8 continuation and lead
    /// bytes are never in that range, so this is safe on any UTF-8 text).
    var asciiLowercased: UInt8 { self >= 0x41 && self <= 0x5A ? self | 0x20 : self }
}

extension String {
    /// A string of the given Unicode scalars (a slice of an array the scanners index into).
    init(scalars: some Sequence<Unicode.Scalar>) {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        self.init(view)
    }
}

extension UnsafeBufferPointer<UInt8> {
    /// The scalar whose UTF-8 starts at `index` and its length in bytes.
    ///
    /// The bytes must be valid UTF-8 (a Swift string's always are).
    @inline(__always)
    func scalar(at index: Int) -> (Unicode.Scalar, width: Int) {
        let lead = UInt32(self[index])
        let value: UInt32
        let width: Int
        if lead < 0x80 {
            value = lead
            width = 1
        } else if lead < 0xE0 {
            value = (lead & 0x1F) << 6 | UInt32(self[index + 1] & 0x3F)
            width = 2
        } else if lead < 0xF0 {
            value = (lead & 0x0F) << 12 | UInt32(self[index + 1] & 0x3F) << 6 | UInt32(self[index + 2] & 0x3F)
            width = 3
        } else {
            value =
                (lead & 0x07) << 18 | UInt32(self[index + 1] & 0x3F) << 12 | UInt32(self[index + 2] & 0x3F) << 6
                | UInt32(self[index + 3] & 0x3F)
            width = 4
        }
        return (Unicode.Scalar(value) ?? "\u{FFFD}", width)
    }
}
