import Testing
@testable import TuneData

@Suite struct QualityGateTests {
    let gate = QualityGate()

    @Test(arguments: [
        (
            "the remainder of the Term, Licensee shall pay the fees set out in Schedule 2.",
            QualityGate.Verdict.midSentence
        ),
        ("Licensee shall pay the fees set out in Schedule 2 and, where the fees are disputed,", .midSentence),
        ("As a condition to receiving the Services, the Company hereby agrees and covenants as follows:", .midSentence),
        ("The specific services rendered by EIT according to this Agreement include the following:", .midSentence),
        (
            "The Company shall state that the project is funded by the Department of Health and Human Services, Under Contract No.",
            .midSentence
        ),
        (
            "The chart below sets forth the Baseline Laboratory Service Revenue for the Product for each Calendar Year during the Term (the “Calendar Year Baseline Laboratory Service Revenue”).",
            .midSentence
        ),
        ("[*] [*] [*] [*] per unit, payable within [*] days [*] [*] of delivery.", .redacted),
        ("\"Launch Date\" means [***]", .redacted),
        ("1. Definitions ........ 1\n2. Term .......... 4\n3. Fees ......... 7", .contents),
        ("Section 49 41 41 41 42 42 43 Article 7 44 45 45 46 Schedule 2 47 48", .contents),
        ("56,000 56,050 56,100 56,150 | 12.5% | 13.0% | $4,000 — $4,050", .mostlyNonLetters),
        ("By: ______________\nName: John Smith\nTitle: President\nDate: June 1, 2020", .signatureBlock),
        (
            "By: /s/ Daesik Eom Daesik Eom, Chairman and CEO NEUROBO PHARMACEUTICALS, INC. By: /s/ John Brooks",
            .signatureBlock
        ),
        (
            "By: ------------------ Return this original Destruction Certificate and the completed Certificate of Name Change to the Reseller.",
            .signatureBlock
        ),
        ("EL POLLO LOCO, INC., a Delaware Corporation By:", .signatureBlock),
        (
            "By Its Authorized Representative:\nMiles Ledgerwood Chairman\nAccepted as of the date first above written\nCharles Webb & Company\nBy Its Authorized Representative:",
            .signatureBlock
        ),
        ("The Supplier shall deliver the goods. IBM Confidential sow0501.lwp Page 33 of 39", .furniture),
        ("The Parties agree to the fees. Source: EXACT SCIENCES CORP, 8-K, 8/22/2018", .furniture),
        ("“Audit Costs” shall have the meaning set forth in Section 6.5.", .crossReference),
        ("\"Lead Agent\" has the meaning given to it in Section 2;", .crossReference),
        (
            "“Achaogen Patents” shall mean the Patents and Patent applications set forth in Exhibit B hereto.",
            .crossReference
        ),
        (
            "“Baseline Laboratory Service Revenue” shall mean, with respect to a particular Calendar Year during the Term, the amounts set forth in Section 4.2(b).",
            .crossReference
        ),
        (
            "Address: Address: Newegg Inc. Allied Esports International, Inc. 17560 Rowland St. City of Industry, CA 91745 USA Contact: +1 (714) 435-2600 Email: Attention: Legal Department",
            .signatureBlock
        ),
        (
            "18 Gloria Lane Fairfield, New Jersey 07004 Attention: Mr. Douglas A. Buffington Facsimile number: (973) 227-7018\n\nWith a copy to:\n\nNick Lampros 16615 Lark Avenue Los Gatos, California 95032 11.6. COUNTERPARTS. This Agreement may be executed in two or more counterparts, each of which shall be deemed an original.",
            .signatureBlock
        ),
        ("Address:\n\nProfound Medical Inc.\n\n2400 Skymark Avenue, Mississauga, ON, Canada", .signatureBlock),
        ("[The remainder of this page is intentionally left blank.]", .furniture),
        (
            "IN WITNESS WHEREOF the parties have duly executed and delivered this Agreement as of the date first above written.",
            .signatureBlock
        ),
    ])
    func dropsWhatALawyerWouldDelete(answer: String, verdict: QualityGate.Verdict) {
        #expect(gate.verdict(forAnswer: answer)?.verdict == verdict)
    }

    @Test(arguments: [
        "This Agreement is governed by the laws of the State of New York.",
        "(b) any Affiliate of Licensee; and",
        "(iv) the Licensed Products sold in the Territory",
        "Licensee shall:\n\n(a) pay the fees; and\n\n(b) keep records",
        "“Affiliate” means any entity that controls, is controlled by or is under common control with a Party.",
        "Section 5.2 (Notices) deals with Notices. It begins: \"All notices shall be in writing.\"",
        "The Company shall indemnify the Agent, as set forth in Section 9, against all losses arising from the Offering.",
        "Notices to the Company shall be sent to: 12 Main Street, Boston, with a copy to counsel, and signed by: an officer.",
        "NOW, THEREFORE, in consideration of the mutual covenants herein contained, the Parties agree as follows:",
        "This Agreement is entered into in ShenZhen on February 08, 2007 between the following two parties: Party A: JingWei HengTong Technology Co., Ltd. Address: Room 1, Tower A, ShenZhen. Party B: ShenZhen JingWei Communication Co., Ltd. Address: Room 2, Tower B, ShenZhen.",
        "The fees are payable to Acme Holdings Inc.",
        "Pfizer shall invest in Marketing and Promoting the Product in the amounts set forth in the chart below. Pfizer, at its own expense, shall use commercially reasonable efforts to support the Product, and the Parties may agree to reallocate Shared M&P Expenses by mutual written consent, as the Annual Marketing Plan provides from year to year.",
        "12.1 Notices shall be in writing.\n\n12.2 For the purpose of notices, the contacts of the Parties are as follows:",
        "Section 3 (Covenants) deals with Covenants. It begins: \"The Company covenants as follows:\"",
        "“NAP” shall mean Network Access Point, as described in Appendix 11.",
        "\"PIP Fee\" means the fee we charge for creating a PIP as specified in Section 8.3.",
        "“MOQ” means the minimum order quantity of Product units during the Initial Term, as set forth in Schedule 1.",
        "“Territory” means the countries listed in Schedule 1, and any country the Parties add to it in writing under Section 2.4.",
        "The Agent may rely on a notice with a conformed signature (/s/ and a name) under a Date: line from an officer.",
    ])
    func keepsWholeClauses(answer: String) {
        #expect(gate.verdict(forAnswer: answer) == nil)
    }

    @Test func gateNeverDropsIncludedExamples() {
        let included = Sample.example(
            "q", "the tail of a sentence without an end", template: IncludedExamples.templateName)
        let generated = Sample.example("q", "the tail of a sentence without an end", passage: 1)
        var dropped: [Int] = []
        let kept = gate.filter([0, 1], jobs: 1, isIncluded: { $0 == 0 }, example: { [included, generated][$0] }) {
            index, _ in dropped.append(index)
        }
        #expect(kept == [0])
        #expect(dropped == [1])
    }

    @Test func furnitureParagraphsAreRemovedBeforeTemplates() {
        let text =
            "The Supplier shall deliver.\n\nPage 7 of 39\n\nSource: ACME CORP, 10-K, 3/1/2010\n\n- 8 -\n\nThe Buyer shall pay."
        #expect(
            AnswerFurniture.strippingFurnitureParagraphs(text) == "The Supplier shall deliver.\n\nThe Buyer shall pay.")
    }

    @Test func aClauseTableReadAsTextIsNoAnswerButACitationIs() {
        let table =
            "Clause Date Title FAR 52.202-1 Jul-04 Definitions (Over $100,000) FAR 52.203-3 Apr-84 Gratuities (Over $100,000) FAR 52.203-5 Apr-84 Covenant Against Contingent Fees (Over $100,000). Substitute the Prime Contractor for the Government in paragraph (a). FAR 52.203-6 Sep-06 Restrictions on Subcontractor Sales to the Government FAR 52.203-7 Jul-95 Anti-Kickback Procedures"
        #expect(QualityGate().verdict(forAnswer: table)?.verdict == .mostlyNonLetters)
        let citation =
            "The Subcontractor shall comply with FAR 52.227-14 (Rights in Data) and FAR 52.204-21 (Basic Safeguarding), and with DFARS 252.204-7012, as each applies to the work performed under this Agreement, and shall flow these clauses down to its own subcontractors; FAR 52.203-13 applies only above the threshold stated in it."
        #expect(QualityGate().verdict(forAnswer: citation) == nil)
    }

    @Test func aRedactionMarkInTheMarginIsFurnitureButARedactionInTheTextIsNot() {
        // The halves either side stay two paragraphs: each is found verbatim in the document.
        let text =
            "If the Publisher fails to deliver\n\n- [***]\n\nsuch Impressions, it shall extend the term.\n\n[***]\n\n• [***]"
        #expect(
            AnswerFurniture.strippingFurnitureParagraphs(text)
                == "If the Publisher fails to deliver\n\nsuch Impressions, it shall extend the term.\n\n[***]\n\n• [***]"
        )
    }

    /// EDGAR redaction legends go whole: no "with respect to the omitted portions." or "by Acme, Inc."
    /// is left as a paragraph of the answer.
    @Test(arguments: [
        (
            "Page 2 of 60 [***] Certain information in this document has been omitted and filed separately with "
                + "the Securities and Exchange Commission. Confidential Treatment has been requested with respect to "
                + "the omitted portions.\n\nConfidential Treatment Requested by Acme, Inc. 1.5 \u{201C}Law\u{201D} "
                + "shall mean all statutes.",
            "1.5 \u{201C}Law\u{201D} shall mean all statutes."
        ),
        (
            "The Newsletters shall not contain advertisements\n\n[***]\n\nConfidential treatment has been requested "
                + "for the bracketed portions. The confidential redacted portion has been omitted and filed "
                + "separately with the Securities and Exchange Commission.",
            "The Newsletters shall not contain advertisements\n\n[***]"
        ),
        (
            "the Operations of the [*****] Confidential material redacted and filed separately with the Securities "
                + "and Exchange Commission.\n\nAircraft, analyzed at the time",
            "the Operations of the\n\nAircraft, analyzed at the time"
        ),
        (
            "If the amount owed\n\n___________ *** Omitted pursuant to a confidential treatment request filed "
                + "separately.\n\nwas overpaid",
            "If the amount owed\n\nwas overpaid"
        ),
        (
            "*** Text Omitted and Filed Separately Confidential Treatment Requested Under 17 C.F.R. §§ 200.80(b)(4) and 203.406\n\nThis Development Agreement is entered into on April 15th, 2010.",
            "This Development Agreement is entered into on April 15th, 2010."
        ),
    ])
    func redactionLegendsGoWhole(text: String, expected: String) {
        #expect(AnswerFurniture.strippingFurnitureParagraphs(text) == expected)
    }
}

@Suite struct PassageCleanUpTests {
    @Test func fragmentsAndDanglingClauseNumbersAreTrimmed() {
        let text = "the Term, as extended. Licensee shall pay the fees.\n\nFees are due monthly.\n\n4.B."
        #expect(PassageBoundaries.trimmed(text) == "Licensee shall pay the fees.\n\nFees are due monthly.")
        #expect(PassageBoundaries.trimmed("Licensee shall pay the fees.") == "Licensee shall pay the fees.")
    }

    /// A notices clause keeps the addresses it lists: its sentence of prose is no address block.
    @Test func aNoticesClauseIsNoAddressBlock() {
        let clause =
            "All notices under this Agreement shall be in writing and delivered by hand or courier to the addresses below. Acme Corp. Address: 1 Main Street, Boston Attention: General Counsel Email: legal@acme.example"
        #expect(QualityGate.contactBlock(clause) == nil)
        #expect(
            QualityGate.contactBlock("Acme Corp. Address: 1 Main Street Attention: Legal Email: a@acme.example") != nil)
    }

    /// The byte scan counts what the label pattern it replaced matched, colon by colon.
    @Test(arguments: [
        ("Address: 1 Main St. Attention: Legal E-mail: a@b.example Fax : 555", 4),
        ("ATTN:Legal TEL\t: 555 Telephone\u{00A0}: 556 email: x", 4),
        ("Mailing address: 1 Main St.", 1),
        // Inside a longer word, after a digit, underscore or accented letter: no label.
        ("Emailaddress: x; Tel1: 5; my_fax: 6; éphone: 7; contactless: 8", 0),
        // After a hyphen the word starts anew ("X-Address:"), as a regex word boundary does.
        ("X-Address: here; co-contact: there", 2),
        ("Note: the address is below. Phone (main): 555", 0),
    ])
    func contactLabelsAreCountedAtTheirColons(text: String, count: Int) {
        #expect(QualityGate.contactLabelCount(text) == count)
        let pattern = /\b(?i:address|attention|attn|e-?mail|tel|telephone|fax|facsimile|phone|contact|mobile)\s*:/
        #expect(text.matches(of: pattern).count == count)
    }

    /// A note about the printed page is cut out of the paragraph it ends, which stays.
    @Test func aBlankPageNoteIsCutOutOfItsParagraph() {
        let text =
            "This Agreement may be executed in counterparts. [Remainder of page intentionally left blank; signature page follows.]\n\n[Signature Page Follows]"
        #expect(AnswerFurniture.strippingFurnitureParagraphs(text) == "This Agreement may be executed in counterparts.")
        #expect(
            AnswerFurniture.strippingFurnitureParagraphs("as set forth in this Agreement <Signature page follows.>")
                == "as set forth in this Agreement")
        #expect(
            AnswerFurniture.strippingFurnitureParagraphs(
                "Notices shall be sent to Cargill. Cargill Confidential - 10 - * Confidential treatment requested\n\nCargill Confidential Information shall be kept secret by Bioamber for five years."
            )
                == "Notices shall be sent to Cargill.\n\nCargill Confidential Information shall be kept secret by Bioamber for five years."
        )
    }

    @Test func metadataHeadersAndPlaceholderHeadingsAreNotAnswersOrTopics() {
        let header = "key: esri\nshort_name: Esri License\nname: Esri License\ncategory: Commercial"
        #expect(QualityGate().verdict(forAnswer: header)?.verdict == .furniture)
        #expect(HeadingCheck.isNotATopic("Reserved"))
        #expect(HeadingCheck.isNotATopic("Tri City National Bank"))
        #expect(!HeadingCheck.isNotATopic("Limitation of Liability"))
        #expect(HeadingCheck.isNotATopic("Has Adopted This Decision"))
        #expect(HeadingCheck.isNotATopic("Prudential Bank"))
        #expect(!HeadingCheck.isNotATopic("Representations and Warranties of the Company, the MHC and the Bank"))
        #expect(HeadingCheck.cutsSentence("NATURE OF RELATIONSHIP. The relationship existing between"))
        #expect(!HeadingCheck.cutsSentence("Termination At Will"))
        #expect(HeadingCheck.cutsSentence("The Supplier will"))
        #expect(HeadingCheck.leadsIntoText("The Owner warrants that"))
        #expect(HeadingCheck.leadsIntoText("[Conflicts of Interest] including but not limited to"))
        #expect(!HeadingCheck.leadsIntoText("Rights Of The"))
        #expect(!HeadingCheck.leadsIntoText("Notices"))
    }
}

/// The hand-written scans that replaced regular expressions on every answer give the same counts.
@Suite struct QualityGateScanTests {
    /// The expression the inline-label scan replaced.
    nonisolated(unsafe) static let inlineLabel =
        /(?:^|\s)(?:By|Name|Title|Its|Date|Signature|Printed Name|Print Name|Authorized Representative)\s*:/

    @Test(arguments: [
        "By: ____ Name: Jane Doe Title: Chief Executive Officer Date: May 1, 2020",
        "By:\nName :\tPrinted Name: PrintName: Print Name: xBy: Its:",
        "Signature: Title:Name: The Date of this Agreement: noted",
        "Name:", " By :", "No labels here at all.", "Title Name: Date", "By:By: By:",
        "Printed\u{00A0}Name: Jane", "Date\u{2003}: 1 May", "By Its Authorized Representative: Jane",
    ])
    func inlineSignatureLabelsMatchTheExpression(text: String) {
        #expect(QualityGate.inlineSignatureLabels(in: text) == text.matches(of: Self.inlineLabel).count)
    }

    /// The `Character`-based count the scalar scan replaced, kept here as the reference.
    struct ReferenceWords {
        var count = 0, bareNumbers = 0, redactionMarks = 0, sentenceEnds = 0

        init(_ text: String) {
            for token in text.split(whereSeparator: \.isWhitespace) {
                if token.contains("*"), token.wholeMatch(of: /[\[(]?\*+[\])]?[.,;:]?|\[\s*\*+\s*\]/) != nil {
                    redactionMarks += 1
                    count += 1
                    continue
                }
                guard token.contains(where: { $0.isLetter || $0.isNumber }) else { continue }
                count += 1
                if token.allSatisfy({ $0.isNumber || $0 == "." || $0 == "," || $0 == "|" }) && token.count <= 4 {
                    bareNumbers += 1
                }
                if let last = token.last(where: { !"\"”’')]".contains($0) }), ".?!;:".contains(last),
                    token.contains(where: \.isLetter)
                {
                    sentenceEnds += 1
                }
            }
        }
    }

    @Test(arguments: [
        "[*] [*] text [***]. (*) more", "41 41 42 Section 5. Fees.", "He said “Stop.” Then (a) ran; and [b]",
        "½ 1,000 | 12.5 Ünïcode ends!", "  \n\t ", "a\u{00A0}b\u{2003}c. ‘quoted’) [ * ] **** 7.", "1.1 2.2 3.33 44444",
    ])
    func answerWordsMatchTheCharacterCount(text: String) {
        let counted = AnswerWords(text)
        let reference = ReferenceWords(text)
        #expect(counted.count == reference.count)
        #expect(counted.redactionMarks == reference.redactionMarks)
        #expect(counted.bareNumbers == reference.bareNumbers)
        #expect(counted.sentenceEnds == reference.sentenceEnds)
    }

    @Test func answerWordsCountsEachKind() {
        let counted = AnswerWords("[*] [*] text [***]. (*) more 41 42 ends.")
        #expect(counted.count == 9)
        #expect(counted.redactionMarks == 4)
        #expect(counted.bareNumbers == 2)
        #expect(counted.sentenceEnds == 1)
    }
}
