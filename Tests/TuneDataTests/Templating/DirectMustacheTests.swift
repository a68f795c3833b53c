import Testing
@testable import TuneData

/// The direct renderer must give what the Mustache library gives, and hand everything else to it.
@Suite struct DirectMustacheTests {
    /// Values with and without the optional ones, so every section is rendered both ways.
    private let contexts: [[String: String]] = [
        [
            "document.title": "Supply Agreement", "document.label_title": "Supply Agreement",
            "passage.label": "Section 5.2", "passage.heading": "Notice",
            "passage.text": "Notice shall be given in writing.\n\n(a) by hand;",
            "passage.breadcrumb": "Article 5 › Section 5.2 Notice",
            "passage.pages": "3–4", "passage.first_sentence": "Notice shall be given in writing.",
            "section.title": "Article 5",
            "definition.term": "Notice", "definition.text": "“Notice” means a written notice.",
        ],
        [
            "document.title": "Terms", "document.label_title": "Terms", "passage.label": "", "passage.heading": "",
            "passage.text": "Plain text.",
            "passage.breadcrumb": "", "passage.pages": "", "passage.first_sentence": "Plain text.", "section.title": "",
        ],
    ]

    private func mustache(_ source: String, _ values: [String: String]) throws -> String {
        var object: [String: [String: Any]] = [:]
        for (name, value) in values where !value.isEmpty {
            let parts = name.split(separator: ".", maxSplits: 1).map(String.init)
            object[parts[0], default: [:]][parts[1]] = value
        }
        return try MustacheTemplateBox(source).render(object)
    }

    @Test func everyShippedTextRendersDirectlyAndAsMustacheDoes() throws {
        let texts = try TemplateSet.shipped().templates.flatMap(\.allTexts)
        #expect(texts.count > 20)
        for text in texts {
            let direct = try #require(text.direct, "\(text.source)")
            for values in contexts {
                #expect(direct.render(values) == (try mustache(text.source, values)), "\(text.source)")
            }
        }
    }

    /// A piece of a split section is asked for by its own label, not under the heading of the whole.
    @Test func aPieceOfASplitSectionIsNotAskedForUnderTheWholeSectionsHeading() throws {
        let template = try #require(try TemplateSet.shipped().templates.first { $0.name == "legal-section-qa" })
        var whole = contexts[0]
        whole["passage.heading"] = "Joint Steering Committee"
        var piece = whole
        piece["passage.label"] = "Section 5.2(e)"
        piece["passage.part"] = "2 of 3"
        let asked = { (values: [String: String]) in
            try template.user.map { try #require($0.direct).render(values) }.filter { $0.contains("Committee") }
        }
        #expect(try asked(whole).count == 2)
        #expect(try asked(piece).isEmpty)
        #expect(
            template.user[2].direct?.render(piece) == "Quote Section 5.2(e) of the Supply Agreement.")
    }

    @Test func sectionsNestAndInvert() throws {
        let source =
            "Q{{#passage.label}} [{{passage.label}}{{#passage.heading}}: {{passage.heading}}{{/passage.heading}}]{{/passage.label}}{{^passage.pages}} (no pages){{/passage.pages}}."
        let direct = try #require(DirectMustache(source))
        #expect(direct.names == ["passage.label", "passage.heading", "passage.pages"])
        for values in contexts { #expect(direct.render(values) == (try mustache(source, values))) }
        #expect(direct.render(contexts[0]) == "Q [Section 5.2: Notice].")
        #expect(direct.render(contexts[1]) == "Q (no pages).")
    }

    @Test func anythingElseIsLeftToTheLibrary() {
        // A section tag alone on its line (Mustache drops the line), comments, partials, triple
        // braces, unbalanced or crossed sections, undotted names.
        for source in [
            "A\n{{#passage.heading}}\nB\n{{/passage.heading}}\n", "{{! note }}x", "{{> other}}", "{{{passage.text}}}",
            "{{#passage.label}}x", "{{#passage.label}}{{#passage.heading}}{{/passage.label}}{{/passage.heading}}",
            "{{.}}", "{{=<% %>=}}",
        ] {
            #expect(DirectMustache(source)?.names == nil, "\(source)")
        }
        #expect(DirectMustache("Text only")?.names == [])
    }

    @Test func listVariablesAreLeftToTheLibrary() throws {
        let yaml =
            "name: a\nuser: 'Who signs?{{#document.parties}} Parties are named.{{/document.parties}}'\nassistant: '{{passage.text}}'"
        let template = try TemplateLoader.parse(yaml, file: "a.yaml")
        #expect(template.user[0].direct == nil)
        #expect(template.assistant.direct != nil)
    }
}
