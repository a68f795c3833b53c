import Foundation

/// A Mustache text that uses only `{{a.b}}` variables and `{{#a.b}}…{{/a.b}}` / `{{^a.b}}…{{/a.b}}`
/// sections over single values, rendered straight from a context's values.
///
/// That is every shipped template and most written ones; rendering them this way skips building
/// the nested `[String: Any]` object and the dynamic casts of a general Mustache engine, which took
/// a tenth of a conversion's template time. Anything else (comments, partials, delimiters, triple
/// braces, a section tag alone on its line, whose line Mustache removes) makes ``init(_:)`` return
/// `nil`, and the text is rendered by the Mustache library. The output is the library's, as the
/// tests check on every shipped template.
struct DirectMustache: Sendable {
    indirect enum Part: Sendable {
        case text(String)
        case variable(String)
        case section(String, inverted: Bool, [Part])
    }

    let parts: [Part]
    /// Every variable name the text uses.
    let names: Set<String>

    init?(_ source: String) {
        var stack: [(name: String, inverted: Bool, parts: [Part])] = [("", false, [])]
        var names = Set<String>()
        var rest = Substring(source)
        while let open = rest.range(of: "{{") {
            if open.lowerBound > rest.startIndex {
                stack[stack.count - 1].parts.append(.text(String(rest[..<open.lowerBound])))
            }
            guard let close = rest[open.upperBound...].range(of: "}}") else { return nil }
            let tag = rest[open.upperBound..<close.lowerBound]
            guard let first = tag.first(where: { $0 != " " }) else { return nil }
            let sigil: Character? = "#^/".contains(first) ? first : nil
            let name = String(tag.drop { $0 == " " }.dropFirst(sigil == nil ? 0 : 1)).trimmingCharacters(
                in: .whitespaces)
            guard Self.isPlainName(name) else { return nil }
            if sigil != nil, Self.isStandalone(tag: open.lowerBound..<close.upperBound, in: source) { return nil }
            names.insert(name)
            switch sigil {
            case "#", "^":
                stack.append((name, sigil == "^", []))
            case "/":
                guard stack.count > 1, let section = stack.popLast(), section.name == name else { return nil }
                stack[stack.count - 1].parts.append(.section(name, inverted: section.inverted, section.parts))
            default:
                stack[stack.count - 1].parts.append(.variable(name))
            }
            rest = rest[close.upperBound...]
        }
        if !rest.isEmpty { stack[stack.count - 1].parts.append(.text(String(rest))) }
        guard stack.count == 1 else { return nil }
        parts = stack[0].parts
        self.names = names
    }

    /// Renders with `values`; an empty or missing value renders nothing and makes a section false,
    /// as in ``TemplateContext/mustacheObject``.
    func render(_ values: [String: String]) -> String {
        var output = ""
        Self.render(parts, values: values, into: &output)
        return output
    }

    private static func render(_ parts: [Part], values: [String: String], into output: inout String) {
        for part in parts {
            switch part {
            case .text(let text):
                output += text
            case .variable(let name):
                if let value = values[name] { output += value }
            case .section(let name, let inverted, let children):
                let isTrue = !(values[name] ?? "").isEmpty
                if isTrue != inverted { render(children, values: values, into: &output) }
            }
        }
    }

    /// `group.name`: letters, digits and `_` either side of one dot.
    private static func isPlainName(_ name: String) -> Bool {
        let pieces = name.split(separator: ".", omittingEmptySubsequences: false)
        return pieces.count == 2
            && pieces.allSatisfy { piece in
                !piece.isEmpty
                    && piece.unicodeScalars.allSatisfy {
                        $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_")
                    }
            }
    }

    /// Whether the line holding `tag` has nothing but tags and spaces (Mustache's "standalone" rule
    /// would then remove the whole line).
    private static func isStandalone(tag: Range<Substring.Index>, in source: String) -> Bool {
        let lineStart =
            source[..<tag.lowerBound].lastIndex(of: "\n").map { source.index(after: $0) } ?? source.startIndex
        let lineEnd = source[tag.upperBound...].firstIndex(of: "\n") ?? source.endIndex
        var line = Substring(source[lineStart..<lineEnd])
        while let open = line.range(of: "{{"), let close = line[open.upperBound...].range(of: "}}") {
            line = line[..<open.lowerBound] + line[close.upperBound...]
        }
        return line.allSatisfy { $0 == " " || $0 == "\t" || $0 == "\r" }
    }
}
