import Testing
@testable import TuneData

@Suite struct TemplateLoaderTests {
    @Test func shippedTemplatesLoad() throws {
        let set = try TemplateSet.shipped()
        let older = set.templates.map(\.name).filter { !$0.hasPrefix("legal-clause-") && !$0.hasPrefix("legal-fact-") }
        #expect(
            older.sorted() == [
                "court-opinion-decision", "generic-qa", "heading-summary", "legacy-completion", "legal-definition",
                "legal-section-locate",
                "legal-section-qa",
            ])
        // The templates that ask by issue (clause types and contract facts).
        #expect(set.templates.count { $0.forEach == "clause" } == 9)
        #expect(set.templates.count { $0.forEach == "fact" } == 13)
        #expect(set.forFormat("completion").templates.map(\.name) == ["legacy-completion"])
        #expect(!set.forFormat("chat").templates.contains { $0.name == "legacy-completion" })
    }

    @Test func unknownVariableIsAnErrorWithItsLine() {
        let yaml = """
            name: broken
            user: What does it say?
            assistant: |
              Intro line.
              {{passage.txt}}
            """
        #expect(
            throws: TemplateError(
                file: "broken.yaml", line: 5, message: "unknown variable 'passage.txt' (did you mean 'passage.text'?)")
        ) {
            try TemplateLoader.parse(yaml, file: "broken.yaml")
        }
    }

    @Test func unknownKeyAndMissingFieldsAreErrors() {
        #expect(throws: TemplateError.self) {
            try TemplateLoader.parse("name: a\nuser: q\nassistant: a\nsystme: x", file: "a.yaml")
        }
        #expect(throws: TemplateError(file: "a.yaml", line: 1, message: "missing 'assistant'")) {
            try TemplateLoader.parse("name: a\nuser: q", file: "a.yaml")
        }
        #expect(throws: TemplateError.self) {
            try TemplateLoader.parse("name: a\nuser: '{{#passage.text}}'\nassistant: a", file: "a.yaml")
        }
        #expect(throws: TemplateError.self) {
            try TemplateLoader.parse("name: a\nuser: '{{definition.term}}'\nassistant: a", file: "a.yaml")
        }
    }

    @Test func textIsNotHTMLEscaped() throws {
        let template = try TemplateLoader.parse("name: a\nuser: 'Q'\nassistant: '{{passage.text}}'", file: "a.yaml")
        // Both renderers: the library's (TEXT content type) and the direct one.
        let context: [String: Any] = ["passage": ["text": "A & B <c> \"d\""]]
        #expect(template.assistant.compiled.render(context) == "A & B <c> \"d\"")
        #expect(template.assistant.direct?.render(["passage.text": "A & B <c> \"d\""]) == "A & B <c> \"d\"")
    }
}

@Suite struct TemplateSetTests {
    static let document = Document(
        id: "d1", source: "contracts/services.pdf", format: .pdf, title: "Services Agreement", pageCount: 3,
        blocks: [
            Block(
                kind: .paragraph,
                text:
                    "This Services Agreement (the \"Agreement\") is entered into as of March 1, 2020 by and between Acme Corp., a Delaware corporation (\"Acme\"), and Beta LLC (\"Provider\").",
                page: 1),
            Block(kind: .paragraph, text: "ARTICLE 1 DEFINITIONS", page: 1),
            Block(
                kind: .paragraph,
                text:
                    "\"Confidential Information\" means any information disclosed by one party to the other party under this Agreement.",
                page: 1),
            Block(
                kind: .paragraph,
                text:
                    "12.3 Governing Law. This Agreement is governed by the laws of the State of New York without regard to conflict of laws.",
                page: 3),
        ])

    @Test func rendersGroundedConversationsWithProvenance() throws {
        let passages = Chunker(options: ChunkingOptions(maxTokens: 512, minTokens: 0)).passages(of: Self.document)
        let rendered = try TemplateSet.shipped().forFormat("chat").render(
            document: Self.document, passages: passages, seed: 7)
        #expect(rendered.ungrounded.isEmpty)
        let byTemplate = Dictionary(grouping: rendered.examples, by: \.provenance.template)
        let definitions = try #require(byTemplate["legal-definition"])
        #expect(
            Set(definitions.map { $0.messages[2].content }).contains(
                "\"Confidential Information\" means any information disclosed by one party to the other party under this Agreement."
            ))
        let section = try #require(byTemplate["legal-section-qa"]?.first { $0.provenance.section == "Section 12.3" })
        #expect(section.messages.map(\.role) == [.system, .user, .assistant])
        #expect(
            section.messages[2].content
                == "This Agreement is governed by the laws of the State of New York without regard to conflict of laws."
        )
        #expect(section.messages[1].content.contains("Section 12.3"))
        #expect(section.provenance.pages == [3])
        #expect((1...4).contains(section.provenance.variant))
        let locate = try #require(byTemplate["legal-section-locate"]?.first { $0.provenance.section == "Section 12.3" })
        #expect(
            locate.messages[2].content.hasPrefix(
                "Section 12.3 (Governing Law), in Article 1 Definitions, deals with Governing Law. It begins: \"This Agreement is governed"
            ))
        // The opening passage has no label: generic-qa covers it, legal-section-qa does not.
        #expect(byTemplate["generic-qa"]?.count == 1)
    }

    /// Two sections headed "Meetings" give no "Where is Meetings covered?": it has two answers.
    ///
    /// A heading one section holds still gets its question.
    @Test func aHeadingTwoSectionsShareIsNotAskedAlone() throws {
        let document = Document(
            id: "m1", source: "contracts/collaboration.txt", format: .text, title: "Collaboration Agreement",
            blocks: [
                Block(kind: .heading(level: 1), text: "5.2 Joint Steering Committee"),
                Block(kind: .heading(level: 2), text: "5.2.1 Meetings"),
                Block(kind: .paragraph, text: "The steering committee shall meet at least once each calendar quarter."),
                Block(kind: .heading(level: 1), text: "5.3 Joint Project Team"),
                Block(kind: .heading(level: 2), text: "5.3.1 Meetings"),
                Block(kind: .paragraph, text: "The project team shall meet at least once each calendar month."),
                Block(kind: .heading(level: 2), text: "5.3.2 Minutes"),
                Block(kind: .paragraph, text: "The project team shall keep minutes of each of its meetings."),
            ])
        let passages = Chunker(options: ChunkingOptions(maxTokens: 512, minTokens: 0)).passages(of: document)
        let rendered = try TemplateSet.shipped().forFormat("chat").render(
            document: document, passages: passages, seed: 7)
        let asked = rendered.examples.filter {
            ["legal-section-locate", "heading-summary"].contains($0.provenance.template)
        }
        .map { $0.messages[1].content }
        #expect(!asked.contains { $0.contains("Meetings") })
        #expect(asked.contains { $0.contains("Minutes") })
        #expect(
            rendered.examples.contains {
                $0.provenance.template == "legal-section-qa" && $0.messages[2].content.contains("calendar month")
            })
    }

    @Test func phrasingDependsOnSeedDeterministically() throws {
        let passages = Chunker(options: ChunkingOptions(maxTokens: 512, minTokens: 0)).passages(of: Self.document)
        let set = try TemplateSet.shipped().forFormat("chat")
        let a = set.render(document: Self.document, passages: passages, seed: 1).examples
        let b = set.render(document: Self.document, passages: passages, seed: 1).examples
        #expect(a == b)
        let variants = Set((0..<20).map { TemplateSet.pick(count: 4, seed: UInt64($0), key: "k") })
        #expect(variants.count > 1)
    }

    @Test func answersNotInTheDocumentAreUngrounded() throws {
        let template = try TemplateLoader.parse("name: a\nuser: 'Q'\nassistant: '{{passage.text}}'", file: "a.yaml")
        let passage = Passage(
            documentID: "d1", index: 0, sectionPath: [], label: nil, heading: nil,
            text: "Words the document never says.", tokenCount: 5, pages: [])
        let rendered = TemplateSet(templates: [template]).render(document: Self.document, passages: [passage], seed: 0)
        #expect(rendered.examples.isEmpty)
        #expect(rendered.ungrounded.count == 1)
    }

    @Test func aHeadingThatIsTheDocumentsNameIsNotATopic() throws {
        let template = try TemplateLoader.parse(
            "name: a\nrequires: [passage.heading]\nuser: 'About {{passage.heading}}?'\nassistant: '{{passage.text}}'",
            file: "a.yaml")
        let named = Passage(
            documentID: "d1", index: 0, sectionPath: ["Schedule 4 Services Agreement"], label: "Schedule 4",
            heading: "Services Agreement",
            text:
                "\"Confidential Information\" means any information disclosed by one party to the other party under this Agreement.",
            tokenCount: 20, pages: [1])
        var topic = named
        topic.heading = "Definitions"
        topic.sectionPath = ["Article 1 Definitions"]
        let rendered = TemplateSet(templates: [template]).render(
            document: Self.document, passages: [named, topic], seed: 0)
        #expect(rendered.examples.map { $0.messages[0].content } == ["About Definitions?"])
    }

    @Test func aHeadingThatLeadsIntoTheFirstSentenceIsPartOfTheAnswer() throws {
        let template = try TemplateLoader.parse(
            "name: a\nuser: 'About {{passage.heading}}?'\nassistant: '{{passage.text}}'", file: "a.yaml")
        let items = "2.2.1 it owns the rights in the Material; and\n\n2.2.2 the Material is complete."
        let document = Document(
            id: "d1", source: "escrow.txt", format: .text, title: "Escrow Agreement",
            blocks: [
                Block(kind: .paragraph, text: "2.2 The Owner warrants that"),
                Block(kind: .paragraph, text: "2.2.1 it owns the rights in the Material; and"),
                Block(kind: .paragraph, text: "2.2.2 the Material is complete."),
                Block(kind: .paragraph, text: "9 Termination At Will"),
                Block(kind: .paragraph, text: "Either party may end this Agreement on notice."),
            ])
        func passage(_ heading: String, _ text: String, index: Int, part: PassagePart? = nil) -> Passage {
            var passage = Passage(
                documentID: "d1", index: index, sectionPath: ["2.2 " + heading], label: "Section 2.2",
                heading: heading, text: text, tokenCount: 20, pages: [])
            passage.part = part
            return passage
        }
        let leadIn = passage("The Owner warrants that", items, index: 0)
        let title = passage("Termination At Will", "Either party may end this Agreement on notice.", index: 1)
        let rendered = TemplateSet(templates: [template]).render(
            document: document, passages: [leadIn, title], seed: 0)
        #expect(
            rendered.examples.map { $0.messages[1].content } == [
                "The Owner warrants that\n\n" + items, "Either party may end this Agreement on notice.",
            ])
        // "Termination At Will" is a title ("at will"), so it stays the topic and is not prepended.
        #expect(rendered.examples.map { $0.messages[0].content } == ["About ?", "About Termination At Will?"])
        // A later piece of a split section does not continue its heading.
        let later = passage(
            "The Owner warrants that", "2.2.2 the Material is complete.", index: 0,
            part: PassagePart(sectionLabel: "Section 2.2", number: 2, count: 2))
        let piece = TemplateSet(templates: [template]).render(document: document, passages: [later], seed: 0)
        #expect(piece.examples.map { $0.messages[1].content } == ["2.2.2 the Material is complete."])
    }

    @Test func passagesOfFiguresGetNoExamples() throws {
        let template = try TemplateLoader.parse("name: a\nuser: 'Q'\nassistant: '{{passage.text}}'", file: "a.yaml")
        let table = Passage(
            documentID: "d1", index: 0, sectionPath: [], label: nil, heading: nil,
            text: "Single 25,200 25,250 25,250 25,300\n\n56,000 56,050 56,100", tokenCount: 30, pages: [])
        let rendered = TemplateSet(templates: [template]).render(document: Self.document, passages: [table], seed: 0)
        #expect(rendered.examples.isEmpty && rendered.ungrounded.isEmpty)
        #expect(rendered.figurePassages == 1)
        #expect(TemplateSet.isMostlyFigures("1.A. INTRODUCTION.............................1"))
        #expect(!TemplateSet.isMostlyFigures("The fee is $10,000 per month, payable within 30 days."))
    }
}

@Suite struct TemplateContextTests {
    @Test func emptyValuesHideTheirSections() throws {
        let template = try TemplateLoader.parse(
            "name: a\nuser: 'Q{{#passage.heading}} on {{passage.heading}}{{/passage.heading}}{{^passage.heading}} (no heading){{/passage.heading}}?'\nassistant: '{{passage.text}}'",
            file: "a.yaml")
        let document = Document(
            id: "d", source: "a.txt", format: .text, title: "T",
            blocks: [Block(kind: .paragraph, text: "Some text here.")])
        let plain = Passage(
            documentID: "d", index: 0, sectionPath: [], label: nil, heading: nil, text: "Some text here.",
            tokenCount: 3, pages: [])
        var headed = plain
        headed.heading = "Fees"
        let examples = TemplateSet(templates: [template]).render(
            document: document, passages: [plain, headed], seed: 0
        ).examples
        #expect(examples.map { $0.messages[0].content } == ["Q (no heading)?", "Q on Fees?"])
    }
}

extension TemplateContextTests {
    @Test func listItemsAreParagraphsOpeningWithAnEnumerator() {
        let items = ["(a) first", "(iv) fourth", "(12) twelfth", "3. third", "• bullet", "– dash", "(iii)\nnext line"]
        let prose = ["(abc) no", "(viiiiii) no", "123. no", "3.no", "(a)no", "Section 3. no", "", "(a", "-dash"]
        #expect(items.filter(TemplateContext.isListItem) == items)
        #expect(prose.filter(TemplateContext.isListItem) == [])
    }

    @Test func titleFromAPathDropsOnlyTheExtension() {
        #expect(DocumentFacts.title(fromPath: "contracts/master-services_agreement.pdf") == "Master Services Agreement")
        // An EDGAR exhibit's file name: only the document's own name after the exhibit number.
        #expect(
            DocumentFacts.title(fromPath: "cuad/AzulSa_F-1A_EX-10.3_Maintenance Agreement.pdf")
                == "Maintenance Agreement")
        #expect(
            DocumentFacts.title(fromPath: "AzulSa_20170303_F-1A_EX-10.3_9943903_EX-10.3_Maintenance Agreement.txt")
                == "Maintenance Agreement")
        #expect(
            DocumentFacts.title(fromPath: "cuad/MEETGROUP,INC_06_29_2017-EX-10.1-COOPERATION AGREEMENT.txt")
                == "Cooperation Agreement")
        #expect(
            DocumentFacts.title(
                fromPath: "NETGEAR,INC_04_21_2003-EX-10.16-AMENDMENT TO THE DISTRIBUTOR AGREEMENT BETWEEN X AND Y-.txt")
                == "Amendment to the Distributor Agreement Between X and Y")
        #expect(
            DocumentFacts.title(fromPath: "Microgenics Corporation - Development and Supply Agreement.txt")
                == "Development and Supply Agreement")
        // Without an instrument word after it, the number is part of the name.
        #expect(DocumentFacts.title(fromPath: "report-ex-12-final.pdf") == "Report Ex 12 Final")
        #expect(DocumentFacts.title(fromPath: ".notes") == ".notes")
    }

    @Test func firstSentenceKeepsAClauseNumberWithItsSentence() {
        let text = "17.1. If any provision is held invalid, the rest remains in force. The parties shall replace it."
        #expect(
            TemplateContext.firstSentence(of: text)
                == "17.1. If any provision is held invalid, the rest remains in force.")
        #expect(
            TemplateContext.firstSentence(
                of: "Severability\n\nThis Agreement binds the parties and their successors. It may not be assigned.")
                == "This Agreement binds the parties and their successors.")
    }

    @Test func firstSentenceReadsPastStackedAndSentenceCaseItemHeadings() {
        let stacked =
            "(a) Voting Agreement. (i) Stockholders Meetings. At each annual meeting, each Investor shall vote. Then more."
        #expect(
            TemplateContext.firstSentence(of: stacked)
                == "(a) Voting Agreement. (i) Stockholders Meetings. At each annual meeting, each Investor shall vote.")
        let claims =
            "(1) Filing claims. Any Claimant entitled to benefits will file a Claim request. Forms are available."
        #expect(
            TemplateContext.firstSentence(of: claims)
                == "(1) Filing claims. Any Claimant entitled to benefits will file a Claim request.")
        // Three words in lower case are a sentence, not a heading.
        #expect(
            TemplateContext.firstSentence(of: "(a) Prices are fixed. Payment is due monthly.")
                == "(a) Prices are fixed.")
    }
}

@Suite struct TemplateWeightTests {
    @Test func weightAppliesATemplateToThatShareOfPassages() throws {
        let half = try TemplateLoader.parse(
            "name: a\nweight: 0.5\nuser: 'Q'\nassistant: '{{passage.text}}'", file: "a.yaml")
        let text = (0..<400).map { "Paragraph number \($0) of the agreement." }
        let document = Document(
            id: "d", source: "a.txt", format: .text, title: "T", blocks: text.map { Block(kind: .paragraph, text: $0) })
        let passages = text.enumerated().map { index, body in
            Passage(
                documentID: "d", index: index, sectionPath: [], label: nil, heading: nil, text: body, tokenCount: 8,
                pages: [])
        }
        let count = TemplateSet(templates: [half]).render(document: document, passages: passages, seed: 3).examples
            .count
        #expect((160...240).contains(count))
        #expect(throws: TemplateError.self) {
            try TemplateLoader.parse("name: a\nweight: 2\nuser: Q\nassistant: A", file: "a.yaml")
        }
    }
}
