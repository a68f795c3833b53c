import Foundation
import Testing
@testable import Tokenizer

/// Byte-level BPE from a hand-written `tokenizer.json`.
@Suite struct HuggingFaceBPETests {
    /// A tokenizer whose merges make "ab" and " ab" (written "Ġab") single tokens.
    static let json = #"""
        {"version":"1.0","normalizer":null,
         "pre_tokenizer":{"type":"ByteLevel","add_prefix_space":false,"trim_offsets":true,"use_regex":true},
         "model":{"type":"BPE","vocab":{"a":0,"b":1,"Ġ":2,"ab":3,"Ġab":4},"merges":["a b","Ġ ab"]}}
        """#

    static func write(_ text: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("tokenizer-\(UUID().uuidString).json")
        try Data(text.utf8).write(to: url)
        return url
    }

    @Test(arguments: [("ab", 1), ("ab ab", 2), ("ba", 2), ("abab", 2), (" ab", 1), ("a  b", 4), ("", 0)])
    func mergesLowestRankFirstWithinEachPiece(_ text: String, _ expected: Int) throws {
        let url = try Self.write(Self.json)
        defer { try? FileManager.default.removeItem(at: url) }
        #expect(try HuggingFaceBPE(contentsOf: url).count(text) == expected)
    }

    @Test func bytesOutsideTheMergesCountOneEach() throws {
        let url = try Self.write(Self.json)
        defer { try? FileManager.default.removeItem(at: url) }
        // "é" is two UTF-8 bytes, each its own byte-level symbol.
        #expect(try HuggingFaceBPE(contentsOf: url).count("é") == 2)
    }

    @Test func theByteLevelAlphabetIsGPT2s() {
        let alphabet = HuggingFaceBPE.byteLevelAlphabet()
        #expect(alphabet[Int(UInt8(ascii: " "))] == "Ġ")
        #expect(alphabet[Int(UInt8(ascii: "A"))] == "A")
        #expect(alphabet[10] == "Ċ")
        #expect(Set(alphabet).count == 256)
    }

    @Test(arguments: [
        (#"{"model":{"type":"Unigram","vocab":[]}}"#, "model.type is not BPE"),
        (
            #"{"normalizer":{"type":"NFC"},"model":{"type":"BPE","vocab":{},"merges":[]},"pre_tokenizer":{"type":"ByteLevel"}}"#,
            "normalizer"
        ),
        (#"{"model":{"type":"BPE","vocab":{},"merges":[]},"pre_tokenizer":{"type":"Metaspace"}}"#, "Metaspace"),
    ])
    func otherTokenizersAreRefusedWithTheReason(_ text: String, _ reason: String) throws {
        let url = try Self.write(text)
        defer { try? FileManager.default.removeItem(at: url) }
        #expect {
            try HuggingFaceBPE(contentsOf: url)
        } throws: { error in
            "\(error)".contains(reason)
        }
    }
}
