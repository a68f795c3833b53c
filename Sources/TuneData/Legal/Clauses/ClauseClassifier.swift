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

    /// Whether clause types apply to the document at all: whether it is an agreement.
    ///
    /// The document's kind decides (set at extraction by ``DocumentKind/detect(_:)``, which reads the
    /// whole text for a contract's wording: ``ContractEvidence``), so a document never gets clause
    /// types while its templates treat it as a regulation, opinion or other text. The passages are not read.
    public static func appliesTo(document: Document, passages: [Passage]) -> Bool {
        (document.kind ?? DocumentKind.detect(document)).isAgreement
    }

    /// The passages with their clause types set; unchanged (no clauses) unless the document is a contract.
    public func classify(_ passages: [Passage], of document: Document) -> [Passage] {
        guard Self.appliesTo(document: document, passages: passages) else { return passages }
        let found = passages.map { headedClauses(in: $0) }
        let outranking = Set(table.categories.filter(\.headingOutranks).map(\.id))
        let headed = Set(found.flatMap(\.headed)).intersection(outranking)
        return zip(passages, found).map { passage, found in
            var copy = passage
            copy.clauses = found.clauses.filter { !headed.contains($0.id) || found.headed.contains($0.id) }
            return copy
        }
    }

    /// The clause categories one passage holds, in table order.
    public func clauses(in passage: Passage) -> [PassageClause] {
        headedClauses(in: passage).clauses
    }

    /// The clause categories one passage holds, and the ids of those its heading names.
    func headedClauses(in passage: Passage) -> (clauses: [PassageClause], headed: Set<String>) {
        let heading = FoldedText(passage.heading ?? "")
        // A sentence can only match a pattern the whole passage matches: most passages hold few
        // categories, and this test spares splitting them into sentences at all.
        let whole = FoldedText(passage.text)
        let words = WordIndex(whole)
        // A heading names the clause unless it holds a vetoing phrase ("Non-Exclusivity").
        func isHeaded(_ rules: ClauseTable.CompiledRules) -> Bool {
            rules.headings.contains(where: heading.contains) && !rules.unless.contains(where: heading.contains)
        }
        let candidates = zip(table.categories, table.compiled).filter { _, rules in
            rules.patterns.contains { $0.matches(whole, words: words) } || isHeaded(rules)
        }
        guard !candidates.isEmpty else { return ([], []) }
        // Each paragraph's sentences, folded once for every category.
        let paragraphs = passage.text.paragraphs.map { paragraph in
            SentenceSplitter.split(String(paragraph)).map { ($0, FoldedText($0)) }
        }
        var found: [PassageClause] = []
        var headed: Set<String> = []
        for (category, rules) in candidates {
            if isHeaded(rules) { headed.insert(category.id) }
            var runs: [[String]] = []
            var lastMatch: (Int, Int)?
            for (p, sentences) in paragraphs.enumerated() {
                for (s, (sentence, folded)) in sentences.enumerated()
                where rules.patterns.contains(where: { $0.matches(folded) })
                    && !rules.unless.contains(where: folded.contains) && !Self.isHeadingAlone(sentence)
                {
                    if let (lp, ls) = lastMatch, lp == p, ls == s - 1 {
                        runs[runs.count - 1].append(sentence)
                    } else {
                        runs.append([sentence])
                    }
                    lastMatch = (p, s)
                }
            }
            if runs.isEmpty, isHeaded(rules) {
                // The section is the clause: its prose paragraphs (heading lines left out).
                runs = paragraphs.map { $0.map(\.0) }.filter { $0.joined(separator: " ").hasWords(atLeast: 5) }
            }
            guard !runs.isEmpty else { continue }
            found.append(
                PassageClause(id: category.id, text: runs.map { $0.joined(separator: " ") }.joined(separator: "\n\n")))
        }
        return (found, headed)
    }

    /// An item's run-in heading standing as a sentence ("(c) Right of First Negotiation."): it names
    /// the clause but is none of its terms, so alone it is no answer.
    static func isHeadingAlone(_ sentence: String) -> Bool {
        sentence.utf8.count < headingAloneBytes && sentence.wholeMatch(of: TemplateContext.runInItemHeading) != nil
    }

    /// Longer than this a sentence is not a run-in heading (six title-case words and an enumerator).
    static let headingAloneBytes = 90
}
