import Testing

@testable import TuneData

/// Table-driven tests of the legal grammar: section numbering and enumerators, title clean-up,
/// the all-capitals heading test, attachment labels and recital words, each through every function
/// that reads them.
@Suite struct LegalGrammarTests {
    // MARK: - Headings from their numbering

    @Test(
        arguments: [
            ("ARTICLE V", "Article V", 2),
            ("ARTICLE IV DEFINITIONS", "Article IV Definitions", 2),
            ("Part 2: Fees", "Part 2 Fees", 1),
            ("CHAPTER III", "Chapter III", 1),
            ("Section 5.2 Notice", "Section 5.2 Notice", 4),
            ("SECTION 12. GOVERNING LAW.", "Section 12 Governing Law", 3),
            ("Sec. 3 Term", "Section 3 Term", 3),
            ("§ 12 Notices", "§ 12 Notices", 3),
            ("§§ 4.1 Scope", "§ 4.1 Scope", 4),
            ("EXHIBIT A", "Exhibit A", 1),
            ("Exhibit B - Form of Note", "Exhibit B Form of Note", 1),
            ("Annex 1 — Services", "Annex 1 Services", 1),
            ("Attachment C", "Attachment C", 1),
            ("1.1.3", "Section 1.1.3", 5),
            ("5.2 Notice", "Section 5.2 Notice", 4),
            ("12 Tax Matters", "Section 12 Tax Matters", 3),
            ("7. TERMINATION.", "Section 7 Termination", 3),
            ("3.4 Governing Law;", "Section 3.4 Governing Law", 4),
            // Was "… Sub B.v": the title was trimmed before title case, which then lost the abbreviation.
            ("4. NAME OF HOLLAND SUB B.V.", "Section 4 Name of Holland Sub B.V", 3),
            ("2. ACME L.L.C. AS MANAGER", "Section 2 Acme L.L.C. as Manager", 3),
        ] as [(String, String, Int)])
    func numberedHeading(text: String, display: String, level: Int) throws {
        let heading = try #require(LegalHeading.parse(text))
        #expect(heading.displayText == display)
        #expect(heading.level == level)
    }

    @Test(arguments: [
        "28 U.S.C. § 1291.", "(a) the Company", "a. the Company", "5.2 the Company shall pay",
        "2020 was a year", "WHEREAS the parties", "Section", "1. 2. 3.",
    ])
    func notANumberedHeading(text: String) {
        #expect(LegalHeading.parse(text) == nil)
    }

    @Test(
        arguments: [
            ("12.3 Governing Law. This Agreement is governed by New York law.", "Section 12.3 Governing Law", 4),
            ("Section 4. Notices. All notices shall be in writing.", "Section 4 Notices", 3),
            ("ARTICLE 2 Term. The term is one year.", "Article 2 Term", 2),
            ("§ 7 Fees. Fees are due monthly.", "§ 7 Fees", 3),
            ("5. CONFIDENTIALITY. Each party shall keep secrets.", "Section 5 Confidentiality", 3),
            ("Sec. 9 Assignment. Neither party may assign.", "Section 9 Assignment", 3),
            // New when the run-in words came from the vocabulary: the abbreviation in capitals.
            ("SEC. 9 ASSIGNMENT. Neither party may assign.", "Section 9 Assignment", 3),
        ] as [(String, String, Int)])
    func runInHeading(text: String, display: String, level: Int) throws {
        let (heading, body) = try #require(LegalHeading.parseRunIn(text))
        #expect(heading.displayText == display)
        #expect(heading.level == level)
        #expect(text.hasSuffix(body))
    }

    // MARK: - The all-capitals heading test

    /// The chunker and the PDF heading rules share one test; the PDF rules allowed twelve words
    /// before (the eleven- and twelve-word lines below were PDF headings but not chunker headings).
    @Test(
        arguments: [
            ("CONFIDENTIALITY", true),
            ("TERM AND TERMINATION", true),
            ("RECITALS:", true),
            ("GOVERNING LAW,", false),
            ("NOTICES;", false),
            ("ABC", false),
            ("A B C D", true),
            ("Governing Law", false),
            ("ÉTATS UNIS", true),
            ("ONE TWO THREE FOUR FIVE SIX SEVEN EIGHT NINE TEN", true),
            ("ONE TWO THREE FOUR FIVE SIX SEVEN EIGHT NINE TEN ELEVEN", false),
            ("ONE TWO THREE FOUR FIVE SIX SEVEN EIGHT NINE TEN ELEVEN TWELVE", false),
            ("1.2.3 4", false),
            (String(repeating: "AB ", count: 27), false),
        ] as [(String, Bool)])
    func allCapitals(text: String, isHeading: Bool) {
        #expect(LegalHeading.isCapitalisedHeading(text) == isHeading)
        #expect(PDFHeadingRules.isAllCapitals(text) == isHeading)
        #expect(HeadingTitle.isAllCapitals(text) == isHeading)
    }

    // MARK: - Title clean-up

    @Test(
        arguments: [
            ("GOVERNING LAW", "Governing Law"),
            ("CONDITIONS AND CONTINGENCIES.", "Conditions and Contingencies"),
            ("Injunctive Relief:", "Injunctive Relief"),
            ("NOTICES;", "Notices"),  // was "NOTICES": the capitals test ran before the ";" was cut
            ("GOVERNING LAW,", "Governing Law"),  // was "GOVERNING LAW", likewise
            ("Term —", "Term"),  // was "Term —": the dashes were only cut by the other cleaner
            ("ARTICLE II.", "Article II"),
            ("HOLLAND SUB B.V.", "Holland Sub B.V"),
            ("ACME L.L.C.", "Acme L.L.C"),
            ("U.S. OPERATIONS", "U.S. Operations"),
            ("...", "..."),
            ("Notice", "Notice"),
        ] as [(String, String)])
    func headingTitle(text: String, title: String) {
        #expect(SectionOutline.headingTitle(text) == title)
    }

    @Test(
        arguments: [
            ("GOVERNING LAW", "Governing Law"),
            ("TERMS OF THE AGREEMENT", "Terms of the Agreement"),
            ("THE PARTIES", "The Parties"),
            ("SCHEDULE II", "Schedule II"),
            ("(IV) LIMITS", "(IV) Limits"),
            ("U.S. LLC AND EU", "U.S. LLC and EU"),
            ("HOLLAND B.V", "Holland B.V"),  // was "Holland B.v",
            ("ACME L.L.C.", "Acme L.L.C."),
            // Was "Release From Escrow": title case and the title test now share one list of connectives.
            ("RELEASE FROM ESCROW", "Release from Escrow"),
            ("LIMITATION UPON LIABILITY UNDER LAW", "Limitation upon Liability under Law"),
            // A country's acronym stays one: the governing law of "the PRC" is not "Prc".
            ("PRC", "PRC"),
            ("LAWS OF THE UAE", "Laws of the UAE"),
        ] as [(String, String)])
    func capitalizedTitle(text: String, title: String) {
        #expect(text.capitalizedTitle == title)
    }

    @Test(
        arguments: [
            ("Exhibit 10.4 CONSULTING AGREEMENT", "Consulting Agreement"),
            ("EX-10.26 FRANCHISE AGREEMENT", "Franchise Agreement"),
            ("Master Services Agreement", "Master Services Agreement"),
            ("JOINT VENTURE AGREEMENT", "Joint Venture Agreement"),
            ("Exhibit 10.1 ABC", "Exhibit 10.1 ABC"),
        ] as [(String, String)])
    func readableTitle(raw: String, title: String) {
        #expect(DocumentFacts.readableTitle(raw) == title)
    }

    // MARK: - PDF heading lines

    @Test(
        arguments: [
            ("ARTICLE V", 1, 4),
            ("CHAPTER I", 1, 3),
            ("Section 4 Data protection officer", 2, 5),
            ("§ 5 Scope", 2, 5),
            ("5. Payment", 2, 6),
            ("5.2 Notice", 3, 7),
            ("5.2.1 Notice", 4, 8),
            ("SCHEDULE 1", 1, 0),
            ("Exhibit A", 1, 0),
            ("Attachment A", 1, 0),  // was not a heading: the PDF rules left "attachment" out of their list
        ] as [(String, Int, Int)])
    func pdfNumberedLevelAndRank(text: String, level: Int, rank: Int) {
        #expect(PDFHeadingRules.numberedLevel(text) == level)
        #expect(PDFHeadingRules.numberedRank(text) == rank)
    }

    @Test(arguments: [
        "5.2 the Company shall pay", "1.20 “Claims” shall have the meaning set forth in Section 6.1(a).",
        "Section 4 Notices,", "Appendix 3 fees",
    ])
    func pdfNotNumbered(text: String) {
        #expect(PDFHeadingRules.numberedLevel(text) == nil)
    }

    @Test(
        arguments: [
            ("Article 5", true), ("ARTICLE V", true), ("Section 3.", true), ("§ 12", true), ("SCHEDULE A", true),
            ("Exhibit B.", true),
            ("Attachment 1", true),  // was false: the bare-label list left "attachment" out
            ("Article 5 Fees", false),
        ] as [(String, Bool)])
    func pdfBareLabel(text: String, isBare: Bool) {
        #expect(PDFHeadingRules.isBareLabel(text) == isBare)
    }

    // MARK: - Enumerators

    @Test(
        arguments: [
            ("(a) the Company", true, true),
            ("(iv) the Company", true, true),
            ("(12) the Company", true, true),
            ("(A) the Company", true, true),
            ("(viii) the Company", true, true),
            ("a) the Company", true, true),
            ("1) the Company", true, true),
            ("• the Company", true, true),
            ("1. the Company", false, true),
            ("(1).the Company", false, true),
            ("a. the Company", false, false),
            ("A) the Company", false, false),
            ("(abc) the Company", false, false),
            ("The Company", false, false),
            ("- the Company", false, false),
        ] as [(String, Bool, Bool)])
    func pdfListItemStarts(text: String, listItem: Bool, enumerated: Bool) {
        #expect(PDFBlockBuilder.startsListItem(text) == listItem)
        #expect(PDFBlockBuilder.startsEnumerated(text) == enumerated)
    }

    @Test(
        arguments: [
            ("1.", true, true), ("12)", true, true), ("(a)", true, true), ("(iv)", true, true), ("a)", true, true),
            ("(2)", true, true), ("c.", true, false), ("B.", true, false), ("iv.", true, false), ("(B)", true, true),
            ("AB)", false, true), ("•", false, true), ("-", false, true), ("§ 3", false, true), ("(abc)", false, false),
            ("1.1", false, false), ("Note", false, false),
        ] as [(String, Bool, Bool)])
    func pdfBareAndHangingEnumerators(text: String, bare: Bool, hanging: Bool) {
        #expect(PDFBlockBuilder.isBareEnumerator(text) == bare)
        #expect((text.wholeMatch(of: LegalEnumerator.pdfHangingLabel) != nil) == hanging)
    }

    @Test(
        arguments: [
            ("(a) ", true), ("(iv) ", true), ("(12) ", true), ("3. ", true), ("• ", true), ("- ", true), ("– ", true),
            ("(A) ", false), ("(abc) ", false), ("(1234) ", false), ("123. ", false), ("a. ", false), ("(a)x", false),
            ("(viii) ", true), ("3.", false),
        ] as [(String, Bool)])
    func templateListItem(start: String, isItem: Bool) {
        #expect(TemplateContext.isListItem(start + "the Company") == isItem)
    }

    @Test(
        arguments: [
            ("Licence text ends here.\n(a) first item;\n(b) second item.", 3),
            ("Licence text ends here.\n1. first item;\n2) second item.", 3),
            ("Licence text ends here.\n(iv) first item;\n- second item.", 3),
            ("Licence text ends here.\n(A) not an item;\nA. not an item.", 1),
            ("Licence text ends here\n(a) carries on", 1),
        ] as [(String, Int)])
    func preformattedParagraphs(text: String, count: Int) {
        #expect(PreformattedText.paragraphs(text).count == count)
    }

    @Test(
        arguments: [
            ("1.3 \"Term\" means a period.", "\"Term\" means a period."),
            ("(x) “Affiliate” means a company.", "“Affiliate” means a company."),
            ("b) \"Fee\" means money.", "\"Fee\" means money."),
            ("(iv) \"Fee\" means money.", "\"Fee\" means money."),
            ("(A) \"Fee\" means money.", "(A) \"Fee\" means money."),
            ("1.3 The \"Term\" means a period.", "1.3 The \"Term\" means a period."),
        ] as [(String, String)])
    func definitionWithoutEnumerator(sentence: String, stripped: String) {
        #expect(DefinitionFinder.withoutEnumerator(sentence) == stripped)
    }

    @Test(
        arguments: [
            (
                "17.1. If any provision is invalid, the rest stays.",
                "17.1. If any provision is invalid, the rest stays."
            ),
            ("(a). The Company shall pay all the fees due.", "(a)."),
            ("The Company shall pay. Then it may go.", "The Company shall pay."),
            (
                "(a) Notices. All notices shall be in writing. They go by mail.",
                "(a) Notices. All notices shall be in writing."
            ),
            ("(iv) Record Keeping. Each Party keeps records.", "(iv) Record Keeping. Each Party keeps records."),
            ("(b) The Company shall pay. Then it may go.", "(b) The Company shall pay."),
            // A short first item is where the passage begins; a heading line on its own is not.
            (
                "(10) Minimum hours of operation;\n\n(11) Participation in market research;",
                "(10) Minimum hours of operation;"
            ),
            ("4.1 NCC shall:\n\n4.1.1 hold the Material in a safe place;", "4.1 NCC shall:"),
            (
                "2.1 Initial Term.\n\nThe initial term is five years from the Effective Date.",
                "The initial term is five years from the Effective Date."
            ),
            (
                "Monitoring and evaluation\n\nThe Parties shall meet each quarter to review progress.",
                "The Parties shall meet each quarter to review progress."
            ),
        ] as [(String, String)])
    func firstSentenceKeepsItsClauseNumber(text: String, first: String) {
        #expect(TemplateContext.firstSentence(of: text) == first)
    }

    // MARK: - Attachment labels, draft markers and recitals

    @Test(
        arguments: [
            ("Exhibit A-3", true), ("SCHEDULE 2 - 4", true), ("Attachment B–12", true), ("Annex 1", false),
            ("Exhibit A", false),
        ] as [(String, Bool)])
    func attachmentPageLabel(text: String, isPageLabel: Bool) {
        #expect((text.wholeMatch(of: SectionLabel.attachmentPage) != nil) == isPageLabel)
    }

    @Test func wordListsMatchLongestFirst() {
        #expect(["part", "attachment", "annex"].alternation == "attachment|annex|part")
        #expect(SectionLabel.attachmentWord.split(separator: "|").count == LegalVocabulary.attachments.count)
    }

    @Test(
        arguments: [
            ("Exhibit 10.28", true), ("EXHIBIT 10.2 EXECUTION VERSION", true), ("Execution Copy", true),
            ("Annex A", true), ("Appendix IV", true), ("Attachment 3-B", true),
            ("Schedule 1", true),  // was false: the cover's labels now use the one attachment word list
            ("LICENSE AGREEMENT", false),
        ] as [(String, Bool)])
    func coverLabelOrMarker(text: String, isLabel: Bool) {
        #expect(OpeningTitle.isLabelOrMarker(text) == isLabel)
    }

    @Test(
        arguments: [
            ("Recitals", true), ("RECITALS:", true), ("Background", true), ("WITNESSETH:", true), ("Preamble", true),
            ("Whereas", true), ("Premises", true), ("Definitions", false),
        ] as [(String, Bool)])
    func recitalHeadings(title: String, isPreamble: Bool) {
        let heading = OutlineHeading(label: nil, title: title, level: 1, sourceText: title)
        #expect(SectionOutline.isPreamble(heading) == isPreamble)
    }
}
