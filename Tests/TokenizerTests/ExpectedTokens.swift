import Foundation
import Tokenizer

/// The ids tiktoken gave for the fixture (`Fixtures/expected.json`, written by `make_expected.py`).
struct ExpectedTokens: Decodable {
    /// A small text and its ids per encoding.
    struct HardCase: Decodable {
        var name: String
        var text: String
        var ids: [String: [Int]]
    }

    /// `unit` repeated `repeat` times: token count, FNV-1a 64 hash and first ids per encoding.
    struct LargeCase: Decodable {
        var name: String
        var unit: String
        var `repeat`: Int
        var count: [String: Int]
        var fnv1a64: [String: String]
        var firstIDs: [String: [Int]]

        var text: String { String(repeating: unit, count: `repeat`) }
    }

    /// A corpus file (path relative to `../shared/corpus`): token count and FNV-1a 64 hash.
    struct CorpusSample: Decodable {
        var path: String
        var count: [String: Int]
        var fnv1a64: [String: String]
    }

    /// A conversation and its chat-format token count per encoding.
    struct Chat: Decodable {
        var messages: [[String: String]]
        var count: [String: Int]
    }

    var tiktoken: String
    var hardCases: [HardCase]
    var largeCases: [LargeCase]
    var corpusSamples: [CorpusSample]
    var chat: Chat

    /// The fixture, or `nil` when it cannot be read (a test asserts it can).
    static let shared: ExpectedTokens? = {
        guard let url = Bundle.module.url(forResource: "expected", withExtension: "json", subdirectory: "Fixtures"),
            let data = try? Data(contentsOf: url)
        else { return nil }
        return try? JSONDecoder().decode(ExpectedTokens.self, from: data)
    }()

    static var hardCaseNames: [String] { shared?.hardCases.map(\.name) ?? [] }
    static var largeCaseNames: [String] { shared?.largeCases.map(\.name) ?? [] }
}

/// FNV-1a 64 over the ids, each as 4 little-endian bytes, in hex (as `make_expected.py` computes it).
func fnv1a64(_ ids: [Int]) -> String {
    var hash: UInt64 = 0xCBF2_9CE4_8422_2325
    for id in ids {
        var value = UInt32(truncatingIfNeeded: id)
        for _ in 0..<4 {
            hash = (hash ^ UInt64(value & 0xFF)) &* 0x0000_0100_0000_01B3
            value >>= 8
        }
    }
    let hex = String(hash, radix: 16)
    return String(repeating: "0", count: 16 - hex.count) + hex
}

/// The shared corpus beside the package (`../shared/corpus`), when present.
enum Corpus {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("shared/corpus")

    static var isAvailable: Bool {
        FileManager.default.fileExists(atPath: root.appendingPathComponent("legal-pdf/cuad/txt").path)
    }
}
