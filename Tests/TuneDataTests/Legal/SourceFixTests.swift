import Testing

@testable import TuneData

/// The second round of issue 16's fixes at the source: each defect seen in the labelled sample.
@Suite struct SourceFixTests {
    @Test func furnitureCuesWakeOnlyForTheirOwnPatterns() {
        // "damages" and "coverage" hold "age " but no page counter: no pattern's cue is true.
        #expect(!AnswerFurniture.mayHoldFurniture("The damages and insurance coverage are capped."))
        #expect(AnswerFurniture.hasPageNumber("Notices. PAGE 3 OF 9"))
        #expect(!AnswerFurniture.hasPageNumber("the pages of the Agreement"))
        #expect(QualityGate().verdict(forAnswer: "The Buyer shall pay the fees. PAGE 3 OF 9")?.verdict == .furniture)
        #expect(QualityGate().verdict(forAnswer: "The damages and insurance coverage are capped.") == nil)
    }

    @Test func hyphenUnderlinesAreCutOutOfAnswers() {
        let text = "STAMPS\n\n-------------\n\nThe Company shall affix the stamps.\n- ----------- Miles Ledgerwood"
        #expect(
            AnswerFurniture.strippingFurnitureParagraphs(text)
                == "STAMPS\n\nThe Company shall affix the stamps.\n\nMiles Ledgerwood")
        let sentence = "This Agreement and the performance of ------------- the parties is governed by California law."
        #expect(AnswerFurniture.strippingFurnitureParagraphs(sentence) == sentence)
    }

    @Test func aFilingLabelUnderACoverLegendIsNotAParent() {
        let document = Document(
            id: "d", source: "a.pdf", format: .pdf, title: "COOPERATION AGREEMENT",
            blocks: [
                Block(
                    kind: .paragraph,
                    text:
                        "CERTAIN PORTIONS OF THIS DOCUMENT HAVE BEEN OMITTED PURSUANT TO A CONFIDENTIAL TREATMENT "
                        + "REQUEST. SUCH OMITTED PORTIONS HAVE BEEN SEPARATELY FILED WITH THE COMMISSION."),
                Block(kind: .heading(level: 2), text: "Exhibit 10.1 EXECUTION COPY"),
                Block(kind: .heading(level: 2), text: "COOPERATION AGREEMENT"),
                Block(kind: .paragraph, text: "This Agreement is made by The Meet Group, Inc."),
                Block(kind: .heading(level: 1), text: "1. Board Composition Matters."),
                Block(kind: .paragraph, text: "The Company shall appoint two directors."),
            ])
        let paths = SectionOutline.sections(of: document).map { $0.headings.map(\.displayText) }
        #expect(paths == [[], ["Section 1 Board Composition Matters"]])
    }

    @Test func aPartysShortNameIsNotADefinition() {
        let preamble =
            "This Agreement is made by and between Achaogen, Inc., a Delaware corporation (“Achaogen”), and "
            + "Beta Pharma LLC (the “Distributor”). “Territory” means the United States."
        let terms = DefinitionFinder.definitions(in: preamble).map(\.term)
        #expect(!terms.contains("Achaogen"))
        #expect(terms.contains("Territory"))
        #expect(PartyShortName.isShortName("Achaogen", in: preamble))
        #expect(!PartyShortName.isShortName("Territory", in: preamble))
    }

    /// A definition that ends in a lead-in takes the list items after it, and is no definition
    /// without them (the list is a table the text does not hold).
    @Test func aDefinitionsLeadInTakesItsList() throws {
        let listed =
            "“Territory” means the following countries:\n\n(a) France;\n\n(b) Germany.\n\nThe Distributor shall sell in the Territory."
        let territory = try #require(DefinitionFinder.definitions(in: listed).first { $0.term == "Territory" })
        #expect(territory.text == "“Territory” means the following countries:\n\n(a) France;\n\n(b) Germany.")
        let table = "“Policies” refers to the life insurance contracts listed below:\n\nInsurer Policy Number"
        #expect(!DefinitionFinder.definitions(in: table).contains { $0.term == "Policies" })
    }

    /// A numbered heading over text that opens with another clause is that clause's neighbour, not
    /// its heading; over its own child clause it is the heading.
    @Test(arguments: [
        ("7.2 [Redacted – Commercially Sensitive]", "7.3 The foregoing warranties will survive any inspection.", true),
        ("B. Redacted", "C. Customer shall be entitled to receive discounts.", true),
        ("14.2. For simple convenience", "14.2.1. In case the Customer cancels the Agreement, EIT will pay.", false),
        ("6. Newegg’s License to Allied", "6.1 Newegg grants Allied a limited license.", false),
        ("Term", "7.3 The foregoing warranties will survive any inspection.", false),
        ("12.2.2 Party B’s contacts", "Address: Floor 9, Huitong Building", false),
        ("A. Definitions", "1. “Affiliate” means any entity that controls a Party.", false),
        ("B. Redacted", "A Party may terminate this Agreement on notice.", false),
    ])
    func aNumberedHeadingOverAnotherClause(heading: String, text: String, other: Bool) {
        #expect(HeadingCheck.numbersAnotherClause(heading, text: text) == other)
    }

    /// "[Signature Page to Cooperation Agreement]" heads no question.
    @Test func aSignaturePageCaptionIsNoTopic() {
        #expect(HeadingCheck.isNotATopic("[signature Page to Cooperation Agreement]"))
        #expect(!HeadingCheck.isNotATopic("Signatures and Counterparts"))
    }

    @Test func aContractIsNamedByTheNameItDefinesForItself() {
        #expect(
            SpokenTitle.definedName(in: "This Development Agreement (\"Development Agreement\") is made by Cargill.")
                == "Development Agreement")
        // Another agreement's defined name is not this one's.
        #expect(
            SpokenTitle.definedName(
                in: "WHEREAS, the Parties entered into the Asset Purchase Agreement (the \"Purchase Agreement\").")
                == nil)
        #expect(SpokenTitle.definedName(in: "This Agreement (the \"Agreement\") is made.") == nil)
    }

    @Test func passagesInsideAnExhibitAreAskedAboutTheExhibit() {
        func passage(_ path: [String]) -> Passage {
            Passage(
                documentID: "d", index: 0, sectionPath: path, label: "Section 8", heading: "Governing Law",
                text: "This Note is governed by New York law.", tokenCount: 9, pages: [])
        }
        let note = passage(["Exhibit C Form of Promissory Note", "Section 8 Governing Law"])
        #expect(
            AttachmentTitle.title(for: note, documentTitle: "Supply Agreement")
                == "Form of Promissory Note (Exhibit C to the Supply Agreement)")
        // An EDGAR filing's exhibit number over the whole contract is not an attachment of it.
        let filing = passage(["Exhibit 10.13 Execution Copy", "Section 8 Governing Law"])
        #expect(AttachmentTitle.title(for: filing, documentTitle: "Endorsement Agreement") == "Endorsement Agreement")
        let own = passage(["Article 21 Miscellaneous", "Section 8 Governing Law"])
        #expect(AttachmentTitle.title(for: own, documentTitle: "Supply Agreement") == "Supply Agreement")
        // A heading that describes rather than names is left out of the title.
        let described = passage([
            "Appendix A Government Provisions for Commercial Item Subcontracts Under Contract Number HHSO1 (BARDA)",
            "Section 8 Governing Law",
        ])
        #expect(
            AttachmentTitle.title(for: described, documentTitle: "Supply Agreement")
                == "Appendix A to the Supply Agreement")
        // The schedule that attaches the filed document to another agreement holds the document itself.
        let itself = passage(["SCHEDULE 4 ESCROW AGREEMENT", "Section 11 Termination"])
        #expect(AttachmentTitle.title(for: itself, documentTitle: "Escrow Agreement") == "Escrow Agreement")
        // The attachment's own text is asked for as the attachment of the document.
        let body = Passage(
            documentID: "d", index: 0, sectionPath: ["Appendix A Government Provisions"], label: "Appendix A",
            heading: "Government Provisions", text: "The following provisions are incorporated by reference.",
            tokenCount: 8, pages: [])
        #expect(AttachmentTitle.labelTitle(for: body, documentTitle: "Supply Agreement") == "Supply Agreement")
        #expect(
            AttachmentTitle.title(for: body, documentTitle: "Supply Agreement")
                == "Government Provisions (Appendix A to the Supply Agreement)")
        #expect(
            AttachmentTitle.labelTitle(for: note, documentTitle: "Supply Agreement")
                == "Form of Promissory Note (Exhibit C to the Supply Agreement)")
    }

    @Test(arguments: ["20.3.98 [INITIALS ILLEGIBLE] 30.4.98", "[NCC LOGO]", "STD001Y2K.UK", "Dated"])
    func filersNotesCodesAndFormFieldsAreNotTopics(heading: String) {
        #expect(HeadingCheck.isNotATopic(heading))
    }

    @Test(arguments: ["Escrow 2000", "Section 2.1 Fees", "Payment Terms", "[Schedule of Fees] and Expenses"])
    func topicsStayTopics(heading: String) {
        #expect(!HeadingCheck.isNotATopic(heading))
    }

    @Test func anAttachmentsNameLosesItsArticle() {
        let passage = Passage(
            documentID: "d", index: 0, sectionPath: ["Schedule 1 The Material", "Section 1 Scope"], label: "Section 1",
            heading: "Scope", text: "The Material is the source code.", tokenCount: 7, pages: [])
        #expect(
            AttachmentTitle.title(for: passage, documentTitle: "Escrow Agreement")
                == "Material (Schedule 1 to the Escrow Agreement)")
        #expect(AttachmentTitle.attachmentName(of: passage) == "Material")
    }

    @Test(arguments: ["By Customer.", "By M&I", "BY THE COMPANY"])
    func whoOwesADutyIsNotATopic(heading: String) {
        #expect(HeadingCheck.isNotATopic(heading))
    }

    @Test func bylawsAreATopic() {
        #expect(!HeadingCheck.isNotATopic("Bylaws"))
    }

    @Test func aMergeThatCannotHoldTheWholeParentIsUndone() throws {
        let long = Array(repeating: "The Provider shall deliver the Services in a professional manner.", count: 6)
            .joined(separator: " ")
        let document = Document(
            id: "d", source: "a.pdf", format: .pdf, title: "Services Agreement",
            blocks: [
                Block(kind: .paragraph, text: "ARTICLE 3"),
                Block(kind: .paragraph, text: "SERVICES"),
                Block(kind: .paragraph, text: "3.1 Delivery. " + long),
                Block(kind: .paragraph, text: "3.2 Term. It lasts two years."),
                Block(kind: .paragraph, text: "3.3 Fees. Fees are paid monthly."),
            ])
        let apart = Chunker(options: ChunkingOptions(maxTokens: 512, minTokens: 0)).passages(of: document)
        let delivery = try #require(apart.first)
        // The budget holds 3.1 alone, so 3.2 and 3.3 merged without it would have been "Article 3".
        let budget = ChunkingOptions(maxTokens: delivery.tokenCount + 2, minTokens: 64)
        let passages = Chunker(options: budget).passages(of: document)
        #expect(passages.map(\.label) == ["Section 3.1", "Section 3.2", "Section 3.3"])
    }
}

@Suite struct FigureParagraphTests {
    @Test func aFeeTableBetweenTermsIsCutOutAndTheTermsStay() {
        let text =
            "Schoolpop shall pay AEIS all incurred penalties within thirty (30) days.\n\n"
            + "MONTH 1 5,000 2.43 121 4.00 (5,000 x 2.43 = 121) x 4.00 = 486\n\n"
            + "Schoolpop's inactive Card inventory shall be limited to $3,000,000."
        #expect(
            FigureParagraphs.stripping(text)
                == "Schoolpop shall pay AEIS all incurred penalties within thirty (30) days.\n\n"
                + "Schoolpop's inactive Card inventory shall be limited to $3,000,000.")
        // A notice sentence full of numbers is still prose.
        let notice =
            "3.2 Notices.\n\nNotices go to Jane Roe, jane.roe@example.com, Tel: (212) 555-0143, SSN 123-45-6789."
        #expect(FigureParagraphs.stripping(notice) == notice)
        // A passage of figures alone is left for the template set to skip whole.
        #expect(
            FigureParagraphs.stripping("5,000 2.43 121 4.00\n\n10,500 2.43 255 4.00")
                == "5,000 2.43 121 4.00\n\n10,500 2.43 255 4.00")
    }
}

@Suite struct OpeningTermTests {
    @Test(arguments: [
        (
            "\"Construction Commencement Date\" means the date set out in the Addendum.",
            "Construction Commencement Date"
        ),
        ("(c) “Territory” shall mean the United States.", "Territory"),
        ("1.4 \"Affiliate\", includes any entity controlling a Party.", "Affiliate"),
    ])
    func aRunOfDefinitionsIsRecognisedByItsOpening(text: String, term: String) {
        #expect(OpeningTerm.term(of: text) == term)
    }

    @Test func aPassageQuotingATermLaterIsNotARunOfDefinitions() {
        #expect(OpeningTerm.term(of: "The Supplier shall deliver the \"Products\" as defined below.") == nil)
    }
}
