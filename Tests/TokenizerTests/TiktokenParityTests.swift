import Foundation
import Testing
import Tokenizer

/// Ids identical to tiktoken 0.14's `encode_ordinary` on the recorded fixture.
@Suite struct TiktokenParityTests {
    @Test func fixtureLoads() throws {
        let fixture = try #require(ExpectedTokens.shared, "Fixtures/expected.json missing or unreadable")
        #expect(fixture.tiktoken == "0.14.0")
        #expect(fixture.hardCases.count >= 30)
        #expect(fixture.largeCases.count == 5)
    }

    @Test(arguments: ExpectedTokens.hardCaseNames, EncodingName.allCases)
    func hardCase(name: String, encoding: EncodingName) throws {
        let hardCase = try #require(ExpectedTokens.shared?.hardCases.first { $0.name == name })
        let expected = try #require(hardCase.ids[encoding.rawValue])
        let tokenizer = BPEEncoding.shared(encoding)
        let ids = tokenizer.encode(hardCase.text)
        #expect(ids == expected, "\(name) (\(encoding.rawValue))")
        #expect(tokenizer.count(hardCase.text) == expected.count)
        #expect(tokenizer.decode(ids) == Array(hardCase.text.utf8))
    }

    @Test(arguments: ExpectedTokens.largeCaseNames, EncodingName.allCases)
    func largeCase(name: String, encoding: EncodingName) throws {
        let largeCase = try #require(ExpectedTokens.shared?.largeCases.first { $0.name == name })
        let ids = BPEEncoding.shared(encoding).encode(largeCase.text)
        #expect(ids.count == largeCase.count[encoding.rawValue])
        #expect(Array(ids.prefix(16)) == largeCase.firstIDs[encoding.rawValue])
        #expect(fnv1a64(ids) == largeCase.fnv1a64[encoding.rawValue])
    }

    @Test(.enabled(if: Corpus.isAvailable, "needs ../shared/corpus"), arguments: EncodingName.allCases)
    func corpusSamples(encoding: EncodingName) throws {
        let samples = try #require(ExpectedTokens.shared?.corpusSamples)
        #expect(samples.count == 3)
        for sample in samples {
            let data = try Data(contentsOf: Corpus.root.appendingPathComponent(sample.path))
            let ids = BPEEncoding.shared(encoding).encode(String(decoding: data, as: UTF8.self))
            #expect(ids.count == sample.count[encoding.rawValue], "\(sample.path)")
            #expect(fnv1a64(ids) == sample.fnv1a64[encoding.rawValue], "\(sample.path)")
        }
    }

    @Test(arguments: EncodingName.allCases)
    func chatCount(encoding: EncodingName) throws {
        let chat = try #require(ExpectedTokens.shared?.chat)
        let turns = try chat.messages.map { message in
            ChatTurn(
                role: try #require(message["role"]), content: try #require(message["content"]), name: message["name"])
        }
        #expect(BPEEncoding.shared(encoding).chatTokenCount(turns) == chat.count[encoding.rawValue])
    }
}
