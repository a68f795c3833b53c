import Testing

@testable import TuneData

/// The short answers of facts that were read wrongly: a party's description taken for a party, a
/// survival period for the term, the initial term for the renewal, and "Yes" to a wh-question.
@Suite struct FactAnswerTests {
    static let servicesPreamble =
        "This Master Services Agreement (the “Agreement”) is entered into as of 3 March 2025 (the “Effective Date”) by and between Acme Analytics Ltd., a company incorporated in England and Wales, and Borealis Freight B.V., a private limited company incorporated in the Netherlands (each a “Party” and together the “Parties”)."
    static let survival =
        "The obligations in this Article survive termination of this Agreement for a period of five years, and indefinitely in respect of trade secrets and personal data."
    static let termAndRenewal =
        "This Agreement commences on the Effective Date and continues for an initial term of three years, after which it renews automatically for successive periods of one year unless either Party gives written notice of non-renewal at least ninety (90) days before the end of the then current term."

    @Test(arguments: [
        (servicesPreamble, ["Acme Analytics Ltd.", "Borealis Freight B.V."]),
        (
            "This Agreement is made by and between Acme, Inc., a Delaware corporation, and Beta Services LLC, a California limited liability company.",
            ["Acme, Inc.", "Beta Services LLC"]
        ),
        ("This Agreement is entered into by and between Acme Corp. and Beta LLC.", ["Acme Corp.", "Beta LLC"]),
        (
            "This Agreement is made by and between Gamma Holdings Limited, a company registered in Scotland, United Kingdom, and Delta S.A., with offices in Geneva and Zurich.",
            ["Gamma Holdings Limited", "Delta S.A."]
        ),
        (
            "THIS AGREEMENT IS MADE BY AND BETWEEN ACME CORP., A DELAWARE CORPORATION, AND BETA LLC, A TEXAS LIMITED LIABILITY COMPANY.",
            ["ACME CORP.", "BETA LLC"]
        ),
        (
            "APPENDIX C SAMPLE AGREEMENT (BETWEEN FRANCHISEE AND ITS PERSONNEL) THIS SAMPLE AGREEMENT is made by and between the parties.",
            ["FRANCHISEE", "ITS PERSONNEL"]
        ),
        (
            "This Agreement is entered into this 31 January, 1994 by and between SAGEM S.A., Departement MORPHO Systemes whose address is 33, route de la Bonne Dame, 77300 FONTAINEBLEAU, FRANCE (hereinafter referred to as MORPHO) and XIMAGE corporation whose address is 1050 North Fifth Street, San Jose.",
            ["SAGEM S.A.", "XIMAGE"]
        ),
        (
            "THIS AGREEMENT is made by and between MOSSIMO, INC., 2450 White Road, Irvine, California 92614, and DAVID DUVAL ENTERPRISES, INC. c/o International Management, Inc., IMG Center, Cleveland, Ohio.",
            ["MOSSIMO, INC.", "DAVID DUVAL ENTERPRISES, INC."]
        ),
        (
            "This Agreement is made by and between SQUARE TWO GOLF INC., a New Jersey corporation (the \"Company\"), and KATHY WHITWORTH (\"Professional\").",
            ["SQUARE TWO GOLF INC.", "KATHY WHITWORTH"]
        ),
        (
            "INTELLECTUAL PROPERTY AGREEMENT by and between HONEYWELL INTERNATIONAL INC. and GARRETT MOTION INC. Dated as of September 27, 2018",
            ["HONEYWELL INTERNATIONAL INC.", "GARRETT MOTION INC."]
        ),
    ])
    func aPartysDescriptionIsNoParty(preamble: String, names: [String]) {
        #expect(FactPatterns.parties(in: preamble).map(\.name) == names)
    }

    @Test func aDescriptionWithAndBeforeAShortName() {
        let preamble =
            "This Agreement is made between Acme Ltd., a company incorporated in England and Wales (“Acme”), and Beta B.V., a company incorporated in the Netherlands (“Beta”)."
        #expect(
            FactPatterns.parties(in: preamble) == [
                ContractParty(name: "Acme Ltd.", shortName: "Acme"),
                ContractParty(name: "Beta B.V.", shortName: "Beta"),
            ])
    }

    @Test(
        arguments: [
            (termAndRenewal, "three years"),
            (survival, nil),
            ("The Supplier warrants the Deliverables for a period of twelve (12) months after delivery.", nil),
            (
                "The term of this Agreement shall commence on the Effective Date and continue for a period of five (5) years.",
                "five (5) years"
            ),
            ("This Agreement shall automatically renew for successive one (1) year terms.", nil),
            (
                "During the term of this Agreement and the five (5) year period immediately following termination of this Agreement, Licensee may audit Licensor's records.",
                nil
            ),
            ("Ninety (90) days prior to the beginning of the Renewal Term, the Parties shall agree on prices.", nil),
            ("This Agreement shall remain in effect for an initial period of 1 year (“Initial Term”).", "1 year"),
            (
                "This Agreement shall be valid for five (5) years from February 1, 2019 through January 31, 2024.",
                "five (5) years"
            ),
            (
                "Licensee’s term of exclusivity shall expire twelve (12) months after the initial theatrical release.",
                nil
            ),
        ] as [(String, String?)])
    func theTermIsNotASurvivalOrRenewalPeriod(sentence: String, term: String?) {
        #expect(FactPatterns.termDuration(sentence) == term)
    }

    @Test(
        arguments: [
            (termAndRenewal, "one year"),
            (
                "This Agreement shall automatically renew for successive one (1) year terms unless either party gives notice of non-renewal at least ninety (90) days prior to the end of the then-current term.",
                "successive one (1) year"
            ),
            (
                "The initial term of five (5) years may be extended by mutual agreement for two (2) years.",
                "two (2) years"
            ),
            (
                "The initial term of five (5) years is followed by successive two-year renewal terms.",
                "successive two years"
            ),
            (
                "Customer will respond within six (6) months following receipt and say whether it desires to renew this Agreement.",
                nil
            ),
        ] as [(String, String?)])
    func theRenewalIsTheDurationAfterRenews(sentence: String, renewal: String?) {
        #expect(FactPatterns.renewalDuration(sentence) == renewal)
    }

    /// The services agreement of corpus-samples: its term is Section 5.01's, not Section 4.3's survival.
    @Test func termAndRenewalOfAContractWithASurvivalClause() throws {
        let (document, passages) = contract(
            [Self.servicesPreamble, "4.3 Duration. " + Self.survival, "5.01 Term. " + Self.termAndRenewal],
            title: "Master Services Agreement")
        let facts = ContractFacts(passages: passages)
        #expect(facts.parties.map(\.name) == ["Acme Analytics Ltd.", "Borealis Freight B.V."])
        #expect(facts[.term]?.value == "three years")
        #expect(facts[.renewalTerm]?.value == "one year")
        #expect(facts[.renewalNotice]?.value == "ninety (90) days")
        let rendered = try TemplateSet.shipped().forFormat("chat").render(
            document: document, passages: passages, seed: 3)
        let parties = try #require(rendered.examples.first { $0.provenance.template == "legal-fact-parties" })
        // "B.V." ends the answer's sentence without a second stop.
        #expect(
            parties.messages[2].content.hasPrefix(
                "The parties are Acme Analytics Ltd. and Borealis Freight B.V. (\"This Master Services"))
    }

    /// A name read from the title line is quoted as the title: a quoted heading at the end of the
    /// answer would read as a cut sentence, and the quality gate dropped 14 of 30 CUAD examples so.
    @Test func aNameFromTheTitleIsQuotedAsTheTitle() throws {
        let (document, passages) = contract(
            [
                "WHOLESALE MARKETING AGREEMENT",
                "THIS AGREEMENT is entered into as of March 1, 2020 by and between Acme Corp. (\"Acme\") and Beta LLC (\"Beta\").",
                "1. Term. This Agreement shall be governed by the laws of the State of New York.",
            ], title: "WHOLESALE MARKETING AGREEMENT")
        let rendered = try TemplateSet.shipped().forFormat("chat").render(
            document: document, passages: passages, seed: 3)
        let named = try #require(rendered.examples.first { $0.provenance.template == "legal-fact-document-name" })
        let answer = named.messages[2].content
        #expect(
            answer
                == "It is the Wholesale Marketing Agreement. The document is titled \"WHOLESALE MARKETING AGREEMENT\".")
        #expect(AnswerBoundaries.midSentence(answer) == nil)
    }

    /// "Yes, it provides for exclusivity" must not answer a sentence that denies it.
    @Test(arguments: [
        ("Franchisee shall have no exclusive Territory based on this Agreement.", false),
        ("The appointment of Distributor is not exclusive.", false),
        ("Acme appoints Beta as its exclusive distributor in the Territory.", true),
    ])
    func deniedExclusivityIsNoExclusivityClause(sentence: String, exclusive: Bool) {
        let (_, passages) = contract([ClauseClassifierTests.preamble, sentence])
        #expect(passages.flatMap(\.clauses).contains { $0.id == "exclusivity" } == exclusive)
    }

    @Test(arguments: [
        ("The parties are Acme Ltd. and Beta B.V.. (\"", "The parties are Acme Ltd. and Beta B.V. (\""),
        ("It is dated 3 March 2025. (", "It is dated 3 March 2025. ("), ("and so on...", "and so on..."),
    ])
    func aValuesStopEndsTheSentenceOnce(rendered: String, answer: String) {
        #expect(TemplateText.withoutDoubledStop(rendered) == answer)
    }

    @Test(arguments: [
        (
            "This Agreement may be renewed for an additional one year term (“Renewal Term”) upon mutual written agreement of the Parties.",
            RenewalMode.byAgreement
        ),
        (
            "LeadersOnline shall have the option, subject to VerticalNet's approval exercised in its sole and absolute discretion, to extend the Term for an additional 12 months.",
            .byAgreement
        ),
        (
            "8.1 The Company may renew this Agreement on the same terms for one (1) additional five year period by providing a written notice of its intent to effect such renewal.",
            .atOption
        ),
        (
            "This Agreement shall automatically renew for consecutive one (1) year terms unless either party gives at least sixty (60) days prior written notice of the non-renewal.",
            .automatic
        ),
        (
            "This Agreement will be extended automatically for successive one-year periods unless the Customer may elect to end it.",
            .automatic
        ),
    ])
    func howTheContractRenews(sentence: String, mode: RenewalMode) {
        #expect(RenewalMode(sentence: sentence) == mode)
    }

    @Test func aRenewalByMutualAgreementIsNotAnsweredAsAutomatic() throws {
        let (document, passages) = contract([
            ClauseClassifierTests.preamble,
            "8.1 Term. This Agreement shall continue for an initial term of two (2) years.",
            "8.2 Renewal. This Agreement may be renewed for an additional one year term (the “Renewal Term”) upon mutual written agreement of the Parties.",
        ])
        let rendered = try TemplateSet.shipped().forFormat("chat").render(
            document: document, passages: passages, seed: 1)
        let renewal = try #require(rendered.examples.first { $0.provenance.template == "legal-fact-renewal-term" })
        #expect(
            renewal.messages[2].content.hasPrefix(
                "Only if the parties agree: it may be renewed for an additional one year. (Section 8.2: \"This Agreement may be renewed"
            ))
    }

    /// Each clause and fact template has one answer for all its phrasings, so they share one
    /// question form: yes/no when the answer starts "Yes", a wh-question otherwise.
    @Test(arguments: [
        "legal-clause-assignment", "legal-clause-audit", "legal-clause-exclusivity", "legal-clause-insurance",
        "legal-clause-liability-cap", "legal-clause-license-grant", "legal-clause-non-compete",
        "legal-clause-termination-convenience", "legal-clause-topic", "legal-fact-agreement-date",
        "legal-fact-document-name",
        "legal-fact-cure-period", "legal-fact-effective-date", "legal-fact-expiration-date",
        "legal-fact-governing-law", "legal-fact-liability-cap", "legal-fact-non-compete-duration",
        "legal-fact-parties", "legal-fact-renewal-notice", "legal-fact-renewal-term", "legal-fact-term",
        "legal-fact-termination-notice",
    ])
    func everyPhrasingFitsTheAnswer(name: String) throws {
        let template = try #require(try TemplateSet.shipped().templates.first { $0.name == name })
        // An answer that opens with a section ("{{#fact.renews_by_agreement}}Only if …") is read by its first text.
        let opening = template.assistant.source.replacing(/^(?:\{\{[#^][^}]*\}\})+/, with: "")
        let yes = opening.hasPrefix("Yes") || opening.hasPrefix("Only if")
        for user in template.user {
            let first = String(user.source.prefix { $0 != " " })
            #expect(
                (yes ? Self.yesNoStarts : Self.whStarts).contains(first),
                "\(name): \"\(user.source)\" does not fit \"\(template.assistant.source.prefix(30))\"")
        }
    }

    static let yesNoStarts: Set<String> = ["Does", "Do", "Is", "Are", "Can", "May", "Must", "Has", "Will"]
    static let whStarts: Set<String> = [
        "What", "Which", "Who", "Whom", "When", "How", "Where", "Between", "Until",
        "Up", "On", "For", "Under",
    ]
}
