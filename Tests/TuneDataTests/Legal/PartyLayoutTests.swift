import Testing

@testable import TuneData

/// Preamble layouts the CUAD benchmark showed missed, each rewritten with invented parties.
@Suite struct PartyLayoutTests {
    /// A quoted name, "hereinafter referred to as:" with a colon, and the second party after an "and" paragraph.
    @Test func aQuotedNameAndAHereinafterColon() {
        let (_, passages) = contract([
            "This Agreement is made between “Quillfeather Holding AG”, a company incorporated under the laws of Switzerland, represented by its Chief Executive Officer and its Chief Operations Officer Mara Venn, hereinafter referred to as: \"QUILL\"",
            "and",
            "Ternmobile Netherlands B.V., a company incorporated under the laws of the Netherlands, represented by its Managing Director and its Marketing Director, Bas Ooms, hereinafter referred to as: “Ternmobile”",
            "1. Governing Law. This Agreement shall be governed by the laws of the Netherlands.",
        ])
        let facts = ContractFacts(passages: passages)
        #expect(facts.parties.map(\.name) == ["Quillfeather Holding AG", "Ternmobile Netherlands B.V."])
        #expect(facts.parties.map(\.shortName) == ["QUILL", "Ternmobile"])
        // A word in quotation marks inside a sentence names no party.
        #expect(
            FactPatterns.parties(
                in:
                    "This Agreement is a legal document between you and Altova GmbH (\"Altova\"). By clicking the \"I accept\" and \"Next\" buttons below you agree to the Privacy Policy (\"Privacy Policy\")."
            ).map(\.name).contains("Next") == false)
    }

    /// "by and between:" then a label paragraph, then the parties one to a paragraph, each described
    /// after a comma in lower case ("registration nr …").
    @Test func aLabelBeforeThePartiesAndADescriptionInLowerCase() {
        let (_, passages) = contract([
            "This Outsourcing Agreement (hereinafter “Agreement”) is effective as from the 1st day of January, 2009, by and between:",
            "Parties to this agreement",
            "CALDERA SMELTERS Pty Ltd, registration nr 1998/0190/07, Registered office at Beyers Road, Polokwane, represented by Jan Mol, acting pursuant to the powers granted to him by the Board (hereinafter referred to as “the Customer”),",
            "AND",
            "ESTRELLA INFORMATION TECHNOLOGY, SA., a public limited company with place of business in Madrid, SPAIN (hereinafter referred to as “EIT”).",
            "1. Governing Law. This Agreement shall be governed by the laws of Spain.",
        ])
        let facts = ContractFacts(passages: passages)
        #expect(facts.parties.map(\.name) == ["CALDERA SMELTERS Pty Ltd", "ESTRELLA INFORMATION TECHNOLOGY, SA."])
        #expect(FactPatterns.isPartyListLabel("PARTIES:"))
        #expect(!FactPatterns.isPartyListLabel("The Parties agree as follows:"))
    }

    /// "Party A: …" and "Party B: …" blocks, the first read as the passage's heading by the outline.
    @Test func partyAAndPartyBBlocks() throws {
        let text =
            "Party A: Lotus Ridge Technology Co., Ltd.\n\nLegal Representative: Wei Chen Party B: Hunan Redstone Leasing Co., Ltd Legal Representative: Li Ming Party A and Party B shall be individually referred to as a “Party”."
        let parties = FactPatterns.labelledParties(in: text)
        #expect(parties.map(\.name) == ["Lotus Ridge Technology Co., Ltd.", "Hunan Redstone Leasing Co., Ltd"])
        #expect(parties.map(\.shortName) == ["Party A", "Party B"])
        #expect(FactPatterns.labelledParties(in: "Party A and Party B shall each bear their own costs.").isEmpty)
        // The name again in Chinese is left out; an address label ends the name.
        let chinese = FactPatterns.labelledParties(
            in:
                "Party A: Jade Tong Technology (ShenZhen) Co., Ltd. (经纬恒通科技（深圳）有限公司 ) Registration Address: Room 1605 Party B: Pearl Communication Co., Ltd.(深圳经纬通信技术有限公司) Registration Address: Block A"
        )
        #expect(chinese.map(\.name) == ["Jade Tong Technology (ShenZhen) Co., Ltd.", "Pearl Communication Co., Ltd."])
        let (_, passages) = contract([
            "This Collaboration Agreement is made and entered into by and between the following parties in Haidian District, Beijing.",
            "Party A: Lotus Ridge Technology Co., Ltd.",
            "Legal Representative: Wei Chen Party B: Hunan Redstone Leasing Co., Ltd Legal Representative: Li Ming",
            "1. Governing Law. This Agreement shall be governed by the laws of the People's Republic of China.",
        ])
        let facts = ContractFacts(passages: passages)
        #expect(facts.parties.map(\.shortName) == ["Party A", "Party B"])
        let sentence = try #require(facts[.parties]?.sentence)
        #expect(passages.contains { $0.text.contains(sentence) })
    }

    /// A party without a short name after a description that runs on with "trading and doing business as".
    @Test func theSecondPartyAfterAnAndBeforeACapital() {
        let sentence =
            "This agreement is made and entered into this day of , 19 by and between Pretzel Barn, Inc., a Pennsylvania corporation with its principal place of business at 48 Lingle Road, Suite 202, Harrisburg, Pennsylvania 17112 trading and doing business as Pretzel Barn and Franchisee (as defined below) who hereby agrees to the following:"
        #expect(FactPatterns.parties(in: sentence).map(\.name) == ["Pretzel Barn, Inc.", "Franchisee"])
    }

    /// Two companies under one short name keep both names when the first ends with ", and".
    @Test func twoCompaniesUnderOneShortNameAfterACommaAnd() {
        let sentence =
            "Agreement, made as of this day of , 20 between Northfield Fund Management LLC (“Northfield”), on behalf of its funds, and Great Lakes Life Insurance Company, and Lakeside Securities, Inc., a registered Broker Dealer (collectively referred to as “Servicing Agent”)."
        #expect(
            FactPatterns.parties(in: sentence).map(\.name) == [
                "Northfield Fund Management LLC", "Great Lakes Life Insurance Company", "Lakeside Securities, Inc.",
            ])
    }

    /// A long contents list ahead of the preamble (MRSFIELDS: eighteen passages of it) does not push
    /// the preamble out of the passages read for parties.
    @Test func aLongContentsListBeforeThePreamble() {
        func passage(_ index: Int, _ heading: String?, _ text: String) -> Passage {
            Passage(
                documentID: "c1", index: index, sectionPath: [], label: nil, heading: heading, text: text,
                tokenCount: 20, pages: [1])
        }
        let contents = (0..<12).map { passage($0, "Exhibit \($0 + 1)", ". . . . . . . . . . . . . . . . \($0 + 30)") }
        var law = passage(13, "Governing Law", "This Agreement shall be governed by the laws of the State of Ohio.")
        law.clauses = [PassageClause(id: "governing-law", text: law.text)]
        let passages =
            contents + [
                passage(
                    12, "Franchise Agreement",
                    "This Franchise Agreement is made by and between Cobalt Bakery, Inc. (\"Cobalt\") and Maple Foods LLC (\"Franchisee\")."
                ),
                law,
            ]
        #expect(TemplateSet.isFiguresOrContents(contents[0]))
        #expect(ContractFacts(passages: passages).parties.map(\.name) == ["Cobalt Bakery, Inc.", "Maple Foods LLC"])
    }
}

/// Agreement dates the CUAD benchmark showed missed.
@Suite struct AgreementDateSourceTests {
    /// A cover line citing the amended agreement's date comes first; the amendment's own sentence wins.
    @Test func theSentenceNamingTheDocumentItselfDatesIt() {
        let (_, passages) = contract([
            "to the Global Maintenance Agreement ref. DS/C-39/14 Issue 7 dated March 9, 2015",
            "4 4 5 This amendment (hereinafter referred to as the “Amendment”) is entered into on January 6th, 2016.",
            "1. Governing Law. This Amendment shall be governed by the laws of France.",
        ])
        #expect(ContractFacts(passages: passages)[.agreementDate]?.value == "January 6th, 2016")
        #expect(FactPatterns.namesItself("THIS MASTER SERVICES AGREEMENT is made on May 1, 2020."))
        #expect(!FactPatterns.namesItself("The Supplier shall deliver this Agreement's goods."))
    }

    /// An opening without a date: the date the parties sign as of.
    @Test func theWitnessLineDatesAnAgreementWhoseOpeningDoesNot() throws {
        let (_, passages) = contract([
            "This Joint Filing Agreement is made by and between Heron Annuity Company (\"Heron\") and Heron Life Re Ltd. (\"Re\").",
            "1. Governing Law. This Agreement shall be governed by the laws of the State of New York.",
            "IN WITNESS WHEREOF, the undersigned hereby execute this Agreement as of July 6, 2020.",
        ])
        let fact = try #require(ContractFacts(passages: passages)[.agreementDate])
        #expect(fact.value == "July 6, 2020")
        #expect(fact.sentence.hasPrefix("IN WITNESS WHEREOF"))
    }
}

/// A letter agreement names its writers, then its addressee after the verb.
@Suite struct LetterPartyTests {
    @Test func writersWhoConfirmTheirAgreementWithTheAddressee() {
        let (_, passages) = contract([
            "AGENCY AGREEMENT", "Ladies and Gentlemen:",
            "Heron Financial Corporation, a federal corporation (the \"Company\"), Heron Mutual Holding Company (the \"MHC\") and Heron Federal Savings and Loan Association, a federally chartered savings association (the \"Bank\") with its deposit accounts insured by the Savings Association Insurance Fund (\"SAIF\"), hereby confirm, jointly and severally, their agreement with Quill Webb & Company, a Division of Quill Holdings, Inc. (the \"Agent\"), as follows:",
            "Section 1. Governing Law. This Agreement shall be governed by the laws of New Mexico.",
        ])
        let facts = ContractFacts(passages: passages, isAgreement: true)
        #expect(
            facts.parties.map(\.name) == [
                "Heron Financial Corporation", "Heron Mutual Holding Company",
                "Heron Federal Savings and Loan Association",
                "Quill Webb & Company",
            ])
        #expect(facts.parties.map(\.shortName) == ["Company", "MHC", "Bank", "Agent"])
    }

    @Test func theUndersignedWhoUnderstandWhatTheAddresseeProposes() {
        let parties = FactPatterns.letterParties(
            in:
                "The undersigned, Gannet Securities Ltd. (the “Lead Agent”), and Bloom Tern & Co. Ltd. (collectively with the Lead Agent, the “Agents”) understand that Ternwood Pharmaceuticals Canada Inc. (the “Corporation”) proposes to issue and sell common shares."
        )
        #expect(
            parties.map(\.name) == [
                "Gannet Securities Ltd.", "Bloom Tern & Co. Ltd.", "Ternwood Pharmaceuticals Canada Inc.",
            ])
        let salutation = FactPatterns.letterParties(
            in:
                "Dear Mr. Tern: The undersigned, Gannet Securities Ltd. (the “Lead Agent”) understand that Ternwood Inc. (the “Corporation”) proposes to sell shares."
        )
        #expect(salutation.map(\.name) == ["Gannet Securities Ltd.", "Ternwood Inc."])
        // A party that understands something names no addressee.
        #expect(FactPatterns.letterParties(in: "Acme Inc. (“Acme”) understands the risks of the Products.").isEmpty)
    }
}

/// An agreement dated only where it is signed: the signing line's date, never a date of another
/// agreement or of a condition in the body.
@Suite struct SigningDateTests {
    /// An undated preamble and more sections than the preamble reads, so a date after them is no opening date.
    static let undatedAgreement =
        [
            "This Supply Agreement is made by and between Quillfeather Inc. (\"Quill\") and Ternmobile B.V. (\"Tern\").",
            "WHEREAS, Quill makes widgets and Tern wishes to buy them.",
        ]
        + [
            "Supply", "Delivery", "Price", "Payment", "Warranty", "Inspection", "Acceptance", "Insurance", "Notices",
            "Assignment", "Waiver", "Severability",
        ].enumerated().map {
            "\($0.offset + 1). \($0.element). Each party shall perform its \($0.element.lowercased()) obligations under this Agreement in good faith."
        }
        + ["13. Governing Law. This Agreement shall be governed by the laws of Italy."]

    @Test(arguments: [
        ("This Affiliate Agreement is executed as of the 14th day of December, 1997.", "14th day of December, 1997"),
        ("Signed in September 17, 2008", "September 17, 2008"),
        ("Rome/Houston, 2 April 2020 Quillfeather Biopharma Inc.", "2 April 2020"),
        (
            "/s/ Ternmobile Co., Ltd. [signature authenticated by third party document depository on December 17, 2018] Party B: Heron Leasing Co., Ltd.",
            "December 17, 2018"
        ),
    ])
    func theSigningLineDatesAnAgreementDatedNowhereElse(line: String, date: String) throws {
        let (_, passages) = contract(Self.undatedAgreement + [line])
        let fact = try #require(ContractFacts(passages: passages)[.agreementDate])
        #expect(fact.value == date)
    }

    @Test func aDateOfAnotherAgreementOrAConditionIsNoSigningDate() {
        let (_, passages) = contract(
            Self.undatedAgreement + [
                "20. Confidentiality. Information will be exchanged under the terms of the Agreement for Exchange of Confidential Information executed by Quillfeather on August 3, 2001 (the \"AECI\"), which the parties have reviewed and which governs every disclosure made under this Agreement by either party.",
                "21. Standards. If a franchise agreement for a hotel constructed for first occupancy after January 26th 1993 is executed after March 30th 2011, the Franchisor will require the owner to conduct a survey of the hotel's accessibility.",
            ])
        #expect(ContractFacts(passages: passages)[.agreementDate] == nil)
    }

    @Test func anAgreementThatTakesEffectOnAnEventHasNoEffectiveDate() throws {
        let dated =
            "This Cooperation Agreement is dated as of June 27, 2017 by and between Quill Inc. (\"Quill\") and Tern LLC (\"Tern\")."
        let event =
            "26. Counterparts. This Agreement shall become effective when each party hereto shall have received a counterpart hereof signed by the other parties hereto."
        let (_, passages) = contract([
            dated, "1. Governing Law. This Agreement shall be governed by the laws of Delaware.", event,
        ])
        let facts = ContractFacts(passages: passages, isAgreement: true)
        #expect(facts[.agreementDate]?.value == "June 27, 2017")
        #expect(facts[.effectiveDate] == nil)
        // Without the event, the agreement takes effect on the date it is dated.
        let (_, plain) = contract([
            dated, "1. Governing Law. This Agreement shall be governed by the laws of Delaware.",
        ])
        #expect(ContractFacts(passages: plain, isAgreement: true)[.effectiveDate]?.value == "June 27, 2017")
        #expect(!FactPatterns.takesEffectOnAnEvent("This Agreement shall become effective upon March 1, 2020."))
    }

    @Test func anAgreementWithoutClauseTypesStillHasFacts() {
        let (_, passages) = contract([
            "The undersigned hereby confirm the agreement by and among them to the joint filing of the Statement.",
            "IN WITNESS WHEREOF, the undersigned hereby execute this Agreement as of July 6, 2020.",
        ])
        #expect(passages.allSatisfy { $0.clauses.isEmpty })
        #expect(ContractFacts(passages: passages)[.agreementDate] == nil)
        #expect(ContractFacts(passages: passages, isAgreement: true)[.agreementDate]?.value == "July 6, 2020")
    }
}

/// The amount liability is capped at, read whole or not at all.
@Suite struct LiabilityCapAmountTests {
    @Test func theAmountAfterASecondVerbAndNeverCutMidWay() {
        let sentence =
            "TO THE EXTENT PERMITTED BY APPLICABLE LAW, ACME’S TOTAL CUMULATIVE LIABILITY TO YOU, FROM ALL CAUSES OF ACTION AND BASED ON ANY THEORIES OF LIABILITY, WILL BE LIMITED TO AND WILL NOT EXCEED THE GREATER OF (i) ONE HUNDRED DOLLARS ($100) AND (ii) THE AMOUNTS PAID BY YOU TO ACME IN THE TWELVE MONTHS PRIOR TO THE EVENT GIVING RISE TO SUCH LIABILITY."
        #expect(
            FactPatterns.cap(sentence)
                == "THE GREATER OF (i) ONE HUNDRED DOLLARS ($100) AND (ii) THE AMOUNTS PAID BY YOU TO ACME IN THE TWELVE MONTHS PRIOR TO THE EVENT GIVING RISE TO SUCH LIABILITY"
        )
        let endless =
            "Liability shall not exceed the total fees paid "
            + String(repeating: "under each order and statement of work ", count: 8)
        #expect(FactPatterns.cap(endless) == nil)
        #expect(
            FactPatterns.cap("Liability shall not exceed the fees paid in the prior year.")
                == "the fees paid in the prior year")
    }
}

/// What an end-user licence's preamble names after its vendor is not a second company.
@Suite struct EULAPreambleTests {
    @Test func anAlternativeThingIsNoParty() {
        let sentence =
            "THIS DOCUMENT IS A LEGAL AGREEMENT (the \"Agreement\") BETWEEN KESTREL INC. (\"We,\" \"Us\") AND YOU OR THE ORGANIZATION ON WHOSE BEHALF YOU ARE ENTERING INTO THIS AGREEMENT (\"You\") IN RELATION TO KESTREL SOFTWARE MADE AVAILABLE IN SOURCE CODE FORMAT (\"Kestrel SDKs\") AND/OR KESTREL SOFTWARE MADE AVAILABLE IN OBJECT CODE FORMAT (\"Kestrel Tools\")."
        #expect(!FactPatterns.parties(in: sentence).map(\.name).contains { $0.hasPrefix("AND/OR") })
    }

    /// "Exclusions From License Grant" and "Required Notices in Source Code" name no grant and no escrow.
    @Test func headingsThatOnlyMentionAClauseWord() {
        let (document, passages) = contract([
            "This Software License Agreement is made by and between Kestrel Inc. (\"Kestrel\") and Heron LLC (\"Heron\").",
            "5. Exclusions From License Grant. Nothing in this License shall be deemed to grant any rights to trademarks of Licensor except as expressly stated herein.",
            "6. Required Notices in Source Code. Each Contributor must ensure that the notice is included in each file of the Source Code.",
            "7. Governing Law. This Agreement shall be governed by the laws of the State of Ohio.",
        ])
        let classified = ClauseClassifier().classify(passages, of: document)
        let ids = Set(classified.flatMap(\.clauses).map(\.id))
        #expect(!ids.contains("license-grant"))
        #expect(!ids.contains("source-code-escrow"))
        #expect(ids.contains("governing-law"))
    }
}

/// The end of the term read from the term's own definition.
@Suite struct TermDefinitionTests {
    @Test(arguments: [
        ("“Term” shall mean the Effective Date through June 15, 2001 and any Renewal Term.", "June 15, 2001"),
        ("1.20. Term shall mean the Effective Date through June 15, 2001.", "June 15, 2001"),
        ("1.24 “Initial Term” means the period from the Effective Date until March 31, 2029.", "March 31, 2029"),
        (
            "\"Contract Period\" shall mean that period of time commencing on January 1, 2000 and concluding December 31, 2003, unless terminated sooner as provided herein.",
            "December 31, 2003"
        ),
    ])
    func theDefinedTermsEnd(definition: String, end: String) throws {
        let (_, passages) = contract([
            "This Co-Branding Agreement is made by and between Kestrel Inc. (\"Kestrel\") and Heron LLC (\"Heron\").",
            "1. Definitions. " + definition,
            "2. Governing Law. This Agreement shall be governed by the laws of the State of Ohio.",
        ])
        #expect(ContractFacts(passages: passages)[.expirationDate]?.value == end)
        #expect(FactPatterns.termDefinitions(in: passages).count == 1)
    }
}

/// Sentences that only mention a clause's words: the v9held panel's wrong "Yes" answers.
@Suite struct NeighbouringProvisionTests {
    @Test func aTermSentenceAndAnOwnershipSentenceTagNoClause() {
        let (document, passages) = contract([
            "This License Agreement is made by and between Kestrel Inc. (\"Kestrel\") and Heron LLC (\"Heron\").",
            "9.1 Term. This Agreement shall be effective as of the Effective Date and unless terminated earlier pursuant to Section 9.2 (Termination At Will) or Section 9.3 (Termination for Cause) below, the term of this Agreement shall continue in effect for five years.",
            "9.2 Termination At Will. Heron may terminate this Agreement in its entirety, for any reason, by providing at least sixty (60) days prior written notice to Kestrel.",
            "10.1 Ownership. Kestrel owns the sole and exclusive right of the intellectual property, including any improvement.",
            "11. Governing Law. This Agreement shall be governed by the laws of the State of Ohio.",
        ])
        let classified = ClauseClassifier().classify(passages, of: document)
        func tagged(_ id: String) -> [String] {
            classified.filter { $0.clauses.contains { $0.id == id } }.map(\.text)
        }
        #expect(tagged("termination-for-convenience").count == 1)
        #expect(tagged("termination-for-convenience").first?.contains("sixty (60) days") == true)
        #expect(tagged("exclusivity").isEmpty)
    }
}

/// The governing law's jurisdiction where the clause names it by an adjective or through "such state".
@Suite struct GoverningLawJurisdictionTests {
    @Test(arguments: [
        (
            "Any such arbitration shall (i) be subject to the application of the Italian Law, (ii) take place in Paris, France and (iii) be conducted in English.",
            "Italy"
        ),
        ("This Agreement is governed by English law.", "England"),
        ("This Agreement shall be construed under Delaware law.", "Delaware"),
        (
            "This Agreement was accepted in the state in which Franchisor’s then-current headquarters (currently the State of California) is located and shall be governed by the laws of such state.",
            "the State of California"
        ),
    ])
    func theJurisdictionOfAClause(sentence: String, place: String) {
        #expect(FactPatterns.jurisdiction(sentence) == place)
    }

    @Test func aDefinedTermInCapitalsNamesNoPlace() {
        #expect(
            FactPatterns.jurisdiction("Each party shall comply with all Export Laws in performing this Agreement.")
                == nil)
    }
}
