import Foundation

/// Finds what recurs in a corpus — clause types, section headings, contract facts — and writes a
/// starter template for each, so a folder of leases or NDAs gets questions about its own topics.
///
/// A suggestion is made for what at least ``minimumShare`` of the documents (and at least two)
/// have; each file says in a comment how many documents it applies to.
public struct TemplateSuggester: Sendable {
    /// Something that recurs and the documents it was found in.
    public struct Suggestion: Sendable, Hashable {
        public enum Kind: Sendable, Hashable {
            case clause(id: String)
            case heading(String)
            case fact(ContractFact.Name)
        }

        public var kind: Kind
        /// How many documents hold it.
        public var documents: Int
        /// How many documents were read.
        public var of: Int

        /// The template's name and file stem ("suggested-clause-governing-law").
        public var name: String {
            switch kind {
            case .clause(let id): "suggested-clause-\(id)"
            case .heading(let heading): "suggested-heading-\(ClauseCategory.id(for: heading))"
            case .fact(let fact): "suggested-fact-\(fact.rawValue.replacingOccurrences(of: "_", with: "-"))"
            }
        }
    }

    /// A suggestion needs this share of the documents: less is one document's idiosyncrasy.
    public static let minimumShare = 0.3
    /// Headings longer than this are sentences the outline took for headings, not topics.
    static let maxHeadingWords = 6
    /// At most this many heading templates: beyond it the folder's headings are not a shared set.
    static let maxHeadings = 25

    private var clauseDocuments: [String: Int] = [:]
    private var headingDocuments: [String: (display: String, count: Int)] = [:]
    private var factDocuments: [ContractFact.Name: Int] = [:]
    private var documentCount = 0

    public init() {}

    /// Counts what one document's passages hold.
    public mutating func add(passages: [Passage], of document: Document) {
        documentCount += 1
        for id in Set(passages.flatMap { $0.clauses.map(\.id) }) { clauseDocuments[id, default: 0] += 1 }
        var headings: [String: String] = [:]
        for passage in passages {
            guard let heading = passage.heading?.trimmingWhitespace, !heading.isEmpty,
                heading.split(separator: " ").count <= Self.maxHeadingWords, heading.first?.isLetter == true
            else { continue }
            let display = LegalHeading.isCapitalisedHeading(heading) ? heading.capitalizedTitle : heading
            let key = ClauseCategory.id(for: display)
            guard !key.isEmpty else { continue }
            headings[key] = headings[key] ?? display
        }
        for (key, display) in headings {
            headingDocuments[key] = (headingDocuments[key]?.display ?? display, (headingDocuments[key]?.count ?? 0) + 1)
        }
        // The facts `convert` finds: an agreement with no clause types (a joint filing agreement) has them too.
        let facts = ContractFacts(document: document, passages: passages)
        for name in Set(facts.facts.map(\.name)) { factDocuments[name, default: 0] += 1 }
    }

    /// What recurs, most common first within each kind (clauses, facts, headings).
    public var suggestions: [Suggestion] {
        let needed = max(2, Int((Self.minimumShare * Double(documentCount)).rounded(.up)))
        let table = ClauseTable.shipped
        let clauses = table.categories.compactMap { category -> Suggestion? in
            let count = clauseDocuments[category.id] ?? 0
            return count >= needed
                ? Suggestion(kind: .clause(id: category.id), documents: count, of: documentCount) : nil
        }
        let facts = ContractFact.Name.allCases.compactMap { name -> Suggestion? in
            let count = factDocuments[name] ?? 0
            return count >= needed ? Suggestion(kind: .fact(name), documents: count, of: documentCount) : nil
        }
        let headings = headingDocuments.filter { $0.value.count >= needed }
            .sorted { ($0.value.count, $1.key) > ($1.value.count, $0.key) }.prefix(Self.maxHeadings)
            .map { Suggestion(kind: .heading($0.value.display), documents: $0.value.count, of: documentCount) }
        return clauses.sorted { $0.documents > $1.documents } + facts + headings
    }

    /// The commented YAML of a starter template for one suggestion.
    public static func yaml(for suggestion: Suggestion) -> String {
        let share = Int((Double(suggestion.documents) / Double(max(suggestion.of, 1)) * 100).rounded())
        let applies = "# Applies to \(suggestion.documents) of \(suggestion.of) documents (\(share)%)."
        let system =
            "You are an assistant. Answer questions about {{document.title}} from its text, quoting it exactly."
        let quoteWhere =
            "{{#passage.label}}{{passage.label}}{{#passage.heading}} ({{passage.heading}}){{/passage.heading}}{{/passage.label}}{{^passage.label}}The {{document.title}}{{/passage.label}}"
        var lines: [String]
        switch suggestion.kind {
        case .clause(let id):
            let category = ClauseTable.shipped.category(id)
            let topic = category?.topic ?? id
            lines = [
                "# Starter template: questions about \(topic) (clause type '\(id)', \(category?.name ?? id)).",
                applies,
                "# One example per passage holding the clause; the answer quotes the clause's own sentences.",
                "# Edit the phrasings to the way your users ask; see `tunedata templates list --variables`.",
                "name: \(suggestion.name)",
                "description: Ask about \(topic); answer with the clause's sentences.",
                "category: clause",
                "for_each: clause",
                "clauses: [\(id)]",
                "system: \(quoted(system))",
                "user:",
                "  - \(quoted("What does the {{document.title}} say about {{clause.topic}}?"))",
                "  - \(quoted("How does the {{document.title}} deal with {{clause.topic}}?"))",
                "assistant: |",
                "  \(quoteWhere) provides: \"{{clause.text}}\"",
            ]
        case .fact(let name):
            lines = [
                "# Starter template: the fact '\(name.rawValue)' — \(name.meaning).",
                applies,
                "# One example per document stating it, on the passage that states it.",
                "name: \(suggestion.name)",
                "description: Ask for \(name.rawValue.replacingOccurrences(of: "_", with: " ")); answer with it and its sentence.",
                "category: fact",
                "for_each: fact",
                "facts: [\(name.rawValue)]",
                "system: \(quoted(system))",
                "user:",
                "  - \(quoted("What is the \(name.rawValue.replacingOccurrences(of: "_", with: " ")) of the {{document.title}}?"))",
                "assistant: |",
                "  {{fact.value}} ({{#passage.label}}{{passage.label}}: {{/passage.label}}\"{{fact.sentence}}\")",
            ]
        case .heading(let heading):
            lines = [
                "# Starter template: sections headed \"\(heading)\".",
                applies,
                "# `headings:` limits it to passages whose heading holds one of these phrases.",
                "name: \(suggestion.name)",
                "description: Ask what the document says under \(quoted(heading)); answer with the section.",
                "category: qa",
                "headings: [\(quoted(heading))]",
                "system: \(quoted(system))",
                "user:",
                "  - \(quoted("What does the {{document.title}} say about \(heading.lowercased())?"))",
                "  - \(quoted("What are the \(heading.lowercased()) terms of the {{document.title}}?"))",
                "assistant: |",
                "  {{passage.text}}",
            ]
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A YAML double-quoted scalar.
    private static func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}
