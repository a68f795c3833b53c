/// What one template is applied to in one passage: the passage itself, or each definition, clause
/// or fact in it (the template's `for_each`), with what provenance records about it.
struct TemplateSubject {
    var context: TemplateContext
    /// The clause category id, for clause and absent-clause templates.
    var clause: String?
    /// The fact's name, for fact templates.
    var fact: String?
}

/// The clause and fact subjects of one document, ready for each passage and template.
struct TemplateSubjects {
    private let facts: ContractFacts
    private let table: ClauseTable
    /// The categories some passage of the document holds.
    private let present: Set<String>
    /// The categories some passage of the agreement's own text holds (outside its exhibits and schedules).
    private let presentInBody: Set<String>
    /// The passages (by index) inside an exhibit, schedule, annex or appendix, judged once per document.
    private let attachmentPassages: Set<Int>
    /// Whether the document is a contract (some passage has a clause type).
    private let isContract: Bool
    /// Where document-level subjects (absent clauses) are rendered: the first passage.
    private let firstPassage: Int?

    init(passages: [Passage], facts: ContractFacts, table: ClauseTable = .shipped) {
        self.facts = facts
        self.table = table
        present = Set(passages.flatMap { $0.clauses.map(\.id) })
        let inAttachments = Set(passages.filter(AttachmentTitle.isInAttachment).map(\.index))
        attachmentPassages = inAttachments
        presentInBody = Set(passages.filter { !inAttachments.contains($0.index) }.flatMap { $0.clauses.map(\.id) })
        isContract = !present.isEmpty
        firstPassage = passages.first?.index
    }

    func of(_ template: Template, passage: Passage, definitions: [Definition], base: TemplateContext)
        -> [TemplateSubject]
    {
        switch template.forEach {
        case "definition":
            return definitions.map { TemplateSubject(context: base.with($0)) }
        case "clause":
            // A clause type the agreement's own sections hold is asked of them, not of an attached
            // form or a government appendix that uses the same words ("Disputes" in Exhibit H).
            let inAttachment = attachmentPassages.contains(passage.index)
            return passage.clauses.compactMap { clause in
                guard template.clauses.isEmpty || template.clauses.contains(clause.id),
                    !(inAttachment && presentInBody.contains(clause.id)),
                    let category = table.category(clause.id)
                else { return nil }
                return TemplateSubject(context: base.with(clause, category: category), clause: clause.id)
            }
        case "fact":
            return facts.facts.compactMap { fact in
                guard fact.passageIndex == passage.index,
                    template.facts.isEmpty || template.facts.contains(fact.name.rawValue)
                else { return nil }
                return TemplateSubject(context: base.with(fact), fact: fact.name.rawValue)
            }
        case "absent_clause":
            guard isContract, passage.index == firstPassage else { return [] }
            return table.categories.compactMap { category in
                guard category.mayBeDenied, !present.contains(category.id),
                    template.clauses.isEmpty || template.clauses.contains(category.id)
                else { return nil }
                return TemplateSubject(context: base.with(absent: category), clause: category.id)
            }
        default:
            guard !template.headings.isEmpty else { return [TemplateSubject(context: base)] }
            let heading = FoldedText(passage.heading ?? "")
            return template.headings.contains { heading.contains(Phrase($0)) } ? [TemplateSubject(context: base)] : []
        }
    }
}
