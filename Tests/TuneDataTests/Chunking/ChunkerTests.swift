import Testing
import Tokenizer
@testable import TuneData

@Suite struct ChunkerTests {
    static func document(_ blocks: [Block], title: String? = "Services Agreement") -> Document {
        Document(id: "doc", source: "a.pdf", format: .pdf, title: title, blocks: blocks)
    }

    static let contract = document([
        Block(kind: .heading(level: 1), text: "Services Agreement", page: 1),
        Block(kind: .paragraph, text: "ARTICLE 5", page: 1),
        Block(kind: .paragraph, text: "NOTICES AND TERM", page: 1),
        Block(
            kind: .paragraph,
            text:
                "5.1 Notice. All notices shall be in writing and delivered by hand or by courier to the addresses above.",
            page: 1),
        Block(
            kind: .paragraph,
            text: "5.2 Term. This Agreement begins on the Effective Date and continues for two years.", page: 2),
        Block(kind: .heading(level: 2), text: "ARTICLE 6 Confidentiality", page: 2),
        Block(kind: .paragraph, text: "Each party shall keep the other's Confidential Information secret.", page: 2),
    ])

    @Test func theTestimoniumIsNotPartOfTheLastSection() throws {
        let document = Self.document([
            Block(kind: .paragraph, text: "11.7 Survival. The obligations of Exhibit A survive termination.", page: 6),
            Block(
                kind: .paragraph,
                text:
                    "IN WITNESS WHEREOF, the parties have executed this Agreement as of the date first above written.",
                page: 6),
            Block(kind: .paragraph, text: "By: /s/ Jane Doe, President of Supplier Inc.", page: 6),
        ])
        let passages = Chunker(options: ChunkingOptions(maxTokens: 512, minTokens: 64)).passages(of: document)
        let survival = try #require(passages.first { $0.label == "Section 11.7" })
        #expect(survival.text == "The obligations of Exhibit A survive termination.")
        #expect(passages.last?.sectionPath == [])
        #expect(passages.last?.text.hasPrefix("IN WITNESS WHEREOF") == true)
    }

    @Test func smallSiblingSectionsMergeUnderTheirParent() throws {
        let passages = Chunker(options: ChunkingOptions(maxTokens: 512, minTokens: 64)).passages(of: Self.contract)
        #expect(passages.count == 2)
        let first = try #require(passages.first)
        #expect(first.label == "Article 5")
        #expect(first.heading == "Notices and Term")
        #expect(first.sectionPath == ["Article 5 Notices and Term"])
        #expect(first.text.hasPrefix("5.1 Notice.\n\nAll notices shall be in writing"))
        #expect(first.text.contains("5.2 Term.\n\nThis Agreement begins"))
        #expect(first.pages == [1, 2])
        #expect(passages[1].label == "Article 6")
        #expect(passages[1].heading == "Confidentiality")
        #expect(passages[1].index == 1)
    }

    @Test func sectionsStayWholeWhenMergingIsOff() throws {
        let passages = Chunker(options: ChunkingOptions(maxTokens: 512, minTokens: 0)).passages(of: Self.contract)
        #expect(passages.map(\.label) == ["Section 5.1", "Section 5.2", "Article 6"])
        #expect(passages[1].sectionPath == ["Article 5 Notices and Term", "Section 5.2 Term"])
        #expect(passages[1].breadcrumb == "Article 5 Notices and Term › Section 5.2 Term")
        #expect(passages[1].text == "This Agreement begins on the Effective Date and continues for two years.")
    }

    @Test func longSectionsSplitAtSentencesWithinBudget() throws {
        let sentence =
            "The Provider shall deliver the Services in a professional manner consistent with industry standards."
        let long = Array(repeating: sentence, count: 30).joined(separator: " ")
        let document = Self.document([
            Block(kind: .paragraph, text: "Section 3 Services", page: 1), Block(kind: .paragraph, text: long, page: 1),
        ])
        let options = ChunkingOptions(maxTokens: 60, minTokens: 0)
        let passages = Chunker(options: options).passages(of: document)
        let encoding = BPEEncoding.shared(options.encoding)
        #expect(passages.count > 1)
        for passage in passages {
            #expect(encoding.count(passage.text) <= 60)
            #expect(passage.tokenCount == encoding.count(passage.text))
            #expect(passage.text.hasSuffix("standards."))
            #expect(passage.part?.count == passages.count)
        }
        // The pieces are not "Section 3" each: the first opens it, the rest have no clause to be named by.
        #expect(
            passages.map(\.label) == ["the opening of Section 3"] + Array(repeating: nil, count: passages.count - 1))
        #expect(passages.first?.sectionLabel == "Section 3")
        #expect(passages.map(\.text).joined(separator: " ") == long)
    }

    @Test func overlapRepeatsTrailingSentences() throws {
        let sentences = (1...12).map { "Clause number \($0) applies to every order placed under this agreement." }
        let document = Self.document(
            [Block(kind: .paragraph, text: sentences.joined(separator: " "), page: 1)], title: nil)
        let passages = Chunker(options: ChunkingOptions(maxTokens: 60, minTokens: 0, overlapTokens: 20)).passages(
            of: document)
        #expect(passages.count >= 2)
        let lastOfFirst = try #require(SentenceSplitter.split(passages[0].text).last)
        #expect(passages[1].text.hasPrefix(lastOfFirst))
    }

    @Test func deterministic() {
        let chunker = Chunker(options: ChunkingOptions(maxTokens: 40, minTokens: 10))
        #expect(chunker.passages(of: Self.contract) == chunker.passages(of: Self.contract))
    }
}

@Suite struct FootnoteTests {
    @Test func footnotesStayOutOfPassages() {
        let document = Document(
            id: "d", source: "a.pdf", format: .pdf, title: nil,
            blocks: [
                Block(kind: .paragraph, text: "Section 1.02 Deliverables", page: 1),
                Block(
                    kind: .paragraph,
                    text: "“Deliverables” means all documents the Supplier prepares for the Customer.", page: 1),
                Block(kind: .footnote, text: "1 Public holidays are determined by each national government.", page: 1),
            ])
        let passages = Chunker(options: ChunkingOptions(minTokens: 0)).passages(of: document)
        #expect(passages.map(\.text) == ["“Deliverables” means all documents the Supplier prepares for the Customer."])
    }
}

@Suite struct EURegulationOutlineTests {
    private static func regulation(_ headings: [String]) -> Document {
        var blocks: [Block] = []
        for heading in headings {
            blocks.append(Block(kind: .heading(level: 2), text: heading, page: 1))
            blocks.append(
                Block(
                    kind: .paragraph,
                    text: "The controller shall keep a record of every processing operation under its responsibility.",
                    page: 1))
        }
        return ChunkerTests.document(blocks, title: nil)
    }

    @Test func sectionsThatRestartGroupTheArticles() {
        let document = Self.regulation([
            "CHAPTER III Rights", "Section 1 Transparency", "Article 12 Information", "Article 13 Access",
            "Section 2 Rectification", "Article 14 Erasure", "CHAPTER IV Controller", "Section 1 General",
            "Article 15 Duties",
        ])
        let paths = Chunker(options: ChunkingOptions(minTokens: 0)).passages(of: document).map(\.sectionPath)
        #expect(paths.contains(["Chapter III Rights", "Section 1 Transparency", "Article 12 Information"]))
        #expect(paths.contains(["Chapter III Rights", "Section 2 Rectification", "Article 14 Erasure"]))
        #expect(paths.contains(["Chapter IV Controller", "Section 1 General", "Article 15 Duties"]))
    }

    @Test func aContractsSectionsStayInsideItsArticles() {
        let document = Self.regulation([
            "Article 1 Definitions", "Section 1 Terms", "Article 2 Payment", "Section 2 Fees",
        ])
        let paths = Chunker(options: ChunkingOptions(minTokens: 0)).passages(of: document).map(\.sectionPath)
        #expect(paths.contains(["Article 2 Payment", "Section 2 Fees"]))
    }

    @Test func romanNumeralsAndAbbreviationsStayInCapitals() {
        #expect("II. ANALYSIS".capitalizedTitle == "II. Analysis")
        #expect("EXHIBIT II".capitalizedTitle == "Exhibit II")
        #expect("RIGHTS OF THE U.S. GOVERNMENT".capitalizedTitle == "Rights of the U.S. Government")
        #expect("LIMITATION OF LIABILITY".capitalizedTitle == "Limitation of Liability")
    }

    @Test func coverLinesRecitalsAndInterludesDoNotParentNumberedSections() {
        let document = ChunkerTests.document(
            [
                Block(kind: .heading(level: 1), text: "Exhibit 10.2 EXECUTION VERSION", page: 1),
                Block(kind: .heading(level: 2), text: "CONSULTING AGREEMENT", page: 1),
                Block(
                    kind: .paragraph, text: "This Consulting Agreement is made between the Company and the Consultant.",
                    page: 1),
                Block(kind: .heading(level: 2), text: "BACKGROUND", page: 1),
                Block(
                    kind: .paragraph, text: "WHEREAS, the Company wishes to engage the Consultant for advice.", page: 1),
                Block(
                    kind: .paragraph, text: "1. Services. The Consultant shall advise the Company on its products.",
                    page: 1),
                Block(kind: .heading(level: 2), text: "FEE SCHEDULE:", page: 2),
                Block(
                    kind: .paragraph, text: "The fees are set out in the schedule below and are paid monthly.", page: 2),
                Block(
                    kind: .paragraph, text: "2. Term. This Agreement lasts for one year from the date above.", page: 2),
            ], title: "CONSULTING AGREEMENT")
        let paths = Chunker(options: ChunkingOptions(minTokens: 0)).passages(of: document).map(\.sectionPath)
        // No "Exhibit 10.2 Execution Version" root; the WHEREAS clause stays under "Background";
        // Section 1 is not inside "Background", nor Section 2 inside the unnumbered "Fee Schedule"
        // that came after Section 1, which reads in title case without its colon.
        #expect(paths == [[], ["Background"], ["Section 1 Services"], ["Fee Schedule"], ["Section 2 Term"]])
    }
}

@Suite struct ParagraphTokensTests {
    static let paragraphs = [
        "Very truly yours,", "/s/ William W. McInnes ______________", "'s and 'll at the start.", "1,234,567.89 units",
        "第一条 本协议的目的。", "Übergang zur Anlage Nr. 5 — siehe § 12 Abs. 3.", "    indented code\n  second line",
        "(a) the Supplier;",
        "https://example.com/path/to?q=1", "— dash first", "!!!", "x", "Ends with spaces after trim",
        "“Quoted” term means it.",
    ]

    @Test(arguments: [EncodingName.o200kBase, .cl100kBase])
    func countsOfJoinedParagraphsAreExactOrDeclined(encodingName: EncodingName) {
        let encoding = BPEEncoding.shared(encodingName)
        var state: UInt64 = 7
        func next() -> Int {  // a linear congruential sequence: the same runs every time
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(state >> 33)
        }
        for _ in 0..<300 {
            let run = (0..<(next() % 5 + 1)).map { _ in Self.paragraphs[next() % Self.paragraphs.count] }
            let measured = run.map { ParagraphTokens(of: $0, encoding: encoding) }
            let exact = encoding.count(run.joined(separator: "\n\n"))
            if let total = ParagraphTokens.total(measured) {
                #expect(total == exact, "\(run)")
            } else {
                #expect(run.dropFirst().contains { $0.hasPrefix("/") })
            }
            for (text, counts) in zip(run, measured) { #expect(counts.alone == encoding.count(text)) }
        }
    }
}

@Suite struct SentenceSplitterTextTests {
    @Test(arguments: [
        (
            "Le contrat est signé à Paris. “Les Parties” conviennent de ce qui suit. Fin",
            ["Le contrat est signé à Paris.", "“Les Parties” conviennent de ce qui suit.", "Fin"]
        ),
        (
            "Acme Inc. shall pay U.S. dollars per Section No. 5 of the Agreement. “Beta” agrees.  ",
            ["Acme Inc. shall pay U.S. dollars per Section No. 5 of the Agreement.", "“Beta” agrees."]
        ),
        (
            "This Agreement incorporates Appendix A under Contract No. HHSO100201000046C (the “Prime Contract”). The answer is No. The rest follows.",
            [
                "This Agreement incorporates Appendix A under Contract No. HHSO100201000046C (the “Prime Contract”).",
                "The answer is No.", "The rest follows.",
            ]
        ),
        (
            "  Der Käufer zahlt (vgl. Anlage 2).\n\n Die Frist beträgt 30 Tage.",
            ["Der Käufer zahlt (vgl.", "Anlage 2).", "Die Frist beträgt 30 Tage."]
        ),
    ])
    func splitsAtSentenceEndsAndCopiesTheTextExactly(text: String, sentences: [String]) {
        #expect(SentenceSplitter.split(text) == sentences)
        #expect(SentenceSplitter.split(text, limit: 1) == Array(sentences.prefix(1)))
    }
}
