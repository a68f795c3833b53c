import Testing

@testable import TuneData

@Suite struct GroundednessCheckTests {
    static let document = Document(
        id: "d", source: "a.txt", format: .text, title: "T",
        blocks: [
            Block(kind: .paragraph, text: "The Licensee shall pay\nthe fees within thirty days."),
            Block(kind: .paragraph, text: "Either party may terminate."),
        ])

    static func context(_ text: String) -> TemplateContext {
        let passage = Passage(
            documentID: "d", index: 0, sectionPath: [], label: nil, heading: nil, text: text, tokenCount: 8, pages: [])
        return TemplateContext(
            document: document, passage: passage, facts: DocumentFacts(document: document, passages: [passage]))
    }

    @Test(
        arguments: [
            ("The Licensee shall pay the fees within thirty days.", true),
            ("The Licensee   shall pay\tthe fees", true),
            ("the fees within thirty days.\n\nEither party may terminate.", true),
            ("The Licensee shall pay double the fees.", false),
            ("the fees within thirty days.\n\nNeither party may terminate.", false),
        ] as [(String, Bool)])
    func answersQuotingThePassageMustBeInTheDocument(passage: String, grounded: Bool) throws {
        let template = try TemplateLoader.parse("name: a\nuser: 'Q'\nassistant: '{{passage.text}}'", file: "a.yaml")
        var check = GroundednessCheck(document: Self.document)
        let first = check.isGrounded(template: template, context: Self.context(passage))
        // A second look gives the remembered verdict.
        let second = check.isGrounded(template: template, context: Self.context(passage))
        #expect(first == grounded)
        #expect(second == grounded)
    }

    @Test func answersThatQuoteNothingAreAlwaysGrounded() throws {
        let template = try TemplateLoader.parse(
            "name: a\nuser: 'Q'\nassistant: 'It is about {{passage.heading}}.'", file: "a.yaml")
        var check = GroundednessCheck(document: Self.document)
        let grounded = check.isGrounded(template: template, context: Self.context("Words the document lacks."))
        #expect(grounded)
    }

    /// A passage far into a long document moves the search cursor; values before it, and values
    /// that straddle the point where the search starts, are still found.
    @Test func valuesBeforeTheLastPassageAreStillFound() throws {
        let filler = String(repeating: "Filler clause text that repeats. ", count: 4_000)
        let late = String(repeating: "The late passage says the supplier shall deliver the goods. ", count: 6)
        let document = Document(
            id: "d", source: "a.txt", format: .text, title: "T",
            blocks: [
                Block(kind: .paragraph, text: "Opening words stand here."),
                Block(kind: .paragraph, text: filler),
                Block(kind: .paragraph, text: late),
            ])
        let template = try TemplateLoader.parse("name: a\nuser: 'Q'\nassistant: '{{passage.text}}'", file: "a.yaml")
        func context(_ text: String) -> TemplateContext {
            let passage = Passage(
                documentID: "d", index: 0, sectionPath: [], label: nil, heading: nil, text: text, tokenCount: 8,
                pages: [])
            return TemplateContext(
                document: document, passage: passage, facts: DocumentFacts(document: document, passages: [passage]))
        }
        var check = GroundednessCheck(document: document)
        #expect(late.utf8.count >= GroundednessCheck.cursorMinimumBytes)
        #expect(filler.utf8.count > GroundednessCheck.cursorSlackBytes)
        let verdicts = [
            late, "Opening words stand here.", "stand here. Filler clause text", "Closing words stand here.",
        ]
        .map { check.isGrounded(template: template, context: context($0)) }
        #expect(verdicts == [true, true, true, false])
    }

    @Test(
        arguments: [
            ("a \n\t b", "a b"), ("  lead and trail  ", "lead and trail"), ("one\r\n\r\ntwo", "one two"), ("", ""),
        ] as [(String, String)])
    func whitespaceFolds(text: String, folded: String) {
        #expect(GroundednessCheck.folded(text) == folded)
    }
}
