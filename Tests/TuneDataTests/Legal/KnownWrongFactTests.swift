import Testing

@testable import TuneData

/// Facts the CUAD benchmark showed read wrongly, each in wording of the same shape: a letter
/// agreement's parties, three parties under two short names, a transition period read as the term,
/// a notice period read as the cure period, and a recital read as liquidated damages.
@Suite struct KnownWrongFactTests {
    /// A letter agreement: the opening quotes another agreement's "by and among"; the letter is
    /// "between the undersigned and" the addressee.
    static let letter = [
        "Gentlemen:",
        "The undersigned is a shareholder of Northwind Supply, Inc. (\"Northwind\"), and will become a shareholder of Harbor Medical Services, Inc. (\"Harbor\"), pursuant to the transactions described in the Agreement and Plan of Merger, dated as of May 2, 2001 (the \"Merger Agreement\"), by and among Harbor, Harbor Sub Corp. (\"Sub\") and Northwind. This Affiliate Agreement represents an agreement between the undersigned and Harbor regarding the shares of Harbor to be received by the undersigned.",
        "In consideration of the Merger, the undersigned and Harbor hereby agree as follows.",
        "1. Transfers. The undersigned shall not transfer any shares of Harbor except as this Agreement permits.",
        "2. Governing Law. This Affiliate Agreement shall be governed by the laws of the State of Delaware.",
    ]

    @Test(arguments: [
        (
            "This agreement is made between Westgate Fund Advisers LLC (“Westgate”), on behalf of its funds (“the Trust”), and Midland Life Insurance Company, and Midland Securities, Inc., a registered broker dealer (collectively referred to as “Servicing Agent,” “you” or “your”).",
            ["Westgate Fund Advisers LLC", "Midland Life Insurance Company", "Midland Securities, Inc."]
        ),
        (
            "The undersigned holds shares of Alpha Corp. (\"Alpha\") pursuant to the Agreement and Plan of Merger by and among Alpha, Beta Inc. (\"Beta\") and Gamma LLC (\"Gamma\").",
            []
        ),
        (
            "THIS AGREEMENT is made and entered into as of the 1st day of November, 2002, by and between TENNESSEE GAS PIPELINE COMPANY, a Delaware Corporation, hereinafter referred to as \"Transporter\" and NORTHERN GAS AND ELECTRIC COMPANY, a Kentucky Corporation, hereinafter referred to as \"Shipper\".",
            ["TENNESSEE GAS PIPELINE COMPANY", "NORTHERN GAS AND ELECTRIC COMPANY"]
        ),
        (
            "This Letter Agreement represents an agreement between the undersigned and Harbor regarding the shares.",
            ["the undersigned", "Harbor"]
        ),
    ])
    func partiesOfOneSentence(sentence: String, names: [String]) {
        #expect(FactPatterns.parties(in: sentence).map(\.name) == names)
    }

    @Test func aLetterAgreementsPartiesAreTheSignerAndTheAddressee() {
        let (_, passages) = contract(Self.letter, title: "Affiliate Agreement")
        let facts = ContractFacts(passages: passages)
        #expect(facts.parties.map(\.name) == ["the undersigned", "Harbor Medical Services, Inc."])
        #expect(facts[.parties]?.value == "the undersigned and Harbor Medical Services, Inc. (“Harbor”)")
    }

    @Test func threePartiesAreListedWithCommas() {
        #expect(FactPatterns.list(["A (“A”)", "B", "C (“Agent”)"]) == "A (“A”), B and C (“Agent”)")
        #expect(FactPatterns.list(["A", "B"]) == "A and B")
    }

    @Test(
        arguments: [
            (
                "At the written request of Customer, given at least 100 days prior to expiration of the Term of the Agreement, Provider shall continue to provide Customer all Services at the rates set forth in this Agreement, for a maximum period of six (6) months.",
                nil
            ),
            (
                "The initial term of this Agreement shall be five (5) years, after which Provider shall provide transition services for up to six (6) months.",
                "five (5) years"
            ),
        ] as [(String, String?)])
    func aTransitionPeriodIsNotTheTerm(sentence: String, term: String?) {
        #expect(FactPatterns.termDuration(sentence) == term)
    }

    /// What follows a termination is not the term; the term stated under a condition's strong cue is.
    @Test(
        arguments: [
            (
                "9.4.5 If this Agreement is terminated during the Term by Acme under Section 9.2, the following "
                    + "terms shall apply: Beta may sell its inventory for a period of two (2) years.",
                nil
            ),
            (
                "Upon execution, the initial term of this Agreement shall be three (3) years.",
                "three (3) years"
            ),
            ("This Agreement shall continue for a period of four (4) years.", "four (4) years"),
        ] as [(String, String?)])
    func aPeriodAfterTerminationIsNotTheTerm(sentence: String, term: String?) {
        #expect(FactPatterns.termDuration(sentence) == term)
    }

    @Test(
        arguments: [
            (
                "(a) upon thirty (30) days prior written notice if the other Party fails to pay any amount due; provided that any such termination shall only become effective if the breaching Party fails to cure such breach prior to the end of such forty-five (45) day period.",
                "forty five (45) days"
            ),
            (
                "Either party may terminate upon written notice if a breach is not cured within ten (10) days.",
                "ten (10) days"
            ),
            ("Either party may terminate upon sixty (60) days' prior written notice of an uncured breach.", nil),
        ] as [(String, String?)])
    func aCurePeriodIsNoNoticePeriod(sentence: String, cure: String?) {
        #expect(FactPatterns.cureDuration(sentence) == cure)
    }

    @Test(arguments: [
        (
            "WHEREAS, this Agreement shall govern until the sponsorship agreement is executed, in which case this Agreement shall be terminated without penalty or prejudice;",
            false
        ),
        (
            "The parties acknowledge that the Termination Fee is a reasonable estimate of damages and shall be deemed liquidated damages and not a penalty.",
            true
        ),
    ])
    func aRecitalIsNoLiquidatedDamagesClause(sentence: String, isClause: Bool) {
        let (_, passages) = contract([ClauseClassifierTests.preamble, sentence])
        #expect(passages.flatMap(\.clauses).contains { $0.id == "liquidated-damages" } == isClause)
    }

    /// Renewal wording the CUAD misses showed: a periodic renewal, and notice by "notifies".
    @Test func aMonthlyRenewalAndNoticeByNotifying() {
        let sentence =
            "This Agreement will extend automatically for monthly periods unless either party notifies the other party in writing at least thirty (30) days before the expiration of the then current term."
        #expect(FactPatterns.renewalDuration(sentence) == "monthly periods")
        #expect(FactPatterns.noticeDuration(sentence) == "thirty (30) days")
    }

    /// CUAD's Document Name: the name the agreement gives itself, from its preamble or its title line.
    @Test(
        arguments: [
            (
                "This Co-Branding Agreement (this \"Agreement\") dated March 15, 2000 is entered into between A and B.",
                "Co-Branding Agreement"
            ),
            (
                "THIS FRANCHISE DEVELOPMENT AGREEMENT (\"Agreement\") is made by and between A and B.",
                "Franchise Development Agreement"
            ),
            ("This Agreement is made by and between Acme Corp. and Beta LLC.", nil),
        ] as [(String, String?)])
    func theAgreementsOwnName(sentence: String, name: String?) {
        #expect(FactPatterns.selfName(sentence) == name)
    }

    @Test(
        arguments: [
            ("EXHIBIT 10.2 MASTER SUPPLY AGREEMENT", "Master Supply Agreement"),
            ("Outsourcing Agreement", "Outsourcing Agreement"),
            ("The parties signed the agreement and the amendment in the presence of the notary public of Madrid.", nil),
        ] as [(String, String?)])
    func aTitleLineNamesTheAgreement(line: String, name: String?) {
        #expect(FactPatterns.titleName(line) == name)
    }
}
