import Foundation

/// The mergeable ranks of a BPE vocabulary: token bytes by rank, and a rank lookup by bytes.
///
/// Built once from a `.tiktoken` file (one `base64 rank` pair per line) and never mutated, so it is
/// shared freely across threads. Lookups hash the bytes in place: pieces of up to 8 bytes are packed
/// into a `UInt64` key, longer ones are hashed and compared against the stored bytes. No lookup
/// allocates.
final class RankTable: @unchecked Sendable {
    /// Marks "no such token" in lookups.
    static let absent = UInt32.max

    /// Number of tokens (ranks are `0..<count`).
    let count: Int
    /// Concatenated token bytes; token `r` is `tokenBytes[offsets[r]..<offsets[r + 1]]`.
    private let tokenBytes: UnsafeMutableBufferPointer<UInt8>
    private let offsets: UnsafeMutableBufferPointer<UInt32>
    /// Open-addressing table for tokens of 1...8 bytes, two words per slot (one cache line): the
    /// packed key, then `rank | length << 24` (`absent` when the slot is empty).
    private let shortSlots: UnsafeMutableBufferPointer<UInt64>
    private let shortMask: Int
    /// Open-addressing table for tokens longer than 8 bytes: `fingerprint << 32 | rank` per slot
    /// (`rank == absent` when empty).
    private let longSlots: UnsafeMutableBufferPointer<UInt64>
    private let longMask: Int

    /// Parses `.tiktoken` data; ranks must be dense (`0..<n`), as they are in OpenAI's files.
    init(tiktokenData data: Data) throws(VocabularyError) {
        // Base64 is 4 characters per 3 bytes, so the file size bounds the decoded size.
        let decodedBytes = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: data.count * 3 / 4 + 3)
        var starts: [UInt32] = []
        starts.reserveCapacity(data.count / 8)
        var cursor = 0
        var failure: VocabularyError?
        data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            let bytes = raw.bindMemory(to: UInt8.self)
            var lineStart = 0
            var lineNumber = 0
            while lineStart < bytes.count {
                var lineEnd = lineStart
                while lineEnd < bytes.count, bytes[lineEnd] != 0x0A { lineEnd += 1 }
                lineNumber += 1
                if lineEnd > lineStart {
                    var space = lineStart
                    while space < lineEnd, bytes[space] != 0x20 { space += 1 }
                    starts.append(UInt32(cursor))
                    guard Self.decimal(bytes, from: space + 1, to: lineEnd) == starts.count - 1,
                        let written = Base64.decode(
                            bytes, from: lineStart, to: space, into: decodedBytes.baseAddress.unsafelyUnwrapped + cursor
                        )
                    else {
                        failure = .malformedLine(lineNumber)
                        return
                    }
                    cursor += written
                }
                lineStart = lineEnd + 1
            }
        }
        if let failure {
            decodedBytes.deallocate()
            throw failure
        }
        count = starts.count
        tokenBytes = decodedBytes
        offsets = .allocate(capacity: count + 1)
        for rank in 0..<count { offsets[rank] = starts[rank] }
        offsets[count] = UInt32(cursor)

        var shortCount = 0
        for rank in 0..<count where offsets[rank + 1] - offsets[rank] <= 8 { shortCount += 1 }
        let shortCapacity = Self.tableCapacity(for: shortCount)
        shortSlots = .allocate(capacity: 2 * shortCapacity)
        for slot in 0..<shortCapacity {
            shortSlots[2 * slot] = 0
            shortSlots[2 * slot + 1] = UInt64(Self.absent)
        }
        shortMask = shortCapacity - 1

        let longCapacity = Self.tableCapacity(for: count - shortCount)
        longSlots = .allocate(capacity: longCapacity)
        longSlots.initialize(repeating: UInt64(Self.absent))
        longMask = longCapacity - 1

        for rank in 0..<count {
            let start = Int(offsets[rank])
            let length = Int(offsets[rank + 1]) - start
            let pointer = UnsafePointer(tokenBytes.baseAddress.unsafelyUnwrapped + start)
            if length <= 8 {
                let key = Self.packed(pointer, length)
                var slot = Self.shortSlot(key, length) & shortMask
                while shortSlots[2 * slot + 1] != UInt64(Self.absent) { slot = (slot + 1) & shortMask }
                shortSlots[2 * slot] = key
                shortSlots[2 * slot + 1] = UInt64(UInt32(rank) | UInt32(length) << 24)
            } else {
                let hash = Self.longHash(pointer, length)
                var slot = Int(truncatingIfNeeded: hash) & longMask
                while UInt32(truncatingIfNeeded: longSlots[slot]) != Self.absent { slot = (slot + 1) & longMask }
                longSlots[slot] = (hash >> 32) << 32 | UInt64(rank)
            }
        }
    }

    deinit {
        tokenBytes.deallocate()
        offsets.deallocate()
        shortSlots.deallocate()
        longSlots.deallocate()
    }

    /// The rank of the `length` bytes at `pointer`, or `RankTable.absent`.
    @inline(__always)
    func rank(_ pointer: UnsafePointer<UInt8>, _ length: Int) -> UInt32 {
        if length <= 8 {
            let key = Self.packed(pointer, length)
            var slot = Self.shortSlot(key, length) & shortMask
            while true {
                let value = UInt32(truncatingIfNeeded: shortSlots[2 * slot + 1])
                if value == Self.absent { return Self.absent }
                if shortSlots[2 * slot] == key, Int(value >> 24) == length { return value & 0x00FF_FFFF }
                slot = (slot + 1) & shortMask
            }
        }
        let hash = Self.longHash(pointer, length)
        let fingerprint = UInt32(truncatingIfNeeded: hash >> 32)
        var slot = Int(truncatingIfNeeded: hash) & longMask
        while true {
            let entry = longSlots[slot]
            let rank = UInt32(truncatingIfNeeded: entry)
            if rank == Self.absent { return Self.absent }
            if UInt32(truncatingIfNeeded: entry >> 32) == fingerprint {
                let start = Int(offsets[Int(rank)])
                if Int(offsets[Int(rank) + 1]) - start == length,
                    Self.equal(UnsafePointer(tokenBytes.baseAddress.unsafelyUnwrapped + start), pointer, length)
                {
                    return rank
                }
            }
            slot = (slot + 1) & longMask
        }
    }

    /// The bytes of token `rank` (which must be `< count`).
    func bytes(ofRank rank: Int) -> UnsafeBufferPointer<UInt8> {
        let start = Int(offsets[rank])
        return UnsafeBufferPointer(rebasing: tokenBytes[start..<Int(offsets[rank + 1])])
    }

    // MARK: Hashing

    /// Whether `length` (> 8) bytes at `a` and `b` are equal, compared 8 bytes at a time.
    @inline(__always)
    private static func equal(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, _ length: Int) -> Bool {
        let left = UnsafeRawPointer(a)
        let right = UnsafeRawPointer(b)
        var offset = 0
        while offset + 8 < length {
            if left.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
                != right.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
            {
                return false
            }
            offset += 8
        }
        return left.loadUnaligned(fromByteOffset: length - 8, as: UInt64.self)
            == right.loadUnaligned(fromByteOffset: length - 8, as: UInt64.self)
    }

    private static func tableCapacity(for count: Int) -> Int {
        var capacity = 16
        while capacity < count * 2 { capacity <<= 1 }
        return capacity
    }

    /// Up to 8 bytes, little-endian, zero-padded.
    @inline(__always)
    private static func packed(_ pointer: UnsafePointer<UInt8>, _ length: Int) -> UInt64 {
        if length == 8 { return UInt64(littleEndian: UnsafeRawPointer(pointer).loadUnaligned(as: UInt64.self)) }
        var key: UInt64 = 0
        var index = 0
        while index < length {
            key |= UInt64(pointer[index]) << (8 * UInt64(index))
            index += 1
        }
        return key
    }

    @inline(__always)
    private static func shortSlot(_ key: UInt64, _ length: Int) -> Int {
        let mixed = (key ^ UInt64(length) &<< 61) &* 0x9E37_79B9_7F4A_7C15
        return Int(truncatingIfNeeded: mixed >> 40)
    }

    /// A hash of more than 8 bytes from the first and last 8 bytes and the length.
    @inline(__always)
    private static func longHash(_ pointer: UnsafePointer<UInt8>, _ length: Int) -> UInt64 {
        let raw = UnsafeRawPointer(pointer)
        let head = UInt64(littleEndian: raw.loadUnaligned(as: UInt64.self))
        let tail = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: length - 8, as: UInt64.self))
        var hash = (head &* 0x9E37_79B9_7F4A_7C15) ^ (tail &* 0xC2B2_AE3D_27D4_EB4F) ^ UInt64(length)
        hash ^= hash >> 29
        hash = hash &* 0xBF58_476D_1CE4_E5B9
        hash ^= hash >> 32
        return hash
    }

    private static func decimal(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Int? {
        guard start < end else { return nil }
        var value = 0
        for index in start..<end {
            let digit = Int(bytes[index]) - 48
            guard (0...9).contains(digit) else { return nil }
            value = value * 10 + digit
        }
        return value
    }
}

/// Standard base64 (RFC 4648, with padding), as used by `.tiktoken` files.
enum Base64 {
    /// Decodes `bytes[start..<end]` into `output`; the number of bytes written, or `nil` when invalid.
    static func decode(
        _ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int, into output: UnsafeMutablePointer<UInt8>
    ) -> Int? {
        guard (end - start) % 4 == 0 else { return nil }
        var written = 0
        var index = start
        while index < end {
            var quad: UInt32 = 0
            var padding = 0
            for offset in 0..<4 {
                let byte = bytes[index + offset]
                let value: UInt32
                switch byte {
                case 0x41...0x5A: value = UInt32(byte - 0x41)
                case 0x61...0x7A: value = UInt32(byte - 0x61 + 26)
                case 0x30...0x39: value = UInt32(byte - 0x30 + 52)
                case 0x2B: value = 62
                case 0x2F: value = 63
                case 0x3D where index + 4 == end && offset >= 2:
                    value = 0
                    padding += 1
                default: return nil
                }
                guard padding == 0 || value == 0 else { return nil }
                quad = quad << 6 | value
            }
            output[written] = UInt8(truncatingIfNeeded: quad >> 16)
            if padding < 2 { output[written + 1] = UInt8(truncatingIfNeeded: quad >> 8) }
            if padding < 1 { output[written + 2] = UInt8(truncatingIfNeeded: quad) }
            written += 3 - padding
            index += 4
        }
        return written
    }
}

/// Why a vocabulary could not be loaded.
public enum VocabularyError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The vocabulary file is not among the package's resources.
    case missingResource(String)
    /// A line of the `.tiktoken` file is not `base64 rank` with the next rank in order.
    case malformedLine(Int)

    public var description: String {
        switch self {
        case .missingResource(let name): "vocabulary resource \(name) not found in the Tokenizer bundle"
        case .malformedLine(let line): "malformed .tiktoken line \(line)"
        }
    }
}
