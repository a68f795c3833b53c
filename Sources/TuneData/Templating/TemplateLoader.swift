public import Foundation
import Yams

/// Reads template YAML files and checks them completely before any document is processed.
///
/// Every mistake is reported with the file and line: unknown keys, missing fields, Mustache syntax
/// errors, and variables that do not exist.
public enum TemplateLoader {
    static let knownKeys: Set<String> = [
        "name", "description", "category", "weight", "requires", "unless", "formats", "for_each", "system", "user",
        "assistant", "turns", "clauses", "facts", "headings", "kinds",
    ]
    /// The record shapes, plus `messages` (the former name of TRL's chat layout).
    static let knownFormats = Set(RecordShape.allCases.map(\.rawValue) + [DatasetConfiguration.messagesAlias])
    /// What `for_each` may name.
    static let forEachKinds: Set<String> = ["definition", "clause", "fact", "absent_clause"]

    /// Loads one template file.
    public static func load(contentsOf url: URL, displayPath: String? = nil) throws(TemplateError) -> Template {
        let file = displayPath ?? url.path
        let yaml: String
        do {
            yaml = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw TemplateError(file: file, message: "cannot read (\(error.localizedDescription))")
        }
        return try parse(yaml, file: file)
    }

    /// Parses template YAML; `file` names it in errors.
    public static func parse(_ yaml: String, file: String) throws(TemplateError) -> Template {
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch {
            throw TemplateError(
                file: file, line: yamlErrorLine(error), message: "invalid YAML (\(yamlErrorSummary(error)))")
        }
        guard let mapping = root?.mapping else {
            throw TemplateError(file: file, line: 1, message: "a template is a mapping with name, user and assistant")
        }
        for (key, _) in mapping {
            let name = key.string ?? ""
            if !knownKeys.contains(name) {
                throw TemplateError(
                    file: file, line: key.mark?.line,
                    message: "unknown key '\(name)' (known: \(knownKeys.sorted().joined(separator: ", ")))")
            }
        }
        func scalar(_ key: String) throws(TemplateError) -> (String, Node)? {
            guard let node = mapping[key] else { return nil }
            guard let value = node.scalar?.string else {
                throw TemplateError(file: file, line: node.mark?.line, message: "'\(key)' must be text")
            }
            return (value, node)
        }
        func text(_ value: String, _ node: Node, _ key: String, listContext: Set<String> = []) throws(TemplateError)
            -> TemplateText
        {
            try compile(value, node: node, key: key, file: file)
        }

        guard let (name, _) = try scalar("name"), !name.isEmpty else {
            throw TemplateError(file: file, line: 1, message: "missing 'name'")
        }
        guard name.wholeMatch(of: /[a-z0-9][a-z0-9._-]*/) != nil else {
            throw TemplateError(
                file: file, line: mapping["name"]?.mark?.line,
                message: "name '\(name)' must be lower-case letters, digits, '-', '_' or '.'")
        }
        let system = try scalar("system").map { value, node throws(TemplateError) in try text(value, node, "system") }
        guard let userNode = mapping["user"] else {
            throw TemplateError(file: file, line: 1, message: "missing 'user'")
        }
        var user: [TemplateText] = []
        if let value = userNode.scalar?.string {
            user = [try text(value, userNode, "user")]
        } else if let sequence = userNode.sequence {
            for item in sequence {
                guard let value = item.scalar?.string else {
                    throw TemplateError(file: file, line: item.mark?.line, message: "each 'user' phrasing must be text")
                }
                user.append(try text(value, item, "user"))
            }
        }
        if user.isEmpty {
            throw TemplateError(file: file, line: userNode.mark?.line, message: "'user' needs at least one phrasing")
        }
        guard let (assistantValue, assistantNode) = try scalar("assistant") else {
            throw TemplateError(file: file, line: 1, message: "missing 'assistant'")
        }
        let assistant = try text(assistantValue, assistantNode, "assistant")

        var turns: [Template.Turn] = []
        if let turnsNode = mapping["turns"] {
            guard let sequence = turnsNode.sequence else {
                throw TemplateError(
                    file: file, line: turnsNode.mark?.line, message: "'turns' must be a list of {user, assistant}")
            }
            for item in sequence {
                guard let turn = item.mapping, let u = turn["user"], let a = turn["assistant"],
                    let uText = u.scalar?.string, let aText = a.scalar?.string, turn.count == 2
                else {
                    throw TemplateError(
                        file: file, line: item.mark?.line, message: "each turn has exactly 'user' and 'assistant' text")
                }
                turns.append(
                    Template.Turn(user: try text(uText, u, "user"), assistant: try text(aText, a, "assistant")))
            }
        }

        let requires = try stringList(mapping["requires"], key: "requires", file: file)
        for variable in requires where !TemplateVariables.names.contains(variable) {
            throw TemplateError(
                file: file, line: mapping["requires"]?.mark?.line, message: "requires unknown variable '\(variable)'")
        }
        let unless = try stringList(mapping["unless"], key: "unless", file: file)
        for variable in unless where !TemplateVariables.names.contains(variable) {
            throw TemplateError(
                file: file, line: mapping["unless"]?.mark?.line, message: "unless names unknown variable '\(variable)'")
        }
        var formats = Set(try stringList(mapping["formats"], key: "formats", file: file))
        for format in formats where !knownFormats.contains(format) {
            throw TemplateError(
                file: file, line: mapping["formats"]?.mark?.line,
                message: "unknown format '\(format)' (\(knownFormats.sorted().joined(separator: ", ")))")
        }
        if formats.isEmpty { formats = ["chat", "messages"] }
        let forEach = try scalar("for_each")?.0
        if let forEach, !forEachKinds.contains(forEach) {
            throw TemplateError(
                file: file, line: mapping["for_each"]?.mark?.line,
                message: "for_each can only be \(forEachKinds.sorted().map { "'\($0)'" }.joined(separator: ", "))")
        }
        let (clauses, facts) = try subjects(mapping, forEach: forEach, file: file)
        var weight = 1.0
        if let (value, node) = try scalar("weight") {
            guard let number = Double(value), number >= 0, number <= 1 else {
                throw TemplateError(file: file, line: node.mark?.line, message: "weight must be a number from 0 to 1")
            }
            weight = number
        }
        let kinds = Set(try stringList(mapping["kinds"], key: "kinds", file: file))
        let knownKinds = Set(DocumentKind.allCases.map(\.rawValue))
        for kind in kinds where !knownKinds.contains(kind) {
            throw TemplateError(
                file: file, line: mapping["kinds"]?.mark?.line,
                message:
                    "unknown document kind '\(kind)' (\(DocumentKind.allCases.map(\.rawValue).joined(separator: ", ")))"
            )
        }
        var template = Template(
            name: name, description: try scalar("description")?.0 ?? "",
            category: try scalar("category")?.0 ?? "general",
            weight: weight, requires: requires, unless: unless, formats: formats, forEach: forEach, clauses: clauses,
            facts: facts,
            headings: try stringList(mapping["headings"], key: "headings", file: file),
            system: system,
            user: user,
            assistant: assistant, turns: turns, file: file)
        template.kinds = kinds
        if forEach == nil,
            let text = template.allTexts.first(where: { $0.variables.contains { $0.hasPrefix("definition.") } })
        {
            throw TemplateError(
                file: file, line: text.line, message: "definition.* variables need 'for_each: definition'")
        }
        try checkSubjectVariables(template, file: file)
        return template
    }

    /// The `clauses:` and `facts:` lists, checked against the clause table and the fact names.
    private static func subjects(_ mapping: Node.Mapping, forEach: String?, file: String) throws(TemplateError) -> (
        [String], [String]
    ) {
        let clauses = try stringList(mapping["clauses"], key: "clauses", file: file)
        let line = mapping["clauses"]?.mark?.line
        if !clauses.isEmpty, forEach != "clause", forEach != "absent_clause" {
            throw TemplateError(
                file: file, line: line, message: "'clauses' needs 'for_each: clause' or 'absent_clause'")
        }
        for id in clauses {
            guard let category = ClauseTable.shipped.category(id) else {
                let known = ClauseTable.shipped.categories.map(\.id).min {
                    MustacheTags.editDistance($0, id) < MustacheTags.editDistance($1, id)
                }
                throw TemplateError(
                    file: file, line: line,
                    message: "unknown clause type '\(id)'\(known.map { " (did you mean '\($0)'?)" } ?? "")")
            }
            if forEach == "absent_clause", !category.mayBeDenied {
                throw TemplateError(
                    file: file, line: line,
                    message: "'\(id)' may not be denied: its measured recall is below 0.95, so a 'no' could be wrong")
            }
        }
        let facts = try stringList(mapping["facts"], key: "facts", file: file)
        if !facts.isEmpty, forEach != "fact" {
            throw TemplateError(
                file: file, line: mapping["facts"]?.mark?.line, message: "'facts' needs 'for_each: fact'")
        }
        for name in facts where ContractFact.Name(rawValue: name) == nil {
            throw TemplateError(
                file: file, line: mapping["facts"]?.mark?.line,
                message:
                    "unknown fact '\(name)' (known: \(ContractFact.Name.allCases.map(\.rawValue).joined(separator: ", ")))"
            )
        }
        return (clauses, facts)
    }

    /// `clause.*` needs a clause subject and `fact.name`/`value`/`sentence` a fact subject.
    private static func checkSubjectVariables(_ template: Template, file: String) throws(TemplateError) {
        let needs: [(prefix: String, kinds: Set<String>, message: String)] = [
            ("clause.", ["clause", "absent_clause"], "clause.* variables need 'for_each: clause'"),
            ("fact.", ["fact"], "fact.name, fact.value, fact.sentence and fact.title need 'for_each: fact'"),
        ]
        let factSubject: Set<String> = ["fact.name", "fact.value", "fact.sentence", "fact.title"]
        let used =
            template.allTexts.flatMap { text in text.variables.map { (text, $0) } }
            + (template.requires + template.unless).map { (nil as TemplateText?, $0) }
        for (text, variable) in used {
            for need in needs where variable.hasPrefix(need.prefix) {
                if need.prefix == "fact.", !factSubject.contains(variable) { continue }
                if !need.kinds.contains(template.forEach ?? "") {
                    throw TemplateError(file: file, line: text?.line, message: need.message)
                }
            }
        }
        if template.forEach == "absent_clause",
            template.assistant.variables.contains("clause.text")
        {
            throw TemplateError(
                file: file, line: template.assistant.line, message: "an absent clause has no clause.text to quote")
        }
    }

    private static func stringList(_ node: Node?, key: String, file: String) throws(TemplateError) -> [String] {
        guard let node else { return [] }
        if let value = node.scalar?.string { return [value] }
        guard let sequence = node.sequence else {
            throw TemplateError(file: file, line: node.mark?.line, message: "'\(key)' must be a list")
        }
        var values: [String] = []
        for item in sequence {
            guard let value = item.scalar?.string else {
                throw TemplateError(file: file, line: item.mark?.line, message: "'\(key)' entries must be text")
            }
            values.append(value)
        }
        return values
    }

    /// Compiles one Mustache text after checking every tag names a known variable.
    static func compile(_ source: String, node: Node, key: String, file: String) throws(TemplateError) -> TemplateText {
        // Block scalars (| and >) start on the line after their indicator.
        let isBlock = node.scalar.map { $0.style == .literal || $0.style == .folded } ?? false
        let firstLine = (node.mark?.line ?? 1) + (isBlock ? 1 : 0)
        let variables = try MustacheTags.variables(in: source, file: file, firstLine: firstLine)
        do {
            return TemplateText(
                source: source, line: firstLine, variables: variables, compiled: try MustacheTemplateBox(source))
        } catch {
            throw TemplateError(file: file, line: firstLine, message: "Mustache syntax error in '\(key)' (\(error))")
        }
    }

    private static func yamlErrorLine(_ error: any Error) -> Int? {
        if case let YamlError.scanner(_, _, mark, _) = error { return mark.line }
        if case let YamlError.parser(_, _, mark, _) = error { return mark.line }
        return nil
    }

    private static func yamlErrorSummary(_ error: any Error) -> String {
        if case let YamlError.scanner(_, problem, _, _) = error { return problem }
        if case let YamlError.parser(_, problem, _, _) = error { return problem }
        return "\(error)"
    }
}

/// The tags of a Mustache text, read well enough to check variable names before rendering.
enum MustacheTags {
    /// The variable names used in `source`; throws on unknown names, partials and `{{.}}` outside a list.
    static func variables(in source: String, file: String, firstLine: Int) throws(TemplateError) -> Set<String> {
        var names: Set<String> = []
        var openLists: [String] = []
        for match in source.matches(of: /\{\{(\{)?\s*([#^\/&!>%]?)\s*([^}]*?)\s*\}?\}\}/) {
            let line = firstLine + source[..<match.range.lowerBound].filter { $0 == "\n" }.count
            let sigil = String(match.2)
            let name = String(match.3)
            switch sigil {
            case "!", "%": continue
            case ">": throw TemplateError(file: file, line: line, message: "partials ({{> \(name)}}) are not supported")
            case "/":
                if openLists.last == name { openLists.removeLast() }
                continue
            default: break
            }
            if name == "." {
                guard !openLists.isEmpty else {
                    throw TemplateError(
                        file: file, line: line,
                        message: "{{.}} is only meaningful inside a list section such as {{#document.parties}}")
                }
                continue
            }
            guard TemplateVariables.names.contains(name) else {
                let suggestion = TemplateVariables.names.min { editDistance($0, name) < editDistance($1, name) }
                let hint = suggestion.map { " (did you mean '\($0)'?)" } ?? ""
                throw TemplateError(file: file, line: line, message: "unknown variable '\(name)'\(hint)")
            }
            names.insert(name)
            if sigil == "#" || sigil == "^" {
                openLists.append(name)
            }
        }
        return names
    }

    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        var previous = Array(0...b.count)
        for (i, left) in a.enumerated() {
            var current = [i + 1] + Array(repeating: 0, count: b.count)
            for (j, right) in b.enumerated() {
                current[j + 1] = min(previous[j + 1] + 1, current[j] + 1, previous[j] + (left == right ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}
