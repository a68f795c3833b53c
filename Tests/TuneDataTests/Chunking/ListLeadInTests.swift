import Testing
import Tokenizer

@testable import TuneData

@Suite struct ListLeadInTests {
    func piece(_ number: Int, of count: Int, _ text: String, label: String?) -> Passage {
        var passage = Passage(
            documentID: "d", index: number - 1, sectionPath: ["Section 3 Standstill"], label: label,
            heading: "Standstill", text: text, tokenCount: 1, pages: [])
        passage.part = PassagePart(sectionLabel: number == 1 ? "Section 3" : nil, number: number, count: count)
        return passage
    }

    @Test func aPieceStartingInsideAListOpensWithTheListsLeadIn() {
        let leadIn = "(a) Each Investor agrees that neither it nor any of its Affiliates will, directly or indirectly:"
        let pieces = ListLeadIn.repeated(
            in: [
                piece(
                    1, of: 2, "\(leadIn)\n\n(i) acquire any shares;\n\n(ii) call any meeting;",
                    label: "Section 3 up to (a)(ii)"),
                piece(
                    2, of: 2, "(iii) seek a seat on the Board; or\n\n(iv) sue the Company.",
                    label: "Section 3(a)(iii)–(iv)"),
            ], budget: 512, count: { $0.split(separator: " ").count })
        #expect(pieces[1].text == "\(leadIn)\n\n(iii) seek a seat on the Board; or\n\n(iv) sue the Company.")
        #expect(pieces[1].tokenCount == pieces[1].text.split(separator: " ").count)
        #expect(pieces[1].label == "Section 3(a)(iii)–(iv)")
        #expect(pieces[0].text.hasPrefix(leadIn))
    }

    @Test func aPieceThatWouldOutgrowTheBudgetKeepsItsText() {
        let pieces = ListLeadIn.repeated(
            in: [
                piece(1, of: 2, "(a) The Investor will not:\n\n(i) acquire shares;", label: "Section 3 up to (a)(i)"),
                piece(2, of: 2, "(ii) call meetings.", label: "Section 3(a)(ii)"),
            ], budget: 5, count: { $0.split(separator: " ").count })
        #expect(pieces[1].text == "(ii) call meetings.")
    }

    @Test func aClosedListOrANumberedSubsectionGetsNoLeadIn() {
        let closed = ListLeadIn.repeated(
            in: [
                piece(
                    1, of: 2, "(a) The Investor will not:\n\n(i) acquire shares.\n\n(b) The Company shall pay.",
                    label: "Section 3 up to (b)"),
                piece(2, of: 2, "(c) The Investor may sell its shares.", label: "Section 3(c)"),
            ], budget: 512, count: { _ in 0 })
        #expect(closed[1].text == "(c) The Investor may sell its shares.")
        let numbered = ListLeadIn.repeated(
            in: [
                piece(
                    1, of: 2, "The parties further agree as follows:\n\n5.1 Notices. Notices are written.",
                    label: "Section 5 up to 5.1"),
                piece(2, of: 2, "5.2 Waiver. No waiver is effective unless written.", label: "Section 5.2"),
            ], budget: 512, count: { _ in 0 })
        #expect(numbered[1].text == "5.2 Waiver. No waiver is effective unless written.")
    }

    /// Within the budget: a later piece with room opens with the lead-in, a full one keeps its text.
    @Test func theChunkerLeadsALaterPieceWithRoomWithItsLeadIn() throws {
        let leadIn = "(a) Each Investor agrees that neither it nor any of its Affiliates will, directly or indirectly:"
        let items = ["i", "ii", "iii", "iv", "v", "vi", "vii"].map {
            "(\($0)) take any action in support of any proposal to change the Board, the management, the capital or the dividend policy of the Company;"
        }
        let document = Document(
            id: "d", source: "standstill.txt", format: .text, title: "Cooperation Agreement",
            blocks: [Block(kind: .heading(level: 2), text: "3. Standstill", page: 1)]
                + ([leadIn] + items).map { Block(kind: .paragraph, text: $0, page: 1) })
        let passages = Chunker(options: ChunkingOptions(maxTokens: 90, minTokens: 0)).passages(of: document)
        let later = passages.filter { ($0.part?.number ?? 1) > 1 }
        #expect(later.contains { $0.text.hasPrefix(leadIn + "\n\n(") })
        let encoding = BPEEncoding.shared(.o200kBase)
        for passage in passages {
            #expect(passage.tokenCount == encoding.count(passage.text))
            #expect(passage.tokenCount <= 90)
        }
    }
}
