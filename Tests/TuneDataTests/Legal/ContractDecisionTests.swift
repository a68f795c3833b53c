import Testing

@testable import TuneData

/// One decision makes a document a contract: its kind and its clause types agree, on awkward
/// contracts (no headings, all capitals, clauses numbered only "(a)") and on a document that is none.
@Suite struct ContractDecisionTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var title: String
        var paragraphs: [String]
        /// The clause types the document must get (none for a non-contract).
        var clauses: Set<String>
        var testDescription: String { name }
    }

    static let cases = [
        Case(
            name: "no headings", title: "Supply Agreement",
            paragraphs: [
                ClauseClassifierTests.preamble,
                "Neither party may assign this Agreement without the prior written consent of the other party. Either party may terminate this Agreement for convenience upon thirty (30) days' prior written notice.",
                "This Agreement shall be governed by the laws of the State of New York.",
            ],
            clauses: ["anti-assignment", "termination-for-convenience", "governing-law"]),
        Case(
            name: "all capitals", title: "SUPPLY AGREEMENT",
            paragraphs: [
                ClauseClassifierTests.preamble.uppercased(),
                "THIS AGREEMENT SHALL BE GOVERNED BY THE LAWS OF THE STATE OF TEXAS.",
                "IN NO EVENT SHALL EITHER PARTY'S AGGREGATE LIABILITY EXCEED THE FEES PAID IN THE PRIOR TWELVE MONTHS.",
            ],
            clauses: ["governing-law", "cap-on-liability"]),
        Case(
            name: "clauses numbered only (a)", title: "Supply Agreement",
            paragraphs: [
                ClauseClassifierTests.preamble,
                "(a) Neither party may assign this Agreement without the prior written consent of the other party.",
                "(b) Supplier shall maintain insurance coverage with reputable insurers throughout the Term.",
                "(c) This Agreement shall be governed by the laws of England and Wales.",
            ],
            clauses: ["anti-assignment", "insurance", "governing-law"]),
        Case(
            name: "a news article about a contract", title: "Acme wins logistics deal",
            paragraphs: [
                "Acme announced on Monday that it had won a five-year logistics deal with a large retailer.",
                "Analysts said the deal, which is governed by the laws of Delaware according to a filing, may not be assigned without consent and could lift revenue by a tenth.",
                "Shares rose three percent in early trading.",
            ],
            clauses: []),
    ]

    @Test(arguments: cases)
    func kindAndClauseTypesAgree(_ example: Case) {
        let (document, passages) = contract(example.paragraphs, title: example.title)
        let isContract = !example.clauses.isEmpty
        #expect(DocumentKind.detect(document).isAgreement == isContract)
        #expect(ClauseClassifier.appliesTo(document: document, passages: passages) == isContract)
        let found = Set(passages.flatMap(\.clauses).map(\.id))
        if isContract {
            #expect(found.isSuperset(of: example.clauses), "found \(found)")
        } else {
            #expect(found.isEmpty, "invented \(found)")
        }
    }

    /// A licence agreement between two companies opens like terms addressed to a reader; its signing
    /// formula, pages later, makes it a contract.
    @Test func aSignedLicenceAgreementIsAContract() {
        let opening = "Licensor grants Licensee a licence to use the Software. You agree to these terms."
        let body = Array(repeating: "Licensee shall pay the fees when due under the terms set out above.", count: 400)
        let signature = "IN WITNESS WHEREOF, the parties have executed this Agreement as of the date first written."
        let (document, passages) = contract([opening] + body + [signature], title: "Software License Agreement")
        #expect(DocumentKind.detect(title: document.title, text: opening) == .policy)
        #expect(DocumentKind.detect(document) == .contract)
        #expect(ClauseClassifier.appliesTo(document: document, passages: passages))
    }

    /// An opinion quoting a contract's clauses stays an opinion and gets no clause types.
    @Test func anOpinionQuotingAContractGetsNoClauseTypes() {
        let paragraphs = [
            "UNITED STATES COURT OF APPEALS FOR THE NINTH CIRCUIT",
            "No. 21-5512",
            "Acme Corp. v. Beta LLC",
            "The agreement provided: \"This Agreement shall be governed by the laws of the State of New York. IN WITNESS WHEREOF the parties have signed.\" The judgment of the district court is AFFIRMED.",
        ]
        let (document, passages) = contract(paragraphs, title: "Acme Corp. v. Beta LLC")
        #expect(DocumentKind.detect(document) == .opinion)
        #expect(passages.allSatisfy { $0.clauses.isEmpty })
    }
}
