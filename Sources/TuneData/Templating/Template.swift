/// One conversation pattern: how a passage becomes a system/user/assistant exchange.
///
/// Loaded from a YAML file (see ``TemplateLoader``); the texts are Mustache.
public struct Template: Sendable {
    /// Unique name, written to provenance ("legal-section-qa").
    public var name: String
    public var description: String
    /// Group used for balancing ("qa", "definition", "locate", "summary").
    public var category: String
    /// Share of eligible passages the template is applied to, 0–1 (default 1: every passage).
    ///
    /// Lets a secondary template add variety without doubling the dataset.
    public var weight: Double
    /// Variables that must be non-empty for the template to apply to a passage.
    public var requires: [String]
    /// Variables that must be empty for the template to apply (so a generic template can leave
    /// numbered sections to a legal one).
    public var unless: [String]
    /// Output formats the template is for (`chat`, `messages`, `completion`).
    public var formats: Set<String>
    /// Document kinds the template applies to (`contract`, `regulation`, `opinion`, `policy`,
    /// `other`); empty for every kind.
    public var kinds: Set<String> = []
    /// When `definition`, the template yields one example per definition found in the passage;
    /// `clause`, one per clause type of the passage; `fact`, one per contract fact stated in it;
    /// `absent_clause`, one per document for each deniable category the contract lacks.
    public var forEach: String?
    /// The clause category ids a `clause`/`absent_clause` template is about (empty: every category).
    public var clauses: [String] = []
    /// The fact names a `fact` template is about (empty: every fact).
    public var facts: [String] = []
    /// Heading phrases: when set, the template applies only to passages whose heading holds one.
    public var headings: [String] = []
    public var system: TemplateText?
    /// Alternative phrasings of the first question; one is picked per passage.
    public var user: [TemplateText]
    public var assistant: TemplateText
    /// Further question/answer turns after the first.
    public var turns: [Turn]
    /// The file it was loaded from.
    public var file: String

    /// A further exchange in a multi-turn template.
    public struct Turn: Sendable {
        public var user: TemplateText
        public var assistant: TemplateText
    }

    /// Every piece of text in the template, for checks that look at all of them.
    var allTexts: [TemplateText] {
        [system].compactMap { $0 } + user + [assistant] + turns.flatMap { [$0.user, $0.assistant] }
    }

    /// Grounded-source variables the assistant messages use (their values must be found in the document).
    var groundedVariablesInAnswers: Set<String> {
        let answers = [assistant] + turns.map(\.assistant)
        return Set(answers.flatMap(\.variables)).intersection(TemplateVariables.groundedSources)
    }
}

/// A piece of Mustache text from a template file, compiled once.
public struct TemplateText: Sendable {
    /// The text as written.
    public var source: String
    /// The line of the file it starts on.
    public var line: Int
    /// The variables it names (`passage.text`, ...).
    public var variables: Set<String>
    let compiled: MustacheTemplateBox
    /// The same text for rendering straight from the values, when it uses nothing more than
    /// single-value variables and sections (nearly always).
    let direct: DirectMustache?

    init(source: String, line: Int, variables: Set<String>, compiled: MustacheTemplateBox) {
        self.source = source
        self.line = line
        self.variables = variables
        self.compiled = compiled
        direct = DirectMustache(source).flatMap { $0.names.isDisjoint(with: TemplateVariables.lists) ? $0 : nil }
    }

    /// Renders with `context`, trimming the blank lines YAML block scalars leave at the ends.
    ///
    /// `object` (the context as Mustache's nested dictionary) is only asked for when the text needs the Mustache
    /// library.
    func render(_ context: TemplateContext, object: () -> [String: Any]) -> String {
        let rendered = direct.map { $0.render(context.values) } ?? compiled.render(object())
        return Self.withoutDoubledStop(rendered).trimmingWhitespace
    }

    /// A value ending in an abbreviation's stop ("Borealis Freight B.V.") before the template's own
    /// stop ends the sentence once: "B.V.." becomes "B.V." (an ellipsis "..." stays).
    static func withoutDoubledStop(_ text: String) -> String {
        guard text.containsBytes("..") else { return text }
        return text.replacing(/(\w)\.\.(?!\.)/) { "\($0.1)." }
    }
}
