/// The template variables of clause types and contract facts (`clause.*`, `fact.*`).
enum ClauseVariables {
    static let documented: [(name: String, meaning: String)] =
        [
            ("clause.id", "for_each: clause — the clause type's id (\"governing-law\")"),
            ("clause.name", "the clause type's CUAD name (\"Governing Law\")"),
            ("clause.topic", "how a question names it (\"the governing law\")"),
            ("clause.text", "the clause's own sentences, verbatim"),
            ("fact.name", "for_each: fact — the fact's name (\"governing_law\")"),
            ("fact.value", "the fact's short answer as written (\"the State of New York\")"),
            ("fact.sentence", "the sentence stating it, verbatim"),
            ("fact.title", "the title line it was read from, when it was read from a title (else empty)"),
            (
                "fact.renews_by_agreement",
                "for the renewal term: non-empty when it renews only if both parties agree (\"upon mutual written agreement\")"
            ),
            (
                "fact.renews_at_option",
                "for the renewal term: non-empty when one party may choose to renew (\"The Company may renew\")"
            ),
        ]
        + ContractFact.Name.allCases.flatMap { name in
            [
                ("fact.\(name.rawValue)", name.meaning),
                ("fact.\(name.rawValue)_sentence", "the sentence stating fact.\(name.rawValue), verbatim"),
            ]
        }

    static let groundedSources: [String] =
        ["clause.text", "fact.sentence", "fact.title"]
        + ContractFact.Name.allCases.map { "fact.\($0.rawValue)_sentence" }

    /// Every document-level `fact.*` value of a contract (empty strings for facts not found).
    static func factValues(_ facts: ContractFacts) -> [String: String] {
        var values: [String: String] = [:]
        for name in ContractFact.Name.allCases {
            values["fact.\(name.rawValue)"] = facts[name]?.value ?? ""
            values["fact.\(name.rawValue)_sentence"] = facts[name].map { UnderlineRuns.stripping($0.sentence) } ?? ""
        }
        return values
    }
}

extension TemplateContext {
    /// The same context about one clause of the passage.
    func with(_ clause: PassageClause, category: ClauseCategory) -> TemplateContext {
        var copy = with(absent: category)
        copy.values["clause.text"] = UnderlineRuns.stripping(clause.text)
        return copy
    }

    /// The same context about a clause type with no text (one the contract lacks).
    func with(absent category: ClauseCategory) -> TemplateContext {
        var copy = self
        copy.values["clause.id"] = category.id
        copy.values["clause.name"] = category.name
        copy.values["clause.topic"] = category.topic
        return copy
    }

    /// The same context about one fact stated in the passage.
    func with(_ fact: ContractFact) -> TemplateContext {
        var copy = self
        copy.values["fact.name"] = fact.name.rawValue
        copy.values["fact.value"] = fact.value
        copy.values["fact.sentence"] = UnderlineRuns.stripping(fact.sentence)
        copy.values["fact.title"] = fact.isTitle ? fact.sentence : ""
        let mode = fact.name == .renewalTerm ? RenewalMode(sentence: fact.sentence) : nil
        copy.values["fact.renews_by_agreement"] = mode == .byAgreement ? "yes" : ""
        copy.values["fact.renews_at_option"] = mode == .atOption ? "yes" : ""
        return copy
    }
}
