import Testing

@testable import TuneData

/// Builds a one-document contract from paragraphs (the first is its preamble).
func contract(_ paragraphs: [String], title: String = "Supply Agreement") -> (Document, [Passage]) {
    let document = Document(
        id: "c1", source: "contracts/supply.txt", format: .text, title: title,
        blocks: paragraphs.map { Block(kind: .paragraph, text: $0) })
    return (document, Chunker(options: ChunkingOptions(maxTokens: 512, minTokens: 0)).passages(of: document))
}

@Suite struct ClauseClassifierTests {
    static let preamble =
        "This Supply Agreement (the \"Agreement\") is entered into as of March 1, 2020 by and between Acme Corp., a Delaware corporation (\"Acme\"), and Beta Services LLC, a California limited liability company (\"Beta\")."

    @Test(arguments: [
        ("This Agreement shall be governed by the laws of the State of New York.", "governing-law"),
        (
            "Neither party may assign this Agreement without the prior written consent of the other party.",
            "anti-assignment"
        ),
        (
            "Either party may terminate this Agreement for convenience upon thirty (30) days' prior written notice.",
            "termination-for-convenience"
        ),
        (
            "In no event shall either party's aggregate liability exceed the fees paid in the prior twelve months.",
            "cap-on-liability"
        ),
        ("This Agreement shall automatically renew for successive one (1) year terms.", "renewal-term"),
        (
            "Supplier shall maintain commercial general liability insurance with coverage of at least $1,000,000.",
            "insurance"
        ),
        ("Acme may audit the books and records of Beta once a year.", "audit-rights"),
        (
            "Beta shall not engage in any competing business during the term and for two (2) years thereafter.",
            "non-compete"
        ),
        ("Acme hereby grants to Beta a non-exclusive, non-transferable license to use the Software.", "license-grant"),
        (
            "No third party beneficiaries are intended, and nothing in this Agreement gives any person other than the parties any rights.",
            "third-party-beneficiary"
        ),
    ])
    func sentencePatternsFindTheirCategory(sentence: String, id: String) throws {
        let (document, passages) = contract([Self.preamble, sentence])
        let classified = ClauseClassifier().classify(passages, of: document)
        let clause = try #require(classified.flatMap(\.clauses).first { $0.id == id })
        #expect(clause.text == sentence)
    }

    @Test func idsFoldPunctuationToOneHyphen() {
        #expect(ClauseCategory.id(for: "Rofr/Rofo/Rofn") == "rofr-rofo-rofn")
        #expect(ClauseCategory.id(for: "Affiliate License-Licensee") == "affiliate-license-licensee")
        #expect(ClauseCategory.id(for: "Unlimited/All-You-Can-Eat-License") == "unlimited-all-you-can-eat-license")
    }

    @Test func theTableHasEveryCUADCategoryOnce() {
        let ids = ClauseTable.shipped.categories.map(\.id)
        #expect(ids.count == 41)
        #expect(Set(ids).count == 41)
        #expect(ids.contains("no-solicit-of-employees"))
    }

    @Test func aPassageMayCarrySeveralClauses() {
        let text =
            "Neither party may assign this Agreement without the prior written consent of the other party. This Agreement shall be governed by the laws of Delaware."
        let (document, passages) = contract([Self.preamble, text])
        let ids = Set(ClauseClassifier().classify(passages, of: document).flatMap(\.clauses).map(\.id))
        #expect(ids.isSuperset(of: ["anti-assignment", "governing-law"]))
    }

    @Test func nonContractsGetNoClauseTypes() {
        let document = Document(
            id: "r1", source: "regulation.txt", format: .text, title: "Regulation on Data",
            blocks: [
                Block(kind: .paragraph, text: "Article 1 Subject matter and objectives"),
                Block(
                    kind: .paragraph,
                    text:
                        "This Regulation lays down rules relating to the protection of natural persons. Member States shall neither restrict nor prohibit the free movement of personal data, which shall be governed by the laws of the Member State."
                ),
            ])
        let passages = Chunker(options: ChunkingOptions(maxTokens: 512, minTokens: 0)).passages(of: document)
        #expect(!ClauseClassifier.appliesTo(document: document, passages: passages))
        #expect(passages.allSatisfy { $0.clauses.isEmpty })
    }

    /// A contract with sections: each heading followed by its text.
    static func sections(_ sections: [(String, String)]) -> (Document, [Passage]) {
        let blocks =
            [Block(kind: .paragraph, text: preamble)]
            + sections.flatMap { heading, text in
                [Block(kind: .heading(level: 1), text: heading), Block(kind: .paragraph, text: text)]
            }
        let document = Document(
            id: "c2", source: "contracts/supply.txt", format: .text, title: "Supply Agreement", blocks: blocks)
        return (document, Chunker(options: ChunkingOptions(maxTokens: 512, minTokens: 0)).passages(of: document))
    }

    /// A section titled for the category outranks a sentence of another section that reads like it
    /// (for the categories whose rules say so), and only then.
    @Test(arguments: [true, false])
    func aHeadingOutranksASentenceElsewhere(hasInsuranceSection: Bool) {
        let taxes = (
            "12. Taxes",
            "Buyer shall pay all sales taxes, and Supplier shall maintain insurance against tax penalties it incurs."
        )
        let insurance = (
            "13. Insurance",
            "Supplier shall maintain commercial general liability insurance with coverage of at least $1,000,000."
        )
        let (document, passages) = Self.sections(hasInsuranceSection ? [taxes, insurance] : [taxes])
        let headings = ClauseClassifier().classify(passages, of: document)
            .filter { $0.clauses.contains { $0.id == "insurance" } }.map(\.heading)
        #expect(headings == (hasInsuranceSection ? ["Insurance"] : ["Taxes"]))
    }

    /// Anti-assignment's words must meet within a few words: "may not" and "assign" thirty words
    /// apart are no restriction on assignment.
    @Test func aRestrictionsWordsMustMeet() {
        let sentence =
            "You may not register, own, maintain or use any Sites that relate to the Network or the Hotel or that include the Marks, and the only domain names, Sites, or Site contractors that you may use relating to the Hotel or this Agreement are those we assign or otherwise approve in writing."
        let (document, passages) = contract([Self.preamble, sentence])
        #expect(
            !ClauseClassifier().classify(passages, of: document).flatMap(\.clauses).contains {
                $0.id == "anti-assignment"
            })
        let folded = FoldedText("neither party may assign this agreement")
        #expect(PhrasePattern("may & assign*", window: 1).matches(folded))
        #expect(!PhrasePattern("neither & agreement", window: 4).matches(folded))
        #expect(PhrasePattern("neither & agreement", window: 5).matches(folded))
    }

    @Test func contractWithoutHeadingsInCapitalsAndLetteredClauses() {
        let paragraphs = [
            Self.preamble.uppercased(),
            "(a) THIS AGREEMENT SHALL BE GOVERNED BY THE LAWS OF THE STATE OF TEXAS.",
            "(b) NEITHER PARTY MAY ASSIGN THIS AGREEMENT WITHOUT THE PRIOR WRITTEN CONSENT OF THE OTHER PARTY.",
        ]
        let (document, passages) = contract(paragraphs)
        let ids = Set(passages.flatMap(\.clauses).map(\.id))
        #expect(ids.isSuperset(of: ["governing-law", "anti-assignment"]))
        let facts = ContractFacts(passages: passages)
        // The short answer of a clause in capitals reads as a name, not a shout.
        #expect(facts[.governingLaw]?.value == "the State of Texas")
        #expect(ClauseClassifier.appliesTo(document: document, passages: passages))
    }
}

@Suite struct ContractFactsTests {
    @Test func partiesWithShortNamesAndTheAgreementDate() throws {
        let (_, passages) = contract([ClauseClassifierTests.preamble])
        let facts = ContractFacts(passages: passages)
        #expect(
            facts.parties == [
                ContractParty(name: "Acme Corp.", shortName: "Acme"),
                ContractParty(name: "Beta Services LLC", shortName: "Beta"),
            ])
        #expect(facts[.agreementDate]?.value == "March 1, 2020")
        #expect(facts[.effectiveDate]?.value == "March 1, 2020")
        #expect(facts[.parties]?.sentence == ClauseClassifierTests.preamble)
    }

    @Test(arguments: [
        (
            "This Agreement shall be governed by the laws of the State of New York, without regard to conflicts of law.",
            ContractFact.Name.governingLaw, "the State of New York"
        ),
        (
            "This Agreement shall automatically renew for successive one (1) year terms unless either party gives notice of non-renewal at least ninety (90) days prior to the end of the then-current term.",
            .renewalTerm, "successive one (1) year"
        ),
        (
            "This Agreement shall automatically renew for successive one (1) year terms unless either party gives notice of non-renewal at least ninety (90) days prior to the end of the then-current term.",
            .renewalNotice, "ninety (90) days"
        ),
        (
            "Either party may terminate this Agreement for convenience upon thirty (30) days' prior written notice to the other party.",
            .terminationNotice, "thirty (30) days"
        ),
        (
            "In no event shall either party's aggregate liability exceed the total fees paid under this Agreement in the twelve (12) months preceding the claim.",
            .liabilityCap, "the total fees paid under this Agreement in the twelve (12) months preceding the claim"
        ),
        (
            "Either party may terminate this Agreement if the other party breaches it and fails to cure the breach within thirty (30) days after notice.",
            .curePeriod, "thirty (30) days"
        ),
    ])
    func shortAnswers(sentence: String, fact: ContractFact.Name, value: String) throws {
        let (_, passages) = contract([ClauseClassifierTests.preamble, sentence])
        let found = try #require(ContractFacts(passages: passages)[fact])
        #expect(found.value == value)
        #expect(found.sentence == sentence)
    }

    @Test func noFactsForANonContract() {
        let document = Document(
            id: "o1", source: "opinion.txt", format: .text,
            blocks: [
                Block(kind: .paragraph, text: "The court held that the statute applies to the parties. We affirm.")
            ])
        let passages = Chunker(options: ChunkingOptions(maxTokens: 512, minTokens: 0)).passages(of: document)
        #expect(ContractFacts(passages: passages).facts.isEmpty)
    }
}

@Suite struct DurationTests {
    @Test(arguments: [
        ("thirty (30) day", "thirty (30) days"), ("thirty (30) days", "thirty (30) days"),
        ("one (1) year", "one (1) year"), ("successive one (1) year", "successive one (1) year"),
        ("12 month", "12 months"), ("one (1) years", "one (1) year"), ("1 months", "1 month"),
        ("eleven (11) months", "eleven (11) months"), ("twenty one (21) days", "twenty one (21) days"),
        ("twenty one days", "twenty one days"),
    ])
    func durationsReadAsAnAnswerSaysThem(written: String, answer: String) {
        #expect(FactPatterns.readable(written) == answer)
    }

    /// A cure period is read from a sentence about curing, not from "procurement" or "securities".
    @Test(
        arguments: [
            ("Such breach remains uncured for thirty (30) days following notice.", "thirty (30) days"),
            ("The defaulting party may cure the breach within ten (10) days.", "ten (10) days"),
            ("Procurement Handover Services are provided for 12 months from the Effective Date.", nil),
            ("The securities are held for ninety (90) days.", nil),
        ] as [(String, String?)])
    func curePeriodsComeFromCuringWords(sentence: String, period: String?) {
        #expect(FactPatterns.cureDuration(sentence) == period)
    }
}
