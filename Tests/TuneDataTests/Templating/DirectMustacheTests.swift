import Testing
@testable import TuneData

/// The direct renderer must give what the Mustache library gives, and hand everything else to it.
@Suite struct DirectMustacheTests {
    /// Values with and without the optional ones, so every section is rendered both ways.
    private let contexts: [[String: String]] = [
        [
            "document.title": "Supply Agreement", "passage.label": "Section 5.2", "passage.heading": "Notice",
            "passage.text": "Notice shall be given in writing.\n\n(a) by hand;",
            "passage.breadcrumb": "Article 5 › Section 5.2 Notice",
            "passage.pages": "3–4", "passage.first_sentence": "Notice shall be given in writing.",
            "section.title": "Article 5",
            "definition.term": "Notice", "definition.text": "“Notice” means a written notice.",
        ],
        [
            "document.title": "Terms", "passage.label": "", "passage.heading": "", "passage.text": "Plain text.",
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
