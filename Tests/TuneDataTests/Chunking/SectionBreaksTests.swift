import Testing
import Tokenizer
@testable import TuneData

@Suite struct SectionBreaksTests {
    @Test func ranksFollowTheClauseNesting() {
        let ranks = SectionBreaks.ranks(of: [
            "The Supplier shall:", "(a) deliver the goods;", "(b) install them as follows:", "(i) on site;",
            "(ii) within ten days; and", "(c) train the staff.", "Fees are due monthly.",
        ])
        #expect(ranks == [.prose, .topClause, .topClause, .nestedClause, .nestedClause, .topClause, .prose])
    }

    @Test func aListInsideProseParagraphsIsNestedInThem() {
        let ranks = SectionBreaks.ranks(of: [
            "Customer shall not:", "(i) copy the Software;", "(ii) modify it.", "Cisco may audit.",
            "Customer Records. Customer grants access.", "Term. This Agreement lasts a year.",
        ])
        #expect(ranks == [.topClause, .nestedClause, .nestedClause, .topClause, .topClause, .topClause])
    }

    @Test func aParagraphThatGoesOnWithTheSentenceBeforeItIsNoPlaceToStart() {
        let ranks = SectionBreaks.ranks(of: ["5.2 Arbitration: any dispute shall be", "between the Parties, settled."])
        #expect(ranks == [.topClause, .insideParagraph])
    }

    @Test func aPieceEndsBeforeTheLastTopClauseThatFitsRatherThanInsideIt() {
        // (a) 30, (b) 30, (b)(i) 30, (b)(ii) 30 tokens with a budget of 100: filling to the budget
        // would cut before (b)(ii); the cut moves back to (b).
        let units = [SectionBreaks.Rank.topClause, .topClause, .nestedClause, .nestedClause].map {
            SectionBreaks.Unit(tokens: 30, startsParagraph: true, rank: $0)
        }
        #expect(SectionBreaks.planned(units: units, budget: 100) == [1])
    }

    @Test func theCutDoesNotLeaveAPieceWithLessThanAQuarterOfTheBudget() {
        // Moving back to (b) would leave (a)'s 10 tokens alone: the piece is cut at the budget instead.
        let units = [
            SectionBreaks.Unit(tokens: 10, startsParagraph: true, rank: .topClause),
            SectionBreaks.Unit(tokens: 40, startsParagraph: true, rank: .topClause),
            SectionBreaks.Unit(tokens: 40, startsParagraph: true, rank: .nestedClause),
            SectionBreaks.Unit(tokens: 40, startsParagraph: true, rank: .nestedClause),
        ]
        #expect(SectionBreaks.planned(units: units, budget: 100) == [3])
    }

    @Test func aLongListIsCutBeforeItsOwnClauses() {
        let item = "the Supplier shall keep complete and accurate records of all deliveries made under this Agreement"
        let nested = (1...4).map { "(\(["i", "ii", "iii", "iv"][$0 - 1])) \(item) in the territory;" }
        var paragraphs =
            ["(a) \(item), and shall keep them for seven years after the end of the Term;", "(b) \(item), namely:"]
            + nested + ["(c) \(item)."]
        paragraphs.insert("Section 7 Records", at: 0)
        let document = ChunkerTests.document(paragraphs.map { Block(kind: .paragraph, text: $0, page: 1) })
        let passages = Chunker(options: ChunkingOptions(maxTokens: 80, minTokens: 0)).passages(of: document)
        // Filled to the budget, the second piece would open at (b)(ii); it opens at (b), and the
        // third at the nested clause that no longer fits with it.
        #expect(passages.map { String($0.text.prefix(5)) } == ["(a) t", "(b) t", "(iii)"])
        #expect(passages.map(\.label) == ["Section 7(a)", "Section 7(b) up to (ii)", "Section 7(b)(iii)–(c)"])
        let encoding = BPEEncoding.shared(.o200kBase)
        for passage in passages { #expect(encoding.count(passage.text) <= 80) }
    }
}
