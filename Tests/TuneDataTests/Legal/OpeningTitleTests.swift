import Testing
@testable import TuneData

@Suite struct OpeningTitleTests {
    private func heading(_ text: String, page: Int = 1) -> Block {
        Block(kind: .heading(level: 2), text: text, page: page)
    }
    private func paragraph(_ text: String, page: Int = 1) -> Block { Block(kind: .paragraph, text: text, page: page) }

    @Test func skipsFilingLabelsDraftMarkersAndCoverLines() {
        // A regulator's exhibit label, a draft marker, a logo and the share class come before the name.
        let blocks = [
            heading("Exhibit 10.1 EXECUTION COPY"),
            heading("[LOGO AMERICAN EXPRESS]"),
            heading("COMMON STOCK"),
            paragraph("(Par Value $.01 Per Share)"),
            heading("COOPERATION AGREEMENT"),
            paragraph(
                "This AGREEMENT, dated as of June 27, 2017, is made by and between the Company and the Investor."),
        ]
        #expect(OpeningTitle.title(in: blocks) == "COOPERATION AGREEMENT")
    }

    @Test func cutsExhibitLabelAndParties() {
        #expect(
            OpeningTitle.title(in: [
                heading("Exhibit 10.1 PROMOTION AGREEMENT BY AND BETWEEN EXACT SCIENCES AND PFIZER INC.")
            ]) == "PROMOTION AGREEMENT")
        #expect(OpeningTitle.title(in: [heading("EXHIBIT D JOINT FILING AGREEMENT")]) == "JOINT FILING AGREEMENT")
        #expect(
            OpeningTitle.title(in: [heading("Proposed Escrow Agreement: Healthgate Data Corp / Blackwell")])
                == "Proposed Escrow Agreement")
        #expect(
            OpeningTitle.title(in: [heading("Software License Agreement [v.08.05.03]")]) == "Software License Agreement"
        )
        #expect(OpeningTitle.title(in: [heading("AMENDMENT NO. 1")]) == "AMENDMENT NO. 1")
    }

    @Test func findsTheNameWhereACoverLineRunsIntoTheFirstSentence() {
        let runOn = paragraph(
            "Exhibit 10.34 EVENT SPONSORSHIP AGREEMENT This Event Sponsorship Agreement is made between Newegg and Allied."
        )
        #expect(OpeningTitle.title(in: [runOn, heading("BACKGROUND")]) == "EVENT SPONSORSHIP AGREEMENT")
        let twice = paragraph(
            "MAINTENANCE AGREEMENT MAINTENANCE AGREEMENT This Maintenance Agreement is entered into by the parties.")
        #expect(OpeningTitle.title(in: [twice]) == "MAINTENANCE AGREEMENT")
        // A title set as a short paragraph in mixed case.
        #expect(
            OpeningTitle.title(in: [paragraph("Exhibit 10.27"), paragraph("e-business Hosting Agreement")])
                == "e-business Hosting Agreement")
    }

    @Test func rejectsSentencesFragmentsDatesAndFooters() {
        let blocks = [
            paragraph("pursuant to the Agreement"),
            paragraph("NOVEMBER 1, 2002, RATE FT-A AGREEMENT"),
            paragraph("INGRAM NETGEAR Distributor Agreement 11 083096"),
            paragraph("THE WARRANTIES ARE EXCLUSIVE. THEY REPLACE ALL OTHERS AND THIS AGREEMENT GOVERNS."),
        ]
        #expect(OpeningTitle.title(in: blocks) == nil)
    }

    @Test func fallsBackToTheFirstHeadingThatIsNotAMarker() {
        // A court filing names no kind of document in its opening lines: the court is the title.
        let blocks = [
            heading("EXECUTION VERSION"), heading("BACKGROUND"), heading("United States Court of Appeals"),
            paragraph("Before the court is an appeal."),
        ]
        #expect(OpeningTitle.title(in: blocks) == "United States Court of Appeals")
    }

    @Test func stampsAndDocketNumbersAreNotTitles() {
        let blocks = [
            heading("O"), heading("WO"), heading("No. 20-16276"),
            heading("IN THE UNITED STATES COURT OF APPEALS FOR THE NINTH CIRCUIT"),
        ]
        #expect(OpeningTitle.title(in: blocks) == "IN THE UNITED STATES COURT OF APPEALS FOR THE NINTH CIRCUIT")
    }

    @Test func looksOnlyBeforeTheBody() {
        // Once numbered sections begin, a later "... Agreement" line is not the title.
        let blocks = [heading("Appeal"), heading("1. Definitions"), paragraph("Escrow Agreement")]
        #expect(OpeningTitle.title(in: blocks) == "Appeal")
        // Nor past the second page.
        #expect(OpeningTitle.title(in: [paragraph("Cover", page: 1), heading("LICENSE AGREEMENT", page: 3)]) == nil)
    }
}
