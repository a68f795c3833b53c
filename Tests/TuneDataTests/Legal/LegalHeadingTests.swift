import Testing
@testable import TuneData

@Suite struct LegalHeadingTests {
    @Test func fractionsAndProseAreNotHeadings() {
        #expect(LegalHeading.parse("½ Teelöffel Salz") == nil)
        #expect(LegalHeading.parse("The parties agree as follows") == nil)
        #expect(LegalHeading.parseRunIn("½ Cup Flour. Mix it well.") == nil)
        #expect(LegalHeading.parse("§ 12 Notices")?.label == "§ 12")
    }

    @Test func citationsAreNotHeadings() {
        // A volume or title number before a reporter or code reads like "28 Notice" but is a cite.
        for citation in [
            "28 U.S.C. § 1291.", "550 U.S. 544", "17 C.F.R. 240.24b-2", "129 S. Ct. 1937", "75 Fed. Reg. 1",
            "42 U.S.C. 1983",
        ] {
            #expect(LegalHeading.parse(citation) == nil, "\(citation)")
        }
        #expect(LegalHeading.parse("12 Tax Matters")?.label == "Section 12")
        #expect(LegalHeading.parse("211 Bradenton Avenue Dublin, Ohio 43017") == nil)
    }

    @Test func runInHeadingsAfterAKeywordMayBeLongOrHaveSemicolons() throws {
        let long = try #require(
            LegalHeading.parseRunIn(
                "Section 4. Representations and Warranties of the Company, the MHC and the Bank. The Company represents as follows:"
            ))
        #expect(long.heading.label == "Section 4")
        #expect(long.heading.title == "Representations and Warranties of the Company, the MHC and the Bank")
        #expect(long.body == "The Company represents as follows:")
        let listed = try #require(
            LegalHeading.parseRunIn("Section 3. Prospectus; Offering. The Shares are offered at the Purchase Price."))
        #expect(listed.heading.title == "Prospectus; Offering")
        // A redacted word may open the title.
        let redacted = try #require(
            LegalHeading.parseRunIn(
                "6.3 [***] Products and Joint Patents. Each Party may grant non-exclusive licenses."))
        #expect(redacted.heading.label == "Section 6.3")
        #expect(redacted.heading.title == "[***] Products and Joint Patents")
        #expect(LegalHeading.parseRunIn("6.3 [***] are due. Each Party pays.") == nil)
        // Without the keyword, eleven words are a sentence, not a title.
        #expect(
            LegalHeading.parseRunIn(
                "4. Representations and Warranties of the Company, the MHC and the Bank. The Company agrees.") == nil)
    }

    @Test func aRunInTitleMayEndWithAColonButACapitalsSentenceDoesNot() throws {
        let colon = try #require(
            LegalHeading.parseRunIn("7.2 Total Impressions: Intuit estimates but does not guarantee to deliver."))
        #expect(colon.heading.label == "Section 7.2")
        #expect(colon.heading.title == "Total Impressions")
        #expect(colon.body == "Intuit estimates but does not guarantee to deliver.")
        #expect(
            LegalHeading.parseRunIn("10.2 THE FOREGOING EXCLUSIONS AND LIMITATIONS SHALL APPLY: (A) EVEN IF ADVISED.")
                == nil)
        #expect(
            LegalHeading.parseRunIn("3. Fees for the Services Listed in Any Order: Licensee pays on receipt.") == nil)
    }

    @Test(
        arguments: [
            ("ARTICLE V", "Article V", nil, 2),
            ("Article 5 - Payment Terms", "Article 5", "Payment Terms", 2),
            ("Section 5.02 Notices.", "Section 5.02", "Notices", 4),
            ("SECTION 12. GOVERNING LAW", "Section 12", "Governing Law", 3),
            ("§ 12 Definitions", "§ 12", "Definitions", 3),
            ("5.2 Notice", "Section 5.2", "Notice", 4),
            ("EXHIBIT A", "Exhibit A", nil, 1),
            ("Schedule 2 – Fees", "Schedule 2", "Fees", 1),
        ] as [(String, String, String?, Int)])
    func recognisesNumberedHeadings(text: String, label: String, title: String?, level: Int) throws {
        let heading = try #require(LegalHeading.parse(text))
        #expect(heading.label == label)
        #expect(heading.title == title)
        #expect(heading.level == level)
    }

    @Test(arguments: [
        "5.2 the Company shall pay all fees within thirty days of the invoice date",
        "2020 was a difficult year for the parties",
        "This Agreement is made between the parties.",
        // A table's column heads, not attachments "Appendix N" titled "o." and "ame".
        "Appendix No.", "Appendix Name",
    ])
    func leavesSentencesAlone(text: String) {
        #expect(LegalHeading.parse(text) == nil)
    }

    @Test func splitsRunInHeading() throws {
        let (heading, body) = try #require(
            LegalHeading.parseRunIn("12.3 Governing Law. This Agreement is governed by the laws of New York."))
        #expect(heading.label == "Section 12.3")
        #expect(heading.title == "Governing Law")
        #expect(body == "This Agreement is governed by the laws of New York.")
        #expect(LegalHeading.parseRunIn("12.3 The Company shall pay. Then more.") == nil)
    }

    @Test func capitalisedLines() {
        #expect(LegalHeading.isCapitalisedHeading("CONFIDENTIALITY"))
        #expect(LegalHeading.isCapitalisedHeading("TERM AND TERMINATION"))
        #expect(!LegalHeading.isCapitalisedHeading("The parties agree as follows."))
        #expect(
            !LegalHeading.isCapitalisedHeading(
                "IN WITNESS WHEREOF, THE PARTIES HAVE EXECUTED THIS AGREEMENT AS OF THE DATE FIRST WRITTEN ABOVE,"))
    }
}

@Suite struct SentenceSplitterTests {
    @Test func doesNotBreakAtAbbreviations() {
        let text =
            "Acme Inc. shall comply with 17 U.S.C. § 101. See No. 12 and e.g. Section 2.1 for details. J. Smith signed it! Done?"
        #expect(
            SentenceSplitter.split(text) == [
                "Acme Inc. shall comply with 17 U.S.C. § 101.",
                "See No. 12 and e.g. Section 2.1 for details.",
                "J. Smith signed it!",
                "Done?",
            ])
    }

    @Test func firstSentenceOfALongParagraphIsTheSplittersFirst() {
        let tail = String(
            repeating: "The Licensee shall pay the fees set out in Schedule 2 within thirty days. ", count: 60)
        for opening in [
            "Short one. ", "No. 5 of the U.S. rules applies to Mr. J. Smith here. ",
            String(repeating: "word ", count: 300) + "ends. ",
        ] {
            let text = opening + tail
            #expect(SentenceSplitter.firstSentence(of: text) == SentenceSplitter.split(text).first)
        }
    }

    @Test func keepsClosingQuotes() {
        #expect(SentenceSplitter.split("He said \"stop.\" Then left.") == ["He said \"stop.\"", "Then left."])
    }
}

@Suite struct DefinitionFinderTests {
    @Test func findsMeansAndParentheticalDefinitions() {
        let text = """
            This Services Agreement (the "Agreement") is made on the date below. "Confidential Information" means any \
            information disclosed by a party. “Affiliate” shall have the meaning given in Section 1.2.
            """
        let definitions = DefinitionFinder.definitions(in: text)
        #expect(definitions.map(\.term) == ["Agreement", "Confidential Information", "Affiliate"])
        #expect(definitions[1].text == "\"Confidential Information\" means any information disclosed by a party.")
    }

    @Test func aDefinitionThatRunsOnIsAnsweredWhole() {
        let runsOn = """
            1.4 \u{201C}Quarterly Grant Number\u{201D} means the number of shares granted each quarter. The Quarterly \
            Grant Number shall be the Royalty divided by the average closing price of the shares.
            """
        #expect(
            DefinitionFinder.definitions(in: runsOn).first?.text
                == "\u{201C}Quarterly Grant Number\u{201D} means the number of shares granted each quarter. The "
                + "Quarterly Grant Number shall be the Royalty divided by the average closing price of the shares.")
        // A second term defined later in the paragraph, or the next clause run in, keeps the first alone.
        let twoTerms = "\"Fees\" means the charges. \"Term\" means one year."
        #expect(
            DefinitionFinder.definitions(in: twoTerms).map(\.text) == [
                "\"Fees\" means the charges.", "\"Term\" means one year.",
            ])
        let runIn = "\"Fees\" means the charges. 1.5 The Licensee shall pay them."
        #expect(DefinitionFinder.definitions(in: runIn).map(\.text) == ["\"Fees\" means the charges."])
    }

    @Test func scannerTakesEveryDefiningFormAndSkipsLookAlikes() {
        let sentence = """
            The "Company" and "Affiliate" means a controlled entity, "Term," shall have the meaning below,             "Fees" refers  to charges, (each, a "Party") and (hereinafter referred to as "Licensee") but "Notice"             meaning nothing, "X" means one letter and (The "Board") is capitalised.
            """
        #expect(DefinedTermScanner(sentence).terms() == ["Affiliate", "Term,", "Fees", "Party", "Licensee"])
        #expect(
            DefinitionFinder.definitions(in: sentence).map(\.term) == [
                "Affiliate", "Term", "Fees", "Party", "Licensee",
            ])
    }

    /// A long sentence answers for a term it defines with a verb, not for one it names in brackets.
    @Test func aLongSentenceDoesNotDefineWhatItNamesInBrackets() {
        let filler = Array(repeating: "and shall comply with every applicable rule", count: 11).joined(separator: " ")
        let long = "\"Services\" means the work the Provider does \(filler) (the \"Rules\")."
        let short = "The parties shall form a joint project team (the \"Joint Project Team\")."
        #expect(long.split(separator: " ").count > DefinitionFinder.longestBracketDefinitionWords)
        #expect(
            DefinitionFinder.definitions(in: long + "\n\n" + short).map(\.term) == ["Services", "Joint Project Team"])
        #expect(DefinedTermScanner(long).definedTerms().map(\.isParenthetical) == [false, true])
        // A bracket the sentence splitter cut from what it names defines nothing.
        #expect(DefinitionFinder.definitions(in: "(hereinafter \"Site\").").isEmpty)
        #expect(DefinedTermScanner(" (the \"Site\") is leased.").definedTerms().map(\.opensSentence) == [true])
    }

    @Test func definitionsLoseTheirClauseNumbers() {
        let definitions = DefinitionFinder.definitions(
            in: "1.3 \"Security Incident\" means a breach of security.\n\n(x) “Territory” shall mean the US.")
        #expect(
            definitions.map(\.text) == [
                "\"Security Incident\" means a breach of security.", "“Territory” shall mean the US.",
            ])
    }

    @Test func findsPartiesAndDate() {
        let preamble = """
            This Agreement is entered into as of March 1, 2020 by and between Acme Corp., a Delaware corporation \
            ("Acme"), and Beta Services LLC, a New York limited liability company ("Provider").
            """
        #expect(PartyFinder.parties(in: preamble) == ["Acme Corp", "Beta Services LLC"])
        #expect(PartyFinder.date(in: preamble) == "March 1, 2020")
    }
}

@Suite struct HeadingNumberOnItsOwnLineTests {
    @Test func bareDottedNumberTakesTheNextLineAsItsTitle() throws {
        let document = Document(
            id: "d", source: "a.pdf", format: .pdf, title: nil,
            blocks: [
                Block(kind: .paragraph, text: "3.2.3.5", page: 4),
                Block(kind: .paragraph, text: "Deposits", page: 4),
                Block(
                    kind: .paragraph,
                    text: "Party B may collect a deposit from the Driver User for the leased vehicle.", page: 4),
            ])
        let passages = Chunker(options: ChunkingOptions(minTokens: 0)).passages(of: document)
        #expect(passages.count == 1)
        #expect(passages[0].label == "Section 3.2.3.5")
        #expect(passages[0].heading == "Deposits")
        #expect(passages[0].text == "Party B may collect a deposit from the Driver User for the leased vehicle.")
    }

    @Test func filingTitlesReadNaturally() {
        #expect(DocumentFacts.readableTitle("Exhibit 10.4 CONSULTING AGREEMENT") == "Consulting Agreement")
        #expect(DocumentFacts.readableTitle("EX-10.26 FRANCHISE AGREEMENT") == "Franchise Agreement")
        #expect(DocumentFacts.readableTitle("Master Services Agreement") == "Master Services Agreement")
    }
}

@Suite struct TextScanningTests {
    @Test func paragraphsMatchSplittingAtBlankLines() {
        for text in ["a\n\nb", "\n\na\n\n\n\nb\n\n", "a\n\n\nb", "one line", "", "x\n\n", "é\n\n“q”\nr"] {
            #expect(text.paragraphs == text.split(separator: "\n\n"), "\(text.debugDescription)")
        }
    }

    @Test func countsWordsAndFindsOpeningQuotes() {
        #expect("one two  three".hasWords(atLeast: 3))
        #expect(!"one\ntwo ".hasWords(atLeast: 3))
        #expect("the “Term”".containsOpeningQuote)
        #expect("a \"b\"".containsOpeningQuote)
        #expect(!"only ” and ’ here".containsOpeningQuote)
    }
}
