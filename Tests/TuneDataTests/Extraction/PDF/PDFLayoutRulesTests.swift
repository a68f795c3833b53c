import Foundation
import Testing
@testable import TuneData

@Suite struct PDFLayoutRulesTests {
    private func line(
        _ text: String, y: Double, x: Double = 72, width: Double = 468, size: Double = 10, bold: Bool = false
    ) -> PDFLine {
        PDFLine(text: text, box: PDFBox(x0: x, y0: y, x1: x + width, y1: y + size), fontSize: size, isBold: bold)
    }

    @Test(arguments: [
        ("ARTICLE V", 1), ("Article 12 Transparent information", 1), ("Section 5.02 Notice", 2), ("§ 12", 2),
        ("SECTION 3. DEFINITIONS", 2), ("5.2 Notice", 3), ("5.2.1 Addresses", 4), ("7. Governing Law", 2),
    ])
    func numberedHeadings(text: String, level: Int) {
        #expect(PDFHeadingRules.numberedLevel(text) == level)
    }

    @Test(arguments: [
        "5.2 Notice. All notices under this Agreement shall be given in writing.",
        "Article 6(1) of the Charter provides that everyone has the right to the protection of data,",
        "12.5 percent of the net revenue shall be paid to the Licensor in each quarter of the term of this Agreement",
        "Section 4.1 shall apply, mutatis mutandis,",
        "1.20 “Claims” shall have the meaning set forth in Section 6.1(a).",
        "1.7. “Products” means the products listed in Schedule 1.",
        "1. That you are making the election.",
    ])
    func sentencesAreNotHeadings(text: String) {
        #expect(PDFHeadingRules.numberedLevel(text) == nil)
    }

    @Test func headingLevelsFollowTheNumberingTheDocumentUses() {
        let regulation = [
            "CHAPTER III Rights", "Section 1 Transparency", "Article 12 Transparent information",
            "Section 2 Information",
            "Article 13 Information", "CHAPTER IV Controller", "Section 1 General obligations",
            "Article 24 Responsibility",
            "Exhibit A",
        ].map { Block(kind: .heading(level: 1), text: $0, page: 1) }
        #expect(
            PDFBlockBuilder.levellingNumberedHeadings(regulation).map(\.kind.headingLevel) == [
                1, 2, 3, 2, 3, 1, 2, 3, 1,
            ])
        let contract = ["ARTICLE V TERM", "Section 5.02 Termination", "5.2.1 Notice periods"]
            .map { Block(kind: .heading(level: 2), text: $0, page: 1) }
        #expect(PDFBlockBuilder.levellingNumberedHeadings(contract).map(\.kind.headingLevel) == [1, 2, 3])
    }

    @Test func pageFurnitureKeysFoldDigits() {
        #expect(PDFRunningLines.key("Page 3 of 25") == PDFRunningLines.key("Page 14 of 25"))
        #expect(
            PDFRunningLines.key("Case 1:20-cv-01234 Document 12 Filed 01/02/20 Page 3 of 25")
                == PDFRunningLines.key("Case 1:20-cv-01234 Document 12 Filed 01/02/20 Page 4 of 25"))
        #expect(PDFRunningLines.isPageNumber("- 7 -"))
        #expect(PDFRunningLines.isPageNumber("Page 3 of 25"))
        #expect(PDFRunningLines.isPageNumber("xii"))
        #expect(!PDFRunningLines.isPageNumber("Page 3 of the Agreement"))
        #expect(PDFRunningLines.isBatesNumber("ACME0001234"))
        #expect(!PDFRunningLines.isBatesNumber("EXHIBIT 10.1"))
    }

    @Test func courtHeadersAndPleadingNumbersAreRemoved() {
        let sentences = [
            "The plaintiff filed a motion.", "The court heard it.", "Counsel appeared.", "The motion is denied.",
        ]
        let pages = (1...4).map { number in
            var lines = [line("Case 1:20-cv-01234 Document 12 Filed 01/02/20 Page \(number) of 4", y: 30)]
            for row in 1...6 {
                lines.append(line("\(row)", y: 200 + Double(row) * 24, x: 30, width: 8))
                lines.append(
                    line(
                        row == 1 ? sentences[number - 1] : "Line \(row) of the argument on page \(number).",
                        y: 200 + Double(row) * 24))
            }
            lines.append(line("\(number)", y: 740, x: 300, width: 8))
            return PDFPage(number: number, width: 612, height: 792, lines: lines, hasImages: false)
        }
        let furniture = PDFRunningLines.furniture(in: pages)
        #expect(furniture.allSatisfy { $0 == [0, 1, 3, 5, 7, 9, 11, 13] })
    }

    @Test func pleadingNumbersNeedARunAndSectionNumbersRejoin() {
        let page = PDFPage(
            number: 1, width: 612, height: 792,
            lines: [
                line("1", y: 300, x: 60, width: 6),
                line("Definitions", y: 300, x: 90, width: 80),
                line("In this Agreement the following terms apply.", y: 320),
            ], hasImages: false)
        #expect(PDFRunningLines.furniture(in: [page]) == [[]])
        #expect(
            page.rejoiningSplitNumbers().lines.map(\.text) == [
                "1 Definitions", "In this Agreement the following terms apply.",
            ])
    }

    /// Section numbers and a schedule's list in the left margin are not pleading line numbers, which
    /// count up by one at an even pitch (HEALTHGATE's "12 Arbitration" and "13 General" lost their numbers).
    @Test func marginNumbersAreLineNumbersOnlyWhenTheyCountLines() {
        let scheduleTops = [580.0, 611, 627, 642, 665, 681]
        let clauses =
            [line("12", y: 70, x: 13, width: 10), line("13", y: 364, x: 13, width: 10)]
            + scheduleTops.enumerated().map { line("\($0.offset + 1)", y: $0.element, x: 39, width: 6) }
        #expect(!PDFRunningLines.isLineNumbering(clauses))
        let pleading = (1...10).map { line("\($0)", y: 60 + Double($0) * 24, x: 40, width: 8) }
        #expect(PDFRunningLines.isLineNumbering(pleading))
        #expect(PDFRunningLines.isLineNumbering([line("4 5 6 7 8 9", y: 100, x: 40, width: 60)]))
    }

    @Test func aHangingNumberColumnListedApartJoinsTheTextOnItsBaseline() {
        // Poppler lists a hanging indent's numbers before the text they number.
        let page = PDFPage(
            number: 1, width: 612, height: 792,
            lines: [
                line("4.2", y: 200, x: 72, width: 14),
                line("5", y: 240, x: 72, width: 6),
                line("The Licensee shall pay the fees when due.", y: 200, x: 108, width: 300),
                line("NCC shall not be liable for any loss.", y: 240, x: 108, width: 300),
            ], hasImages: false)
        #expect(
            page.rejoiningSplitNumbers().lines.map(\.text) == [
                "4.2 The Licensee shall pay the fees when due.", "5 NCC shall not be liable for any loss.",
            ])
    }

    @Test func aNumberInATablesSecondColumnStaysInItsCell() {
        let page = PDFPage(
            number: 1, width: 612, height: 792,
            lines: [
                line("131 – 140", y: 300, x: 72, width: 40),
                line("260", y: 300, x: 150, width: 14),
                line("Taxable income", y: 320, x: 72, width: 80),
                line("Over the limit", y: 300, x: 200, width: 80),
            ], hasImages: false)
        #expect(
            page.rejoiningSplitNumbers().lines.map(\.text) == [
                "131 – 140", "260", "Taxable income", "Over the limit",
            ])
    }

    @Test(arguments: [("5", true), ("4.2", true), ("6.1.5", true), ("2.1.", true), ("2026", false), ("$5", false)])
    func bareSectionNumbers(text: String, isNumber: Bool) {
        #expect(PDFPage.isBareSectionNumber(text) == isNumber)
    }

    @Test func aClauseNumberHangingLeftOfTheTextAboveStartsTheNextClause() {
        // 2.2 ends on a redaction mark, not a full stop; 2.3's number hangs left of 2.2's text.
        let page = PDFPage(
            number: 1, width: 612, height: 792,
            lines: [
                line("2.2 The Company shall deliver the Identity", y: 100, x: 72, width: 400),
                line("Materials and the Source Identity, ***", y: 112, x: 100, width: 300),
                line("2.3 On the Effective Date the Company shall pay the fee.", y: 124, x: 72, width: 400),
            ], hasImages: false)
        #expect(
            PDFBlockBuilder(pages: [page]).blocks().map(\.text) == [
                "2.2 The Company shall deliver the Identity Materials and the Source Identity, ***",
                "2.3 On the Effective Date the Company shall pay the fee.",
            ])
    }

    @Test func anAttachmentHeadingAtAPageTopStartsABlockUnlessTheSentenceLeadsIntoIt() {
        func page(_ number: Int, _ text: String) -> PDFPage {
            PDFPage(
                number: number, width: 612, height: 792, lines: [line(text, y: 100, width: 200)], hasImages: false)
        }
        let afterCell = PDFBlockBuilder(pages: [page(1, "1 [***]"), page(2, "Exhibit H - BARDA Requirements")])
        #expect(afterCell.blocks().map(\.text) == ["1 [***]", "Exhibit H - BARDA Requirements"])
        let inSentence = PDFBlockBuilder(pages: [
            page(1, "The Assay shall meet the specifications set forth in"), page(2, "Exhibit G hereto."),
        ])
        #expect(
            inSentence.blocks().map(\.text) == [
                "The Assay shall meet the specifications set forth in Exhibit G hereto."
            ])
    }

    @Test(arguments: [
        ("Exhibit H - BARDA Requirements", true), ("SCHEDULE 2", true), ("Annex A Price List", true),
        ("Exhibit B hereto, the Licensee shall pay", false), ("Exhibit 10.5 SUPPLY AGREEMENT", false),
        ("Exhibits shall be attached", false),
    ])
    func attachmentHeadings(text: String, opens: Bool) {
        #expect(PDFHeadingRules.opensAttachment(text) == opens)
    }

    @Test func repeatedArticleHeadingsAtPageTopsStay() {
        let pages = (1...4).map { number in
            PDFPage(
                number: number, width: 612, height: 792,
                lines: [
                    line("ARTICLE \(number) TERMS", y: 40, bold: true),
                    line("Body text of article \(number) runs across the page and ends here.", y: 300),
                ], hasImages: false)
        }
        let furniture = PDFRunningLines.furniture(in: pages)
        #expect(furniture.allSatisfy { $0.isEmpty })
    }

    @Test func paragraphsRebuiltAcrossLinesAndPages() {
        let first = PDFPage(
            number: 1, width: 612, height: 792,
            lines: [
                line("1.1 Scope", y: 100, width: 60, bold: true),
                line("The Supplier shall deliver the confiden-", y: 115),
                line("tiality undertakings and the Anglo-", y: 127),
                line("Dutch annex before the non-", y: 139),
                line("exclusive licence starts, and", y: 151, width: 200),
            ], hasImages: false)
        let second = PDFPage(
            number: 2, width: 612, height: 792,
            lines: [
                line("continues on the next page.", y: 100, width: 150),
                line("A non-exclusive right is granted.", y: 125, width: 200),
            ], hasImages: false)
        let blocks = PDFBlockBuilder(pages: [first, second]).blocks()
        #expect(
            blocks == [
                Block(kind: .heading(level: 1), text: "1.1 Scope", page: 1),
                Block(
                    kind: .paragraph,
                    text:
                        "The Supplier shall deliver the confidentiality undertakings and the Anglo-Dutch annex before the non-exclusive licence starts, and continues on the next page.",
                    page: 1),
                Block(kind: .paragraph, text: "A non-exclusive right is granted.", page: 2),
            ])
    }

    @Test func aNumberedLineRunningOnInLowerCaseIsAClauseNotAHeading() {
        let page = PDFPage(
            number: 1, width: 612, height: 792,
            lines: [
                line("11.3 Amendment", y: 100, width: 90),
                line("11.3.1 This Agreement supersedes all prior and contemporaneous", y: 120, x: 108, width: 400),
                line("agreements and understandings between the parties.", y: 132, width: 300),
                // Bold, so set apart by its style: its wrapped second line carries on the heading.
                line("11.4 Do you rent your", y: 160, width: 120, bold: true),
                line("residence?", y: 172, width: 60, bold: true),
                line("Only if you do.", y: 190, width: 80),
            ], hasImages: false)
        let blocks = PDFBlockBuilder(pages: [page]).blocks()
        #expect(blocks.map(\.kind) == [.heading(level: 1), .paragraph, .heading(level: 1), .paragraph])
        #expect(
            blocks[1].text
                == "11.3.1 This Agreement supersedes all prior and contemporaneous agreements and understandings between the parties."
        )
        #expect(blocks[2].text == "11.4 Do you rent your residence?")
    }

    @Test func aLetterOrRomanEnumeratorSetApartTakesTheTextBesideIt() {
        let page = PDFPage(
            number: 1, width: 612, height: 792,
            lines: [
                line("5. Representations. Each Party represents, warrants and covenants during the Term that:", y: 86),
                line("b.", y: 100, x: 90, width: 10),
                line("The Party is solvent.", y: 100, x: 120, width: 200),
                line("iii.", y: 114, x: 90, width: 12),
                line("The Party may perform.", y: 114, x: 120, width: 120),
                line("C.", y: 128, x: 90, width: 10),
                line("Client sells postage.", y: 128, x: 120, width: 150),
            ], hasImages: false)
        let texts = PDFBlockBuilder(pages: [page]).blocks().map(\.text)
        #expect(
            texts.dropFirst() == [
                "b. The Party is solvent.", "iii. The Party may perform.", "C. Client sells postage.",
            ])
    }

    @Test func theRestOfAPrintedLineCutAtAWideSpaceCarriesOnTheParagraph() {
        // A justified court filing: poppler cuts one printed line at its wide spaces.
        let page = PDFPage(
            number: 1, width: 612, height: 792,
            lines: [
                line("As a general rule, jurisdiction is limited to appeals from final decisions of the", y: 100),
                line("district courts.\"", y: 124, width: 80),
                line("28 U.S.C. § 1291.", y: 124, x: 170, width: 80),
                line("Of course, this rule admits of exceptions.", y: 124, x: 268, width: 200),
                line("A new paragraph starts here after a first-line indent and runs on.", y: 160, x: 108, width: 432),
                // Far apart on one row, as table cells are: not one sentence.
                line("Salinas 07/27/2015 Hilton, Inc.", y: 200, width: 140),
                line("Oakland 10/07/2015 Triple B Corporation", y: 200, x: 400, width: 140),
            ], hasImages: false)
        let texts = PDFBlockBuilder(pages: [page]).blocks().map(\.text)
        #expect(
            texts.first
                == "As a general rule, jurisdiction is limited to appeals from final decisions of the district courts.\" 28 U.S.C. § 1291. Of course, this rule admits of exceptions."
        )
        #expect(texts.last == "Oakland 10/07/2015 Triple B Corporation")
    }

    @Test func footnotesComeAfterTheParagraphTheyInterrupt() {
        let first = PDFPage(
            number: 1, width: 612, height: 792,
            lines: [
                line("The Parties agree that the fees are payable in euro", y: 600),
                line("and that every invoice states the amount due", y: 612),
                line("1 Excluding value added tax.", y: 740, size: 7),
            ], hasImages: false)
        let second = PDFPage(
            number: 2, width: 612, height: 792,
            lines: [
                line("within thirty days.", y: 100, width: 100),
                line("Each Party bears its own costs.", y: 130, width: 160),
            ], hasImages: false)
        let blocks = PDFBlockBuilder(pages: [first, second]).blocks()
        #expect(blocks.map(\.kind) == [.paragraph, .footnote, .paragraph])
        #expect(blocks.first?.text.hasSuffix("the amount due within thirty days.") == true)
        #expect(blocks[1] == Block(kind: .footnote, text: "1 Excluding value added tax.", page: 1))
    }
}

/// Checks against the shared corpus; skipped when `../shared/corpus` is absent.
@Suite(.enabled(if: PDFTestFiles.corpusIsAvailable, "needs ../shared/corpus"))
struct PDFCorpusTests {
    private func extract(_ relative: String, neutralizing: Bool = true) throws -> Document {
        let url = PDFTestFiles.corpus.appendingPathComponent(relative)
        let source = SourceFile(url: url, displayPath: relative, documentID: "c")
        return try PDFExtractor(neutralizesOutputIntents: neutralizing).extract(
            Data(contentsOf: url), from: source, options: .init())
    }

    @Test(arguments: [
        "legal-pdf/cuad/pdf/ScansourceInc_20190822_10-K_EX-10.38_11793958_EX-10.38_Distributor Agreement2.pdf",
        "legal-pdf/cuad/pdf/UsioInc_20040428_SB-2_EX-10.11_1723988_EX-10.11_Affiliate Agreement 2.pdf",
        "legal-pdf/cuad/pdf/GluMobileInc_20070319_S-1A_EX-10.09_436630_EX-10.09_Content License Agreement2.pdf",
    ])
    func outputIntentWorkaroundKeepsCUADText(file: String) throws {
        let data = try Data(contentsOf: PDFTestFiles.corpus.appendingPathComponent(file))
        #expect(PDFOutputIntents.neutralized(data) != nil)
        let hidden = try extract(file)
        let kept = try extract(file, neutralizing: false)
        #expect(hidden.blocks == kept.blocks)
    }

    @Test func gdprHasArticlesAndNoRunningHeaders() throws {
        let document = try extract("legal-pdf/eurlex-misc/gdpr-regulation.pdf")
        #expect(document.pageCount == 88)
        let headings = document.blocks.filter { $0.kind.headingLevel != nil }.map(\.text)
        #expect(headings.contains("Article 5 Principles relating to processing of personal data"))
        #expect(headings.contains("Article 99 Entry into force and application"))
        #expect(!document.blocks.contains { $0.text.hasPrefix("L 119/") || $0.text.hasSuffix("L 119/1") })
        #expect(!document.blocks.contains { $0.text.contains("Official Journal of the European Union L 119") })
    }

    @Test func pleadingLineNumbersLeaveTheText() throws {
        let document = try extract("legal-pdf/freelaw-doctor/recap_extract__gov.uscourts.cacd.652774.40.0.pdf")
        let text = document.plainText
        #expect(text.contains("that was set to expire on July 25, 2016 based on Plaintiff"))
        #expect(text.contains("UNITED STATES DISTRICT COURT"))
        #expect(!text.contains("10 UNITED STATES"))
        #expect(!text.contains("Page ID #"))
    }

    @Test func robustnessSampleGivesTextOrAReason() throws {
        let folder = PDFTestFiles.corpus.appendingPathComponent("pdf-robustness/pdfminer-samples")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".pdf") }
            .sorted()
        #expect(files.count >= 5)
        for file in files {
            do {
                let document = try extract("pdf-robustness/pdfminer-samples/" + file)
                #expect(!document.blocks.isEmpty, "\(file)")
            } catch let error as ExtractionError {
                #expect(!error.description.isEmpty, "\(file)")
            }
        }
    }
}

/// The words of one justified line that poppler listed as separate lines, after the line below.
@Suite struct PDFJustifiedFragmentTests {
    private func line(_ text: String, y: Double, x: Double, width: Double, size: Double = 10) -> PDFLine {
        PDFLine(text: text, box: PDFBox(x0: x, y0: y, x1: x + width, y1: y + size), fontSize: size, isBold: false)
    }

    @Test func wordsListedAfterTheNextLineJoinTheirLine() {
        let lines = [
            line(
                "herein shall be valid and enforceable to the full extent permitted by law, and further.", y: 100,
                x: 72, width: 400),
            line("This Agreement", y: 114, x: 200, width: 60),
            line("accordance with the laws of the State of Kansas.", y: 128, x: 72, width: 220),
            line("shall", y: 114, x: 268, width: 20),
            line("be", y: 114, x: 296, width: 10),
            line("construed", y: 114, x: 314, width: 40),
            line("in", y: 114, x: 362, width: 8),
        ]
        #expect(
            PDFJustifiedFragments.joined(lines).map(\.text) == [
                "herein shall be valid and enforceable to the full extent permitted by law, and further.",
                "This Agreement shall be construed in", "accordance with the laws of the State of Kansas.",
            ])
    }

    @Test func piecesListedInOrderFiguresAndAnotherColumnsWordStayApart() {
        // A table row read in order: nothing lower was listed between its cells.
        let row = [
            line("Date", y: 100, x: 72, width: 20), line("Title", y: 100, x: 98, width: 20),
            line("Jan-06 Anti-lobbying rules apply to every subcontract.", y: 114, x: 72, width: 300),
        ]
        #expect(PDFJustifiedFragments.joined(row).count == 3)
        // Figures of a table listed late.
        let figures = [
            line("At least", y: 100, x: 72, width: 30),
            line("Single filers pay the tax shown in the table below.", y: 114, x: 72, width: 300),
            line("1,325", y: 100, x: 108, width: 20),
        ]
        #expect(PDFJustifiedFragments.joined(figures).count == 3)
        // The next column's word on the same baseline: no line nearby spans both.
        let columns = [
            line("a. You have no income from a trade", y: 100, x: 72, width: 150),
            line("tax under a tax treaty or any section.", y: 114, x: 72, width: 150),
            line("property.", y: 100, x: 228, width: 30),
            line("personal representative can be anyone.", y: 114, x: 228, width: 150),
        ]
        #expect(PDFJustifiedFragments.joined(columns).count == 4)
    }
}
