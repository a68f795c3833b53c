import Foundation

/// A clause category found in a passage, with the passage's sentences that make it up.
public struct PassageClause: Sendable, Hashable, Codable {
    /// The category id ("governing-law"; see ``ClauseCategory/id``).
    public var id: String
    /// The clause's own sentences, verbatim: adjacent sentences joined by a space, separate runs
    /// by a blank line (each run occurs in the document as written).
    public var text: String

    public init(id: String, text: String) {
        self.id = id
        self.text = text
    }
}

/// Classifies the passages of a contract into CUAD's clause categories from headings and sentence
/// patterns (the rules of ``ClauseTable``), with no model weights.
public struct ClauseClassifier: Sendable {
    public let table: ClauseTable

    public init(table: ClauseTable = .shipped) {
        self.table = table
    }

    /// False when the environment sets `TUNEDATA_CLAUSES=off`: `Benchmarks/clauses/` measures the
    /// cost of clause and fact finding by converting with and without it.
    public static let isEnabled = ProcessInfo.processInfo.environment["TUNEDATA_CLAUSES"] != "off"

    /// Whether clause types apply to the document at all, that is, whether it reads as a contract.
    ///
    /// A contract has a contract's formulae ("IN WITNESS WHEREOF", "WITNESSETH", "NOW, THEREFORE, the parties"), or
    /// it calls itself "this Agreement" (contract, lease) again and again and speaks of agreeing.
    /// A regulation, opinion or policy gets no clause types.
    public static func appliesTo(document: Document, passages: [Passage]) -> Bool {
        let joined = passages.map(\.text).joined(separator: " ")
        let text = FoldedText(joined)
        if formulae.contains(where: text.contains) { return true }
        let selfReferences = Self.selfReferences.reduce(0) { $0 + text.count($1) }
        if selfReferences >= minimumSelfReferences && agreeing.contains(where: text.contains) { return true }
        // A short contract: its opening names itself and says between whom it is made.
        let opening = FoldedText(joined.prefix(openingCharacters))
        return (Self.selfReferences + openingReferences).contains(where: opening.contains)
            && preamble.contains(where: opening.contains)
    }

    /// How much of the text the preamble check reads (cover pages and a contents list come first).
    static let openingCharacters = 6000
    private static let openingReferences = ["the agreement", "this supply", "this license", "this services"]
        .map(Phrase.init)
    private static let preamble = ["by and between", "by and among", "is entered into", "is made", "entered into"]
        .map(Phrase.init)

    /// A contract names itself this often at least; an opinion or article quoting one rarely does.
    static let minimumSelfReferences = 3
    private static let formulae = [
        "in witness whereof", "witnesseth", "now therefore the parties", "now therefore in consideration",
    ].map(Phrase.init)
    private static let selfReferences = [
        "this agreement", "this contract", "this lease", "this addendum", "this amendment",
    ].map(Phrase.init)
    private static let agreeing = ["hereby agree", "parties agree", "agree as follows", "agrees to", "the parties"]
        .map(Phrase.init)

    /// The passages with their clause types set; unchanged (no clauses) unless the document is a contract.
    public func classify(_ passages: [Passage], of document: Document) -> [Passage] {
        guard Self.appliesTo(document: document, passages: passages) else { return passages }
        return passages.map { passage in
            var copy = passage
            copy.clauses = clauses(in: passage)
            return copy
        }
    }

    /// The clause categories one passage holds, in table order.
    public func clauses(in passage: Passage) -> [PassageClause] {
        let heading = FoldedText(passage.heading ?? "")
        // A sentence can only match a pattern the whole passage matches: most passages hold few
        // categories, and this test spares splitting them into sentences at all.
        let whole = FoldedText(passage.text)
        let candidates = zip(table.categories, table.compiled).filter { _, rules in
            rules.patterns.contains { $0.matches(whole) } || rules.headings.contains(where: heading.contains)
        }
        guard !candidates.isEmpty else { return [] }
        // Each paragraph's sentences, folded once for every category.
        let paragraphs = passage.text.paragraphs.map { paragraph in
            SentenceSplitter.split(String(paragraph)).map { ($0, FoldedText($0)) }
        }
        var found: [PassageClause] = []
        for (category, rules) in candidates {
            var runs: [[String]] = []
            var lastMatch: (Int, Int)?
            for (p, sentences) in paragraphs.enumerated() {
                for (s, (sentence, folded)) in sentences.enumerated()
                where rules.patterns.contains(where: { $0.matches(folded) })
                    && !rules.unless.contains(where: folded.contains)
                {
                    if let (lp, ls) = lastMatch, lp == p, ls == s - 1 {
                        runs[runs.count - 1].append(sentence)
                    } else {
                        runs.append([sentence])
                    }
                    lastMatch = (p, s)
                }
            }
            if runs.isEmpty, rules.headings.contains(where: heading.contains) {
                // The section is the clause: its prose paragraphs (heading lines left out).
                runs = paragraphs.map { $0.map(\.0) }.filter { $0.joined(separator: " ").hasWords(atLeast: 5) }
            }
            guard !runs.isEmpty else { continue }
            found.append(
                PassageClause(id: category.id, text: runs.map { $0.joined(separator: " ") }.joined(separator: "\n\n")))
        }
        return found
    }
}
