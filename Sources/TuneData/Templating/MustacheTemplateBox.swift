import Mustache

/// Holds a compiled Mustache template, keeping the Mustache module out of the public API.
struct MustacheTemplateBox: Sendable {
    let template: MustacheTemplate

    /// Compiles `text` as plain text: the TEXT content type turns off HTML escaping, since the
    /// output is training data, not a web page.
    init(_ text: String) throws {
        template = try MustacheTemplate(string: "{{% CONTENT_TYPE: TEXT}}" + text)
    }

    func render(_ context: [String: Any]) -> String {
        template.render(context)
    }
}
