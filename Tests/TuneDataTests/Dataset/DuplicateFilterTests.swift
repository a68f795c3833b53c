import Foundation
import Testing
@testable import TuneData

@Suite struct DuplicateFilterTests {
    @Test func foldingIgnoresCasePunctuationAndWhitespace() {
        #expect(WordFolding.folded("  The Tenant, shall—pay\n\tRENT (monthly).") == "the tenant shall pay rent monthly")
        #expect(WordFolding.folded("Café  ÉTÉ: 12€") == "café été 12")
        #expect(WordFolding.folded("“Licensee’s” ΣΟΦΙΑ § 2.1—Ⅻ") == "licensee s σοφια 2 1 ⅻ")
    }

    @Test func exactDuplicatesByConversationAndByAnswer() {
        let examples = [
            Sample.example("What is the term?", "The term is five years.", passage: 0),
            Sample.example("WHAT is the term", "the term is five years", passage: 1),  // same conversation
            Sample.example("How long does it last?", "The term is five years!", passage: 2),  // same answer
            Sample.example("How long does it last?", "Until terminated.", passage: 3),
        ]
        let matches = ExactDuplicateFilter().matches(in: examples)
        #expect(matches.map(\.index) == [1, 2])
        #expect(matches.map(\.original) == [0, 0])
        #expect(matches.map(\.kind) == [.conversation, .answer])
        let withoutAnswers = ExactDuplicateFilter(includeAnswers: false).matches(in: examples)
        #expect(withoutAnswers.map(\.index) == [1])
    }

    @Test func messageBoundariesMatter() {
        let a = Sample.example("one two", "three", passage: 0)
        let b = Sample.example("one", "two three", passage: 1)
        #expect(ExactDuplicateFilter(includeAnswers: false).matches(in: [a, b]).isEmpty)
    }

    @Test func bandingForDefaultThreshold() {
        let banding = NearDuplicateFilter.banding(threshold: 0.8, permutations: 128)
        #expect(banding.bands == 21)
        #expect(banding.rows == 6)
    }

    @Test func signatureSimilarityTracksExactJaccard() {
        let hasher = MinHasher()
        let a = Self.paragraphs[0]
        let b = a.replacingOccurrences(of: "thirty", with: "sixty")
        let exact = hasher.exactSimilarity(a, b)
        let sa = hasher.compactSignature(of: a), sb = hasher.compactSignature(of: b)
        let estimate = sa.withUnsafeBufferPointer { x in
            sb.withUnsafeBufferPointer { y in MinHasher.estimatedSimilarity(x, y) }
        }
        #expect(exact > 0.7 && exact < 1)
        #expect(abs(estimate - exact) < 0.15)
        #expect(hasher.exactSimilarity(a, a.uppercased()) == 1)
    }

    /// The small version of the near-duplicate benchmark: our own paragraphs, perturbed lightly
    /// (exact Jaccard ≥ 0.85: must be found) and heavily (≤ 0.6: must be kept).
    @Test func nearDuplicatesOfOwnParagraphs() throws {
        let hasher = MinHasher()
        var light: [String] = []
        var heavy: [String] = []
        for paragraph in Self.paragraphs {
            var words = paragraph.split(separator: " ").map(String.init)
            words.swapAt(words.count - 2, words.count - 1)  // one adjacent swap at the end
            light.append(words.joined(separator: "  ") + " ")  // and whitespace changes
            var rewritten = paragraph.split(separator: " ").map(String.init)
            for index in stride(from: 0, to: rewritten.count, by: 8) { rewritten[index] = "altered\(index)" }
            heavy.append(rewritten.joined(separator: " "))
        }
        for (original, (l, h)) in zip(Self.paragraphs, zip(light, heavy)) {
            #expect(hasher.exactSimilarity(original, l) >= 0.85)
            #expect(hasher.exactSimilarity(original, h) <= 0.6)
        }
        let items = Self.paragraphs + light + heavy
        let matches = NearDuplicateFilter(threshold: 0.8).matches(count: items.count) { items[$0] }
        let n = Self.paragraphs.count
        #expect(Set(matches.map(\.index)) == Set(n..<(2 * n)))
        for match in matches { #expect(match.original == match.index - n) }
    }

    @Test func textsWithoutWordsAreNeverNearDuplicates() {
        let items = ["", "—", Self.paragraphs[0]]
        #expect(NearDuplicateFilter().matches(count: items.count) { items[$0] }.isEmpty)
    }

    static let paragraphs = [
        "The Supplier shall deliver the Goods to the Delivery Location within thirty days of the Purchase Order date and shall bear all risk of loss until the Goods are accepted in writing by the Customer after inspection at the Delivery Location during normal business hours",
        "Either party may terminate this Agreement upon ninety days prior written notice to the other party if the other party materially breaches any provision of this Agreement and fails to cure such breach within the notice period specified herein",
        "All Confidential Information disclosed by the Disclosing Party shall remain the property of the Disclosing Party and the Receiving Party shall not use such information for any purpose other than the performance of its obligations under this Agreement",
        "The Licensee shall pay the Licensor a royalty equal to five percent of Net Sales of Licensed Products sold in the Territory during each calendar quarter, payable within forty five days after the end of such quarter together with a written report",
        "This Agreement shall be governed by and construed in accordance with the laws of the State of Delaware without regard to its conflict of laws principles and the parties submit to the exclusive jurisdiction of the courts located in Wilmington",
        "Neither party shall be liable for any failure or delay in performance caused by events beyond its reasonable control including fire flood earthquake war terrorism labor disputes or governmental action provided that the affected party gives prompt notice",
    ]
}
