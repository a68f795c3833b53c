import Testing

@testable import TuneData

/// Parties, dates and names the CUAD benchmark showed missed, each in wording of the same shape.
@Suite struct FactMissTests {
    @Test(arguments: [
        (
            "This Reseller Agreement is entered into by Northwind Tools Corporation (\"Buyer\"), a Pennsylvania corporation, and Harbor Lubricants Ltd., a company incorporated in the Cayman Islands (\"Harbor\").",
            ["Northwind Tools Corporation", "Harbor Lubricants Ltd."]
        ),
        (
            "MAINTENANCE AGREEMENT (this \"Agreement\"), dated as of July 23, 2003, made by Delta Access, Inc., a corporation organized under the laws of the State of Delaware (the \"Company\"), and Orbit Telecom, Inc., a Delaware corporation (the \"Provider\").",
            ["Delta Access, Inc.", "Orbit Telecom, Inc."]
        ),
        (
            "This Franchise Agreement between Maple Suites Franchise LLC (\"we,\" \"us\" or \"Franchisor\") and the Franchisee (\"you\" or \"Franchisee\") set forth in the Addendum is dated as of the Effective Date.",
            ["Maple Suites Franchise LLC", "Franchisee"]
        ),
        (
            "This Distribution Agreement is entered into by and between Granite Incentive Services, L.L.C., a Missouri limited liability company (\"GIS\"), and its Reseller, Schoolbell, Inc., a Delaware corporation (\"Schoolbell\").",
            ["Granite Incentive Services, L.L.C.", "Schoolbell, Inc."]
        ),
        // Made by the parties' own act, not a list of parties.
        ("Any payment made by the Licensee shall be in dollars.", []),
    ])
    func partiesOfOneSentence(sentence: String, names: [String]) {
        #expect(FactPatterns.parties(in: sentence).map(\.name) == names)
    }

    /// "BETWEEN", one party, "AND", the other: a paragraph each.
    @Test func partiesLaidOutAParagraphEach() throws {
        let (_, passages) = contract([
            "JOINT VENTURE AGREEMENT", "BETWEEN",
            "KESTREL BIOPHARMA Inc., a Delaware Company, 12 Fannin Street, Houston TX 77054 USA", "AND",
            "MOLINO PHARMA S.R.L. an Italian Company stated in Campobasso",
            "1. Governing Law. This Agreement shall be governed by the laws of Italy.",
            "IN WITNESS WHEREOF, the Parties have signed this Agreement.",
        ])
        let facts = ContractFacts(passages: passages)
        #expect(facts.parties.map(\.name) == ["KESTREL BIOPHARMA Inc.", "MOLINO PHARMA S.R.L."])
        // The quoted sentence is the passage's own text, so an example can quote it.
        let sentence = try #require(facts[.parties]?.sentence)
        #expect(passages.contains { $0.text.contains(sentence) })
    }

    /// A party list whose second party follows "On the one part, AND:".
    @Test func aSecondPartyAfterAndColon() {
        let text =
            "between AZURE AIRLINES S/A, a company incorporated under the laws of Brazil, identified under number 09.296, Hereafter referred to as the Company, On the one part, AND: AVIONS DU NORD, a French company, identified under Corporate and Trade Register of Toulouse number 323, On the other part."
        #expect(FactPatterns.parties(in: text).map(\.name) == ["AZURE AIRLINES S/A", "AVIONS DU NORD"])
    }

    /// A preamble the sentence splitter cuts at an abbreviation of its address.
    @Test func aPreambleCutAtAnAbbreviation() {
        let (_, passages) = contract([
            "This Reseller Agreement is made and entered into as of July 31, 2019 by and between Vantage Imaging Ltd., having its principal place of business at 3 Giron St., POB. 325, Yehud, Israel (“Supplier”), and Inde Homes Holdings, Inc., having its principal place of business at 1462 Rudder Lane, Knoxville (“Reseller”).",
            "1. Governing Law. This Agreement shall be governed by the laws of the State of Tennessee.",
        ])
        let facts = ContractFacts(passages: passages)
        #expect(facts.parties.map(\.name) == ["Vantage Imaging Ltd.", "Inde Homes Holdings, Inc."])
    }

    @Test(arguments: [
        (
            "THIS AGREEMENT is entered into effective as of the 24t h day of August 2018, by and among A and B.",
            "24th day of August 2018"
        ),
        ("Amendment No. 1 to the Global Maintenance Agreement dated March 9t h , 2015", "March 9th , 2015"),
        ("This Agreement is dated March 1, 2020.", "March 1, 2020"),
    ])
    func aSuperscriptOrdinalThePDFSplit(sentence: String, date: String) {
        #expect(FactPatterns.date(sentence) == date)
    }

    @Test func theTitleNamesTheAgreementWhenThePreambleDoesNot() {
        let (_, passages) = contract([
            "THIS AGREEMENT is entered into as of March 1, 2020 by and between Acme Corp. (\"Acme\") and Beta LLC (\"Beta\").",
            "1. Term of Agreement. This Agreement shall be governed by the laws of the State of New York.",
        ])
        #expect(
            ContractFacts(passages: passages, title: "WHOLESALE MARKETING AGREEMENT")[.documentName]?.value
                == "Wholesale Marketing Agreement")
        #expect(FactPatterns.titleName("TERM OF AGREEMENT") == nil)
    }
}

/// The end of the term as the term sentence states it.
@Suite struct ExpirationTests {
    @Test(
        arguments: [
            (
                "This contract shall be effective as of November 1, 2002, and shall remain in force and effect until October 31, 2012.",
                "October 31, 2012"
            ),
            ("This Agreement is dated March 1, 2020 and runs for five years.", "March 1, 2020"),
            ("This Agreement shall be effective as of November 1, 2002 and as amended on May 1, 2004.", nil),
            // The lone date is where the term starts, not where it ends.
            (
                "1.1 The term of this Agreement shall begin on January 1, 2000 and continue for an initial period of five (5) years unless earlier terminated.",
                nil
            ),
        ] as [(String, String?)])
    func theDateTheTermEnds(sentence: String, date: String?) {
        #expect(FactPatterns.expirationDate(sentence) == date)
    }

    @Test(
        arguments: [
            (
                "This Agreement shall commence on the Effective Date and continue in full force and effect until the end of the fifteenth (15th) Contract Year, and shall continue thereafter.",
                "the end of the fifteenth (15th) Contract Year"
            ),
            ("This Agreement and the license granted herein shall remain effective until terminated.", "terminated"),
            ("Licensee shall pay the fees until the end of the month, as invoiced.", nil),
            ("This Agreement shall not take effect until the Effective Date.", nil),
        ] as [(String, String?)])
    func theEventTheTermEndsWith(sentence: String, event: String?) {
        #expect(FactPatterns.expirationEvent(sentence) == event)
    }
}

/// The date of the agreement an amendment amends is not the amendment's own.
@Suite struct AmendedAgreementDateTests {
    @Test(arguments: [
        ("Amendment No. 1 to the Global Maintenance Agreement dated March 9, 2015", true),
        ("Reference is made to that certain License Agreement dated as of December 16, 2004 between A and B.", true),
        ("to the Global Maintenance Agreement ref. 14 Issue 7 dated March 9, 2015", true),
        ("This Amendment No. 1 is dated January 6, 2016.", false),
        ("This Supply Agreement is dated March 1, 2020.", false),
        (
            "PSS, a Florida corporation, pursuant to the transactions described in the Agreement and Plan of Merger, dated as of December 14, 1997 (the \"Merger Agreement\")",
            true
        ),
        ("ELEPHANT TALK has confirmed by letter dated November 30, 2007 that it agrees.", true),
        (
            "THIS INTELLECTUAL PROPERTY AGREEMENT, dated as of May 14, 2016 (this “Agreement”), is by and between A and B.",
            false
        ),
        ("This Agreement (the “Agreement”), dated as of May 1, 2019, is made by and between A and B.", false),
    ])
    func anotherAgreementsDate(sentence: String, isAnother: Bool) {
        #expect(FactPatterns.datesAnotherAgreement(sentence) == isAnother)
    }

    /// A definition of another term dates what it defines, not the agreement.
    @Test func aDefinitionIsNoEffectiveDate() {
        #expect(
            FactPatterns.definesAnotherTerm(
                "“Financial Statements” means the audited financial statements for the years ended December 31, 2013, effective as filed."
            ))
        #expect(!FactPatterns.definesAnotherTerm("“Effective Date” means March 1, 2020."))
        #expect(!FactPatterns.definesAnotherTerm("This Agreement is effective as of March 1, 2020."))
    }
}

/// Term-like sentences about something else give no end of the term.
@Suite struct NoExpirationEventTests {
    @Test(arguments: [
        "In the event this Agreement is terminated, the indemnification provisions of this Agreement shall continue until the possibilities for damages or loss have expired.",
        "If the regulator authorizes abandonment of such service, this Agreement shall terminate on the abandonment date permitted by the regulator.",
        "This Agreement will not be binding on either Party unless and until signed by the chief executive officers of each Party.",
    ])
    func noEvent(sentence: String) {
        #expect(FactPatterns.expirationEvent(sentence) == nil)
    }

    @Test func aRegulatorsShortNameIsNoParty() {
        let sentence =
            "This AGREEMENT is made and entered into by The Meet Corp., a Delaware corporation (the “Company”), and each of the persons set forth on the signature page hereto (each, an “Investor”), pursuant to Rule 13d-5 promulgated by the U.S. Securities and Exchange Commission (the “SEC”)."
        #expect(!FactPatterns.parties(in: sentence).map(\.name).contains("Exchange Commission"))
    }
}

/// The end of a term stated as a duration from a start the contract dates.
@Suite struct TermEndTests {
    @Test(
        arguments: [
            (
                "This Agreement shall become effective on the Effective Date and shall remain in effect for an initial period of 1 year (“Initial Term”).",
                "1 year", "July 31, 2020, 1 year from the Effective Date (July 31, 2019)"
            ),
            (
                "This Agreement commences on the date first above written, and will remain in effect for the period of five (5) years.",
                "five (5) years", "July 23, 2008, five (5) years from the date of the Agreement (July 23, 2003)"
            ),
            (
                "The term of this Agreement shall begin on January 1, 2000 and continue for an initial period of five (5) years.",
                "five (5) years", "January 1, 2005, five (5) years from January 1, 2000"
            ),
            // A start the contract does not date, or none at all: no end date.
            (
                "This Agreement shall commence as of the Effective Date and continue for an initial term of three (3) years from the Promotion Commencement Date.",
                "three (3) years", nil
            ),
            ("The term of this Agreement is five (5) years unless terminated early.", "five (5) years", nil),
            (
                "The initial term of this Agreement shall be the sooner of six (6) months from the Effective Date, or replacement of this Agreement.",
                "six (6) months", nil
            ),
        ] as [(String, String, String?)])
    func theEndIsTheStartsAnniversary(sentence: String, duration: String, end: String?) {
        #expect(
            TermEnd.derived(
                sentence: sentence, duration: duration, effectiveDate: "31 day of July 2019",
                agreementDate: "July 23, 2003") == (end == nil ? nil : end))
    }

    @Test func aContractsTermGivesItsExpirationDate() {
        let (_, passages) = contract([
            "This Reseller Agreement is made and entered into as of this 31 day of July 2019 (“Effective Date”) by and between Vayyar Imaging Ltd. (“Supplier”) and Walabot Inc. (“Reseller”).",
            "12.1 Term. This Agreement shall become effective on the Effective Date and shall remain in effect for an initial period of 1 year (“Initial Term”).",
        ])
        let facts = ContractFacts(passages: passages)
        #expect(facts[.expirationDate]?.value == "July 31, 2020, 1 year from the Effective Date (July 31, 2019)")
    }

    @Test func aTermThatBeginsOnADateEndsItsLengthLater() {
        let (_, passages) = contract([
            "This Endorsement Agreement is made by and between Square Two Golf Inc., a New Jersey corporation (the \"Company\"), and Kathy Whitworth (the \"Professional\").",
            "1.1 The term of this Agreement shall begin on January 1, 2000 and continue for an initial period of five (5) years unless earlier terminated in accordance with Section 7 hereof.",
        ])
        #expect(
            ContractFacts(passages: passages)[.expirationDate]?.value
                == "January 1, 2005, five (5) years from January 1, 2000")
    }

    @Test func anEffectiveDateSentenceThatRunsUntilADateGivesTheEnd() {
        let (_, passages) = contract([
            "THIS AGREEMENT is made and entered into as of the 1st day of November, 2002, by and between Ridge Pipeline Company (“Transporter”) and Valley Power Company (“Shipper”).",
            "12.1 This contract shall be effective as of November 1, 2002, and shall remain in force and effect, unless modified as per Exhibit B, until October 31, 2012.",
        ])
        let facts = ContractFacts(passages: passages)
        #expect(facts[.effectiveDate]?.value == "November 1, 2002")
        #expect(facts[.expirationDate]?.value == "October 31, 2012")
    }

    @Test func anItemsHeadingAloneIsNoClause() {
        #expect(ClauseClassifier.isHeadingAlone("(c) Right of First Negotiation."))
        #expect(
            !ClauseClassifier.isHeadingAlone(
                "(c) Right of First Negotiation. Pfizer shall have the right to negotiate."))
    }
}
