import Foundation
import Testing
@testable import Tokenizer

/// The shipped vocabularies: the exact files OpenAI publishes, loaded completely.
@Suite struct VocabularyTests {
    static let sha256: [EncodingName: String] = [
        .cl100kBase: "223921b76ee99bde995b7ff738513eef100fb51d18c93597a113bcffe865b2a7",
        .o200kBase: "446a9538cb6c348e3516120d7c08b09f57c36495e2acfffe59a5bf8b0cfb1a2d",
    ]

    @Test(arguments: EncodingName.allCases)
    func resourceIsOpenAIsFile(encoding: EncodingName) throws {
        let url = try #require(BPEEncoding.vocabularyURL(encoding))
        let data = try Data(contentsOf: url)
        #expect(SHA256Digest.hex(of: data) == Self.sha256[encoding])
    }

    @Test(arguments: [(EncodingName.cl100kBase, 100_256), (.o200kBase, 199_998)])
    func sizes(encoding: EncodingName, size: Int) {
        #expect(BPEEncoding.shared(encoding).vocabularySize == size)
    }

    @Test(arguments: EncodingName.allCases)
    func everyTokenLooksUpItsOwnRank(encoding: EncodingName) {
        let ranks = BPEEncoding.shared(encoding).ranks
        var mismatches = 0
        for rank in 0..<ranks.count {
            let bytes = ranks.bytes(ofRank: rank)
            if let base = bytes.baseAddress, ranks.rank(base, bytes.count) == UInt32(rank) { continue }
            mismatches += 1
        }
        #expect(mismatches == 0)
    }

    @Test func sharedInstanceIsLoadedOnce() {
        #expect(BPEEncoding.shared(.o200kBase) === BPEEncoding.shared(.o200kBase))
        #expect(BPEEncoding.shared(.cl100kBase).name == .cl100kBase)
    }

    @Test func concurrentEncodingAgrees() async {
        let text = "The Licensee shall pay 1,250 USD within thirty (30) days. 日本語のテキスト.\r\n"
        let expected = BPEEncoding.shared(.o200kBase).encode(text)
        let results = await withTaskGroup(of: [Int].self) { group in
            for _ in 0..<8 { group.addTask { BPEEncoding.shared(.o200kBase).encode(text) } }
            return await group.reduce(into: [[Int]]()) { $0.append($1) }
        }
        #expect(results.count == 8)
        #expect(results.allSatisfy { $0 == expected })
    }

    @Test func malformedVocabularyIsRejected() {
        #expect(throws: VocabularyError.malformedLine(2)) {
            try RankTable(tiktokenData: Data("IQ== 0\nIg== 5\n".utf8))
        }
        #expect(throws: VocabularyError.malformedLine(1)) {
            try RankTable(tiktokenData: Data("I!== 0\n".utf8))
        }
    }
}
