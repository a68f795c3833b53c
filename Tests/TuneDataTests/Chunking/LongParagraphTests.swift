import Testing
import Tokenizer
@testable import TuneData

/// A document that is one enormous paragraph: cut into sentences without encoding the paragraph
/// whole, and every passage's count still exact.
@Suite struct LongParagraphTests {
    static func paragraph(sentences: Int) -> String {
        let openings = [
            "The Licensee shall", "Each party may", "No provision of this Agreement will", "(a) The Supplier must",
        ]
        return (0..<sentences).map { index in
            "\(openings[index % openings.count]) perform obligation \(index) under Section \(index % 9 + 1).\(index % 7) "
                + "within “thirty” days, e.g. by 1 March, unless U.S. law requires otherwise."
        }.joined(separator: " ")
    }

    @Test(arguments: [EncodingName.o200kBase, .cl100kBase], [0, 40])
    func passagesOfOneParagraphHaveExactCountsWithinTheBudget(encoding: EncodingName, overlap: Int) {
        let text = Self.paragraph(sentences: 3_000)
        #expect(text.utf8.count > 512 * Chunker.longestTokenBytes)
        let document = Document(id: "d", source: "d.txt", format: .text, blocks: [Block(kind: .paragraph, text: text)])
        let options = ChunkingOptions(maxTokens: 512, minTokens: 0, overlapTokens: overlap, encoding: encoding)
        let passages = Chunker(options: options).passages(of: document)
        let bpe = BPEEncoding.shared(encoding)
        #expect(passages.count > 100)
        for passage in passages {
            #expect(passage.tokenCount == bpe.count(passage.text))
            #expect(passage.tokenCount <= 512)
        }
        #expect(passages.first?.text.hasPrefix("The Licensee shall perform obligation 0") == true)
    }
}
