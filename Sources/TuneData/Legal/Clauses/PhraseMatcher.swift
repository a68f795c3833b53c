#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Text folded for phrase matching: ASCII letters lower-cased, every run of other ASCII characters
/// one space, with a space at both ends (" neither party may assign this agreement ").
///
/// Bytes, not Characters: the clause table tests every sentence of every contract against a few
/// hundred phrases, and a byte search over folded text keeps that a small share of a conversion.
struct FoldedText: Sendable {
    let bytes: [UInt8]

    init(_ text: some StringProtocol) {
        var bytes: [UInt8] = [0x20]
        bytes.reserveCapacity(text.utf8.count + 2)
        for byte in text.utf8 {
            switch byte {
            case 0x41...0x5A: bytes.append(byte | 0x20)
            case 0x61...0x7A, 0x30...0x39, 0x80...0xFF: bytes.append(byte)
            default: if bytes.last != 0x20 { bytes.append(0x20) }
            }
        }
        if bytes.last != 0x20 { bytes.append(0x20) }
        self.bytes = bytes
    }

    /// Whether `phrase` (already folded, see ``Phrase``) occurs.
    func contains(_ phrase: Phrase) -> Bool {
        firstOffset(of: phrase, from: 0) != nil
    }

    /// How often `phrase` occurs (occurrences do not overlap).
    func count(_ phrase: Phrase) -> Int {
        var count = 0
        var from = 0
        while let offset = firstOffset(of: phrase, from: from) {
            count += 1
            from = offset + max(phrase.bytes.count - 1, 1)
        }
        return count
    }

    /// Every offset at which `phrase` occurs.
    func offsets(of phrase: Phrase) -> [Int] {
        var result: [Int] = []
        var from = 0
        while let offset = firstOffset(of: phrase, from: from) {
            result.append(offset)
            from = offset + 1
        }
        return result
    }

    /// The number of the word starting at a phrase's offset (the count of spaces before it).
    func wordNumber(at offset: Int) -> Int {
        bytes[..<offset].reduce(0) { $0 + ($1 == 0x20 ? 1 : 0) }
    }

    private func firstOffset(of phrase: Phrase, from start: Int) -> Int? {
        let count = phrase.bytes.count
        guard count >= 2, count <= bytes.count - start else { return nil }
        return bytes.withUnsafeBufferPointer { haystack -> Int? in
            phrase.bytes.withUnsafeBufferPointer { needle -> Int? in
                guard let base = haystack.baseAddress, let pattern = needle.baseAddress else { return nil }
                // Every phrase starts with a space, which is everywhere: memchr looks for the byte
                // after it (the first letter), memcmp confirms the whole phrase from the space before.
                let letter = Int32(needle[1])
                var offset = start + 1
                let last = haystack.count - count + 1
                while offset <= last {
                    guard let hit = memchr(base + offset, letter, last - offset + 1) else { return nil }
                    let position = UnsafePointer<UInt8>(hit.assumingMemoryBound(to: UInt8.self)) - base
                    // The byte after the letter rules out most candidates without a call.
                    if count < 3 || base[position + 1] == needle[2],
                        memcmp(base + position - 1, pattern, count) == 0
                    {
                        return position - 1
                    }
                    offset = position + 1
                }
                return nil
            }
        }
    }
}

/// A phrase of the clause table: words that must occur together, whole words unless the last ends
/// in `*` ("assign*" matches "assign", "assigns", "assignment").
struct Phrase: Sendable, Hashable {
    let bytes: [UInt8]
    /// The ``WordIndex`` keys of its words (a prefix's key for a last word ending in `*`).
    let keys: [UInt64]

    init(_ source: String) {
        let isPrefix = source.hasSuffix("*")
        let folded = FoldedText(isPrefix ? String(source.dropLast()) : source).bytes
        bytes = isPrefix ? Array(folded.dropLast()) : folded
        keys = WordIndex.keys(of: folded)
    }
}

/// The words of a folded text as hashes, with every prefix of three letters or more, so a phrase
/// one of whose words is absent is ruled out by a set lookup instead of a search of the text.
///
/// A passage is tested against every phrase of the clause table (about 1,500); most of them fail,
/// and a failing byte search reads the whole passage.
struct WordIndex: Sendable {
    private var hashes: Set<UInt64> = []

    init(_ text: FoldedText) {
        hashes.reserveCapacity(text.bytes.count)
        Self.forEachKey(of: text.bytes, prefixes: true) { hashes.insert($0) }
    }

    /// Whether every word of the phrase occurs (then the byte search decides whether they are adjacent).
    func mayContain(_ phrase: Phrase) -> Bool {
        phrase.keys.allSatisfy(hashes.contains)
    }

    /// Words shorter than this are not indexed ("of", "to": nearly every passage has them).
    private static let minimumLength = 3

    /// The keys of a folded phrase's words (its last word as written is also a prefix's key).
    static func keys(of folded: [UInt8]) -> [UInt64] {
        var keys: [UInt64] = []
        forEachKey(of: folded, prefixes: false) { keys.append($0) }
        return keys
    }

    /// FNV-1a over each word, calling `body` with each word's hash (and, with `prefixes`, each prefix's).
    private static func forEachKey(of bytes: [UInt8], prefixes: Bool, _ body: (UInt64) -> Void) {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        var length = 0
        // Folded text ends with a space, which ends its last word.
        for byte in bytes {
            if byte == 0x20 {
                if !prefixes, length >= minimumLength { body(hash) }
                hash = 0xcbf2_9ce4_8422_2325
                length = 0
                continue
            }
            hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
            length += 1
            if prefixes, length >= minimumLength { body(hash) }
        }
    }
}

/// A sentence pattern: every slot must match one of its phrases ("assign* & consent|approval").
struct PhrasePattern: Sendable {
    let slots: [[Phrase]]
    /// How many words apart the slots' phrases may start (nil: anywhere in the sentence).
    let window: Int?

    /// Parses the table's notation: slots separated by `&`, alternatives by `|`.
    init(_ source: String, window: Int? = nil) {
        slots = source.split(separator: "&").map { slot in
            slot.split(separator: "|").map { Phrase(String($0).trimmingWhitespace) }
        }
        self.window = window
    }

    func matches(_ text: FoldedText) -> Bool {
        guard slots.allSatisfy({ slot in slot.contains { text.contains($0) } }) else { return false }
        guard let window, slots.count > 1 else { return true }
        return matchesWithin(window, text)
    }

    /// Whether one phrase of every slot starts within `window` words of one phrase of the first slot.
    private func matchesWithin(_ window: Int, _ text: FoldedText) -> Bool {
        let starts = slots.map { slot in slot.flatMap { text.offsets(of: $0) }.map { text.wordNumber(at: $0) } }
        return starts[0].contains { anchor in
            starts.dropFirst().allSatisfy { list in list.contains { abs($0 - anchor) <= window } }
        }
    }

    /// The same test with a word index of the text, which rules out most phrases without a search.
    func matches(_ text: FoldedText, words: WordIndex) -> Bool {
        slots.allSatisfy { slot in slot.contains { words.mayContain($0) && text.contains($0) } }
    }
}
