import Testing

@testable import TuneData

/// Clause tags the CUAD benchmark showed wrong, each in wording of the same shape, beside a true
/// clause of the category that must still be found.
@Suite struct KnownWrongClauseTests {
    private func ids(_ paragraphs: [String]) -> Set<String> {
        let (document, passages) = contract([ClauseClassifierTests.preamble] + paragraphs)
        return Set(ClauseClassifier().classify(passages, of: document).flatMap(\.clauses).map(\.id))
    }

    /// A recital about a "split-dollar" insurance arrangement shares no revenue, nor does a definition
    /// of control by a share of the equity or profits.
    @Test func controlByAShareOfTheProfitsIsNoRevenueSharing() {
        #expect(
            !ids([
                "A person shall be regarded as in control of another entity if it owns fifty percent (50%) or more of the outstanding equity securities of the subject entity, or a fifty percent (50%) or greater interest in the net assets or profits of the subject entity."
            ]).contains("revenue-profit-sharing"))
    }

    /// A recital about a "split-dollar" insurance arrangement shares no revenue.
    @Test(arguments: [
        (
            "WHEREAS, Acme has determined that this assistance can best be provided under a \"split-dollar\" arrangement; and",
            false
        ),
        (
            "Acme and Beta shall split the insurance premiums under a split-dollar plan as set forth in Exhibit A.",
            false
        ),
        ("Acme shall pay Beta a royalty of five percent (5%) of the Net Sales of each Product.", true),
        ("The parties shall split the net profits of the joint venture equally.", true),
    ])
    func aSplitDollarRecitalIsNoRevenueSharing(sentence: String, isClause: Bool) {
        #expect(ids([sentence]).contains("revenue-profit-sharing") == isClause)
    }

    /// What follows if the agreement is terminated under the termination-at-will clause is no right
    /// to terminate, nor is a right to end it after a long force majeure (a cause, not convenience).
    @Test(arguments: [
        (
            "Such excuse will be continued so long as the force majeure continues; provided that if any delay in performance due to force majeure continues for six (6) months, then the other Party will have the right to terminate this Agreement immediately upon written notice.",
            false
        ),
        (
            "If this Agreement is terminated during the Term at any time by Acme under Section 9.2 (Termination At Will) or by Beta under Section 9.3, the following terms shall apply:",
            false
        ),
        (
            "Acme may terminate this Agreement in its entirety, for any reason, by providing at least sixty (60) days prior written notice to Beta.",
            true
        ),
    ])
    func theEffectOfTerminationAtWillIsNoRightToTerminate(sentence: String, isClause: Bool) {
        #expect(ids([sentence]).contains("termination-for-convenience") == isClause)
    }

    /// Insurance is a clause when a party must carry it, not where a policy, its proceeds or a wish
    /// to help buy one is mentioned (a split-dollar life insurance agreement).
    @Test(arguments: [
        (
            "Upon the death of the Employee, the beneficiary will be entitled to receive from the Policy proceeds an amount reduced by any amount payable under the Employer's group term life insurance plan.",
            false
        ),
        (
            "WHEREAS, the Employer is desirous of assisting the Employee in obtaining life insurance on his own life; and the Employer and the Employee have applied for insurance policies.",
            false
        ),
        ("Neither party shall have sustained any loss, whether or not covered by insurance, since that date.", false),
        ("Supplier shall maintain commercial general liability insurance of at least $1,000,000.", true),
        ("Licensee agrees to obtain and keep in force product liability insurance naming Licensor.", true),
        // An item of a list of duties has no modal of its own.
        ("5.1.22 after the Effective Date, maintain, at your expense, insurance of the types we specify;", true),
    ])
    func aMentionOfInsuranceIsNoDutyToCarryIt(sentence: String, isClause: Bool) {
        #expect(ids([sentence]).contains("insurance") == isClause)
    }

    /// Intellectual property passes to the other party ("assigns to", "assigned and transferred to"),
    /// but a party keeping its own ("shall remain the property of such Party") assigns nothing.
    @Test(arguments: [
        (
            "Franchisee assigns to Franchisor all of Franchisee's right, title and interest in and to any such recipes and formulas.",
            true
        ),
        (
            "Company agrees to cause such trademark applications to be assigned and transferred to Licensor forthwith.",
            true
        ),
        (
            "Any intellectual property owned by a Party and used in providing the Services shall remain the property of such Party.",
            false
        ),
        ("Each Party shall retain all right, title and interest in its own Patents and Know-How.", false),
    ])
    func ownershipThatPassesIsAssignedButOwnershipKeptIsNot(sentence: String, isClause: Bool) {
        #expect(ids([sentence]).contains("ip-ownership-assignment") == isClause)
    }

    /// Consent to a court's jurisdiction is irrevocable and keeps the right to sue elsewhere, but it
    /// licenses nothing.
    @Test(arguments: [
        (
            "Each party voluntarily and irrevocably consents to the jurisdiction of the courts of New York and retains the right to seek injunctive relief in any court.",
            false
        ),
        (
            "Acme grants Beta a perpetual, irrevocable, royalty-free license to use the Software.",
            true
        ),
        ("Beta shall have the irrevocable right to use the Marks in the Territory.", true),
    ])
    func consentToJurisdictionIsNoIrrevocableLicence(sentence: String, isClause: Bool) {
        #expect(ids([sentence]).contains("irrevocable-or-perpetual-license") == isClause)
    }

    /// A sanctions warranty names whoever holds a controlling interest; it changes no control.
    @Test(arguments: [
        (
            "4.1 Beta (including its shareholders having a controlling interest in Beta) is not owned or controlled by a Sanctioned Person; 4.2 Beta will not obtain, receive, transfer or provide any funds related to this Agreement to a Sanctioned Person.",
            false
        ),
        (
            "Beta shall notify Acme in writing within ten (10) days of any person acquiring a controlling interest in Beta.",
            true
        ),
        (
            "Acme may terminate this Agreement upon a change of control of Beta.",
            true
        ),
    ])
    func aSanctionsWarrantyIsNoChangeOfControl(sentence: String, isClause: Bool) {
        #expect(ids([sentence]).contains("change-of-control") == isClause)
    }

    /// An interpretation clause reads "successors and assigns" into references to a person; it
    /// restricts no assignment.
    @Test(arguments: [
        (
            "9.1 Interpretation. Except where the context requires otherwise, (a) the use of the singular includes the plural, (b) any reference herein to any Person will be construed to include the Person's successors and assigns, and (c) the words \"agree\" or \"consent\" will require that such consent or approval be in writing under this Agreement.",
            false
        ),
        (
            "9.2 Assignment. This Agreement may not be assigned by either party without the prior written consent of the other party.",
            true
        ),
    ])
    func anInterpretationClauseIsNoAssignmentClause(sentence: String, isClause: Bool) {
        #expect(ids([sentence]).contains("anti-assignment") == isClause)
    }

    /// A definition that lists transfers needing the stockholders' approval restricts no assignment
    /// (held-out CUAD: the Cooperation Agreement's "Opposition Matter").
    @Test(arguments: [
        (
            "For purposes of this Agreement, \u{201C}Opposition Matter\u{201D} shall mean any of the following transactions but only to the extent submitted by the Board to the Company\u{2019}s stockholders for approval: (A) the sale or transfer of all or substantially all of the Company\u{2019}s assets.",
            false
        ),
        (
            "Neither party shall assign or transfer this Agreement without the prior written approval of the other party.",
            true
        ),
    ])
    func aDefinitionListingTransfersIsNoAssignmentClause(sentence: String, isClause: Bool) {
        #expect(ids([sentence]).contains("anti-assignment") == isClause)
    }

    /// Wording of the misses and false tags in exclusivity, minimum commitment and termination
    /// for convenience.
    @Test(arguments: [
        (
            "7. Non-Exclusivity. Both parties may enter into similar agreements with any other person.", "exclusivity",
            false
        ),
        ("Acme shall purchase the Products exclusively from Beta during the Term.", "exclusivity", true),
        (
            "\u{201C}Lead-Time\u{201D} means the minimum number of days required between the Purchase Order and Delivery.",
            "minimum-commitment", false
        ),
        (
            "Beta shall purchase a minimum of 1,000 units of the Products in each Contract Year.", "minimum-commitment",
            true
        ),
        (
            "This Agreement may be terminated by Acme at any time, in its sole and absolute discretion, without the consent of Beta.",
            "termination-for-convenience", true
        ),
        (
            "Beta acknowledges that the Termination for Convenience Fee is a reasonable approximation of such damages.",
            "termination-for-convenience", false
        ),
        // The right itself names the fee it costs: still a termination for convenience.
        (
            "Customer may terminate this Agreement during the Term upon at least one (1) years' written notice to "
                + "Beta, provided that Customer pays Beta an early termination fee (\u{201C}Termination for "
                + "Convenience Fee\u{201D}) in an amount equal to the Estimated Remaining Value.",
            "termination-for-convenience", true
        ),
        (
            "Fifty percent of the Termination for Convenience Fee shall be paid to Beta within thirty (30) days.",
            "termination-for-convenience", false
        ),
        // An arbitration clause's panel size by the damages sought is no cap on liability.
        (
            "The arbitration shall be conducted by (ii) three arbitrators in the event the aggregate damages sought "
                + "by the claimant exceed US$500,000.",
            "cap-on-liability", false
        ),
    ])
    func clauseWording(sentence: String, id: String, isClause: Bool) {
        #expect(ids([sentence]).contains(id) == isClause)
    }
}
