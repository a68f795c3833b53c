import Foundation
import Testing

@testable import TuneData

@Suite struct GzipTests {
    /// `gzip.compress(b"hello gzip\n", mtime=0)` from Python.
    static let hello = Data([
        31, 139, 8, 0, 0, 0, 0, 0, 2, 3, 203, 72, 205, 201, 201, 87, 72, 175, 202, 44, 224, 2, 0, 57, 124, 99, 86, 11,
        0, 0, 0,
    ])
    /// `gzip.compress(b"second member\n", mtime=0)`.
    static let second = Data([
        31, 139, 8, 0, 0, 0, 0, 0, 2, 3, 43, 78, 77, 206, 207, 75, 81, 200, 77, 205, 77, 74, 45, 226, 2, 0, 54, 24,
        75, 14, 14, 0, 0, 0,
    ])

    @Test func inflatesOneMember() throws {
        #expect(Gzip.isCompressed(Self.hello))
        #expect(try Gzip.decompress(Self.hello, limit: 1 << 20) == Data("hello gzip\n".utf8))
    }

    @Test func concatenatedMembersInflateInOrder() throws {
        let both = try Gzip.decompress(Self.hello + Self.second, limit: 1 << 20)
        #expect(String(decoding: both, as: UTF8.self) == "hello gzip\nsecond member\n")
    }

    @Test func outputOverTheLimitIsRefused() {
        #expect(throws: ExtractionError.self) { try Gzip.decompress(Self.hello, limit: 4) }
    }

    @Test func damagedStreamIsCorrupt() {
        var damaged = Self.hello
        damaged.replaceSubrange(12..<20, with: [UInt8](repeating: 0xFF, count: 8))
        #expect(throws: ExtractionError.self) { try Gzip.decompress(damaged, limit: 1 << 20) }
        #expect(!Gzip.isCompressed(Data("plain".utf8)))
    }
}
