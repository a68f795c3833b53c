import Foundation

/// Hides a PDF's `/OutputIntents` from poppler, in memory, so it does not rebuild an ICC colour
/// transform (lcms2) for every page.
///
/// PDF/A and many print-ready files carry an output intent with an ICC `DestOutputProfile`;
/// poppler parses that profile and builds a transform each time it renders or extracts a page,
/// which is most of the time spent on such files. Text extraction never needs colours, so the key
/// is renamed to `/OutputIntentz` (same length: every byte offset in the xref stays valid) wherever
/// it is stored uncompressed as a dictionary key. A catalog inside a compressed object stream is
/// left alone (it keeps the slow path; ``neutralized(_:)`` reports that by returning `nil`).
/// The file on disk is never touched.
enum PDFOutputIntents {
    /// The environment variable that turns the workaround off (for benchmarks and identity tests).
    static let disableVariable = "TUNEDATA_KEEP_OUTPUT_INTENTS"

    /// Whether the workaround is on in this process.
    static var isEnabled: Bool { ProcessInfo.processInfo.environment[disableVariable] != "1" }

    private static let key = Array("/OutputIntents".utf8)

    /// The bytes with every uncompressed `/OutputIntents` key renamed, or `nil` when there is none.
    static func neutralized(_ data: Data) -> Data? {
        let offsets = data.withUnsafeBytes { raw -> [Int] in
            let bytes = raw.bindMemory(to: UInt8.self)
            return keyOffsets(in: bytes)
        }
        guard !offsets.isEmpty else { return nil }
        var copy = data
        let last = copy.startIndex + key.count - 1
        for offset in offsets { copy[last + offset] = UInt8(ascii: "z") }
        return copy
    }

    /// Offsets of `/OutputIntents` occurrences that are dictionary keys: whole names followed by their value (an array
    /// or an indirect reference).
    static func keyOffsets(in bytes: UnsafeBufferPointer<UInt8>) -> [Int] {
        guard bytes.count > key.count else { return [] }
        var offsets: [Int] = []
        var index = 0
        let first = key[0]
        let end = bytes.count - key.count
        while index <= end {
            if bytes[index] == first, bytes[index + 1] == key[1], matches(bytes, at: index) {
                var next = index + key.count
                // The name must end here (next byte is a delimiter or whitespace).
                if next < bytes.count, !isNameTerminator(bytes[next]) {
                    index += 1
                    continue
                }
                while next < bytes.count, isWhitespace(bytes[next]) { next += 1 }
                if next < bytes.count,
                    bytes[next] == UInt8(ascii: "[") || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[next])
                {
                    offsets.append(index)
                }
                index += key.count
            } else {
                index += 1
            }
        }
        return offsets
    }

    private static func matches(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        for offset in 2..<key.count where bytes[index + offset] != key[offset] { return false }
        return true
    }

    private static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 || byte == 0x0C || byte == 0x00
    }

    private static func isNameTerminator(_ byte: UInt8) -> Bool {
        isWhitespace(byte) || Array("[]<>()/%{}".utf8).contains(byte)
    }
}
