/// Whether a document reads as a contract: the one decision behind both its ``DocumentKind`` and
/// (with ``DocumentKind/isAgreement``) whether ``ClauseClassifier`` gives its passages clause types.
///
/// ``DocumentKind/detect(title:text:)`` scores the opening pages. A contract's signing formula
/// comes at its end, and a contract may open like a licence ("Software License Agreement"), so the
/// whole text is read for a contract's own wording before a `policy` or `other` kind is final.
/// Opinions and regulations keep their kind even when they quote a contract.
enum ContractEvidence {
    /// The kind of a document whose opening scored `scored`, given its whole text.
    static func kind(_ scored: DocumentKind, text: some StringProtocol) -> DocumentKind {
        switch scored {
        case .contract, .opinion, .regulation:
            return scored
        case .policy:
            // Terms addressed to readers have no signing formula; a licence agreement signed by two companies does.
            return FoldedText(text).containsAny(formulae) ? .contract : .policy
        case .other:
            return readsAsContract(text) ? .contract : .other
        }
    }

    /// A contract's wording: a signing formula ("IN WITNESS WHEREOF", "WITNESSETH", "NOW, THEREFORE,
    /// the parties"), or calling itself "this Agreement" again and again while speaking of agreeing,
    /// or an opening that names itself and says between whom it is made.
    static func readsAsContract(_ text: some StringProtocol) -> Bool {
        let folded = FoldedText(text)
        if folded.containsAny(formulae) { return true }
        let selfReferences = Self.selfReferences.reduce(0) { $0 + folded.count($1) }
        if selfReferences >= minimumSelfReferences && folded.containsAny(agreeing) { return true }
        let opening = FoldedText(text.prefix(openingCharacters))
        return opening.containsAny(Self.selfReferences + openingReferences) && opening.containsAny(preamble)
    }

    /// How much of the text the preamble check reads (cover pages and a contents list come first).
    static let openingCharacters = 6000
    /// A contract names itself this often at least; an article quoting one rarely does.
    static let minimumSelfReferences = 3
    private static let formulae = [
        "in witness whereof", "witnesseth", "now therefore the parties", "now therefore in consideration",
    ].map(Phrase.init)
    private static let selfReferences = [
        "this agreement", "this contract", "this lease", "this addendum", "this amendment",
    ].map(Phrase.init)
    private static let agreeing = ["hereby agree", "parties agree", "agree as follows", "agrees to", "the parties"]
        .map(Phrase.init)
    private static let openingReferences = ["the agreement", "this supply", "this license", "this services"]
        .map(Phrase.init)
    private static let preamble = ["by and between", "by and among", "is entered into", "is made", "entered into"]
        .map(Phrase.init)
}

extension DocumentKind {
    /// Whether the document binds parties to terms: a contract, or a licence or terms a reader accepts.
    ///
    /// Terms accepted by installing ("BY INSTALLING THE SOFTWARE, YOU ARE BINDING …") have a contract's
    /// clauses (governing law, a licence grant, a cap on liability). Only these kinds get clause types.
    var isAgreement: Bool { self == .contract || self == .policy }
}

extension FoldedText {
    /// Whether any of the phrases occurs.
    func containsAny(_ phrases: [Phrase]) -> Bool {
        phrases.contains(where: contains)
    }
}
