import Foundation
import Testing

@testable import TuneData

@Suite struct ClauseTemplateTests {
    static let paragraphs = [
        ClauseClassifierTests.preamble,
        "14.1 Assignment. Neither party may assign this Agreement without the prior written consent of the other party.",
        "14.2 Governing Law. This Agreement shall be governed by the laws of the State of New York.",
    ]

    @Test func shippedTemplatesAskByIssueAndQuoteTheClause() throws {
        let (document, passages) = contract(Self.paragraphs)
        let rendered = try TemplateSet.shipped().forFormat("chat").render(
            document: document, passages: passages, seed: 3)
        #expect(rendered.ungrounded.isEmpty)
        let assignment = try #require(rendered.examples.first { $0.provenance.template == "legal-clause-assignment" })
        #expect(assignment.provenance.clause == "anti-assignment")
        #expect(assignment.provenance.fact == nil)
        let answer = assignment.messages[2].content
        #expect(answer.hasPrefix("Yes, assignment is restricted. Section 14.1 (Assignment) provides: \"Neither party"))
        #expect(!assignment.messages[1].content.contains("14.1"))
        let law = try #require(rendered.examples.first { $0.provenance.template == "legal-fact-governing-law" })
        #expect(law.provenance.fact == "governing_law")
        #expect(
            law.messages[2].content
                == "The laws of the State of New York. (Section 14.2: \"This Agreement shall be governed by the laws of the State of New York.\")"
        )
        let parties = try #require(rendered.examples.first { $0.provenance.template == "legal-fact-parties" })
        #expect(
            parties.messages[2].content.hasPrefix("The parties are Acme Corp. (“Acme”) and Beta Services LLC (“Beta”).")
        )
    }

    /// A quotation from the first piece of a section is cited by the section ("Section 13.2 (Your
    /// Transfer) provides"), not by the piece's name ("the opening of Section 13.2 … provides").
    @Test func clauseAnswersCiteTheSectionAFirstPieceOpens() throws {
        let (document, _) = contract(Self.paragraphs)
        var opening = Passage(
            documentID: document.id, index: 1, sectionPath: ["Section 13.2 Your Transfer"],
            label: "the opening of Section 13.2", heading: "Your Transfer",
            text: "A Transfer by you of this Agreement is prohibited other than as expressly permitted herein.",
            tokenCount: 20, pages: [1])
        opening.part = PassagePart(sectionLabel: "Section 13.2", number: 1, count: 2)
        var later = opening
        later.label = "Section 13.2(b)–(c)"
        later.part = PassagePart(sectionLabel: nil, number: 2, count: 2)
        let facts = DocumentFacts(document: document, passages: [opening, later])
        #expect(
            TemplateContext(document: document, passage: opening, facts: facts).values["passage.citation"]
                == "Section 13.2")
        #expect(
            TemplateContext(document: document, passage: later, facts: facts).values["passage.citation"]
                == "Section 13.2(b)–(c)")
        let template = try TemplateSet.shipped().templates.first { $0.name == "legal-clause-assignment" }
        #expect(template?.assistant.source.contains("{{passage.citation}}") == true)
    }

    @Test func provenanceLinesNameTheClauseOnlyWhenSet() {
        var provenance = Provenance(
            source: "a.pdf", documentID: "d", pages: [1], section: nil, template: "t", variant: 1, passageIndex: 0)
        let plain = String(
            decoding: JSONLEncoding.provenanceLine(for: provenance, split: "train", file: nil, line: 1), as: UTF8.self)
        #expect(!plain.contains("clause") && !plain.contains("fact"))
        provenance.clause = "governing-law"
        let line = String(
            decoding: JSONLEncoding.provenanceLine(for: provenance, split: "train", file: nil, line: 1), as: UTF8.self)
        #expect(line.hasSuffix(#","variant":1,"passage":0,"clause":"governing-law"}"# + "\n"))
    }

    @Test(arguments: [
        (
            "name: a\nfor_each: clause\nclauses: [governing-lw]\nuser: q\nassistant: '{{clause.text}}'",
            "did you mean 'governing-law'"
        ),
        ("name: a\nuser: q\nassistant: '{{clause.text}}'", "clause.* variables need 'for_each: clause'"),
        ("name: a\nfor_each: absent_clause\nclauses: [non-compete]\nuser: q\nassistant: 'No.'", "may not be denied"),
        ("name: a\nfor_each: fact\nfacts: [price]\nuser: q\nassistant: '{{fact.value}}'", "unknown fact 'price'"),
        ("name: a\nclauses: [insurance]\nuser: q\nassistant: '{{passage.text}}'", "'clauses' needs 'for_each: clause'"),
    ])
    func loaderRejectsMistakes(yaml: String, message: String) {
        let error = #expect(throws: TemplateError.self) { try TemplateLoader.parse(yaml, file: "t.yaml") }
        #expect(error?.description.contains(message) == true, "\(String(describing: error))")
    }

    /// An agreement with no clause types still has facts, as `convert` finds them.
    @Test func suggestionsCountTheFactsOfAnAgreementWithoutClauseTypes() {
        var suggester = TemplateSuggester()
        for _ in 0..<2 {
            let (document, passages) = contract(
                [
                    "In accordance with Rule 13d-1(k) under the Securities Exchange Act of 1934, each of the undersigned agrees to the joint filing of a statement on Schedule 13D.",
                    "IN WITNESS WHEREOF, the undersigned hereby execute this Agreement as of July 6, 2020.",
                ], title: "Joint Filing Agreement")
            #expect(passages.allSatisfy { $0.clauses.isEmpty })
            suggester.add(passages: passages, of: document)
        }
        #expect(suggester.suggestions.contains { $0.name == "suggested-fact-agreement-date" })
    }

    @Test func suggestionsCountDocumentsAndLoad() throws {
        var suggester = TemplateSuggester()
        for _ in 0..<3 {
            let (document, passages) = contract(Self.paragraphs)
            suggester.add(passages: passages, of: document)
        }
        let note = contract(["A note about nothing in particular, with no parties at all."])
        suggester.add(passages: note.1, of: note.0)
        let suggestions = suggester.suggestions
        let law = try #require(suggestions.first { $0.name == "suggested-clause-governing-law" })
        #expect(law.documents == 3 && law.of == 4)
        #expect(suggestions.contains { $0.name == "suggested-fact-governing-law" })
        for suggestion in suggestions {
            let yaml = TemplateSuggester.yaml(for: suggestion)
            #expect(yaml.contains("# Applies to \(suggestion.documents) of 4 documents"))
            let template = try TemplateLoader.parse(yaml, file: suggestion.name + ".yaml")
            #expect(template.name == suggestion.name)
        }
    }
}

@Suite struct AbsentClauseTests {
    /// A table whose one category may be denied (the shipped table allows it only for categories
    /// with measured recall ≥ 0.95).
    static let table: ClauseTable = {
        let json =
            #"[{"name": "Governing Law", "topic": "the governing law", "patterns": ["governed by & laws"], "mayBeDenied": true}, {"name": "Insurance", "topic": "insurance", "patterns": ["insurance & maintain"]}]"#
        let categories = (try? JSONDecoder().decode([ClauseCategory].self, from: Data(json.utf8))) ?? []
        return ClauseTable(categories: categories)
    }()

    @Test func deniesOnlyDeniableCategoriesTheContractLacks() throws {
        let template = try TemplateLoader.parse(
            "name: absent\nfor_each: absent_clause\nuser: 'Is there {{clause.topic}}?'\nassistant: 'No.'",
            file: "t.yaml")
        let (_, passages) = contract([ClauseClassifierTests.preamble, "Supplier shall maintain insurance."])
        let classified = ClauseClassifier(table: Self.table).classify(passages, of: contract([]).0)
        let subjects = TemplateSubjects(passages: classified, facts: ContractFacts(), table: Self.table)
        let facts = DocumentFacts(document: contract([]).0, passages: classified)
        let base = TemplateContext(document: contract([]).0, passage: classified[0], facts: facts)
        let denied = subjects.of(template, passage: classified[0], definitions: [], base: base)
        #expect(denied.map(\.clause) == ["governing-law"])
        // Only once per document, and never for a passage after the first.
        var later = classified[0]
        later.index = 1
        #expect(subjects.of(template, passage: later, definitions: [], base: base).isEmpty)
        let lawful = ClauseClassifier(table: Self.table).classify(
            contract([ClauseClassifierTests.preamble, "This Agreement is governed by the laws of Ohio."]).1,
            of: contract([]).0)
        let none = TemplateSubjects(passages: lawful, facts: ContractFacts(), table: Self.table)
        #expect(none.of(template, passage: lawful[0], definitions: [], base: base).isEmpty)
    }
}

@Suite struct AttachmentClauseTests {
    /// A clause type the agreement's own sections hold is asked of them, not of an exhibit with the
    /// same words; an exhibit's clause of a type the body lacks is still asked.
    @Test func theBodysClauseWinsOverAnExhibits() throws {
        let template = try TemplateLoader.parse(
            "name: c\nfor_each: clause\nuser: 'How is {{clause.topic}} handled?'\nassistant: '{{clause.text}}'",
            file: "t.yaml")
        func passage(_ index: Int, _ path: [String], _ clauses: [PassageClause]) -> Passage {
            var passage = Passage(
                documentID: "d", index: index, sectionPath: path, label: nil, heading: nil, text: "Text.",
                tokenCount: 2, pages: [])
            passage.clauses = clauses
            return passage
        }
        let law = PassageClause(id: "governing-law", text: "This Agreement is governed by Ohio law.")
        let insurance = PassageClause(id: "insurance", text: "The Borrower shall maintain insurance.")
        let body = passage(0, ["Section 13.8 Governing Law"], [law])
        let note = passage(1, ["Exhibit C Form of Promissory Note", "Section 8"], [law, insurance])
        let subjects = TemplateSubjects(passages: [body, note], facts: ContractFacts(), table: AbsentClauseTests.table)
        let facts = DocumentFacts(document: contract([]).0, passages: [body, note])
        func clauses(of passage: Passage) -> [String?] {
            let base = TemplateContext(document: contract([]).0, passage: passage, facts: facts)
            return subjects.of(template, passage: passage, definitions: [], base: base).map(\.clause)
        }
        #expect(clauses(of: body) == ["governing-law"])
        #expect(clauses(of: note) == ["insurance"])
    }
}
