public import Foundation

/// Token counts of a conversation from a Hugging Face `tokenizer.json`, with its chat template when known.
///
/// The template comes from `tokenizer_config.json` beside the tokenizer (its `chat_template`,
/// recognised by family), else from the model or target name. Rendered conversations are counted
/// with the template's special tokens as single ids (the tokenizer's `added_tokens`). When no family
/// is recognised, or the tokenizer lacks the family's special tokens, the message texts alone are
/// counted and ``isExact`` is false: the counts are then an estimate (too low by the template's tokens).
public struct TemplatedTokenCounter: Sendable {
    public let tokenizer: HuggingFaceBPE
    /// The template family used, or `nil` (message texts only).
    public let family: ChatTemplateFamily?
    /// How the counts were made, for the manifest and messages.
    public let description: String

    /// Whether the counts include the chat template (and so match what the trainer sees).
    public var isExact: Bool { family != nil }

    /// Loads `url` and finds the template.
    ///
    /// - Parameters:
    ///   - model: the model name, a hint when there is no `tokenizer_config.json`.
    ///   - hint: the target's own template family, used when neither the config nor the model names one.
    /// - Throws: ``HuggingFaceTokenizerError`` when the tokenizer cannot be used.
    public init(contentsOf url: URL, model: String = "", hint: ChatTemplateFamily? = nil)
        throws(HuggingFaceTokenizerError)
    {
        let bpe = try HuggingFaceBPE(contentsOf: url)
        tokenizer = bpe
        let name = url.lastPathComponent
        var found: (family: ChatTemplateFamily, origin: String)?
        var missing = "no chat template known for it (no tokenizer_config.json, and the model name implies none)"
        if let template = Self.chatTemplate(besides: url) {
            if let family = ChatTemplateFamily.recognising(template: template) {
                found = (family, "tokenizer_config.json")
            } else {
                missing = "its tokenizer_config.json chat_template is not one tunedata renders"
            }
        } else if let family = ChatTemplateFamily.forModel(model) {
            found = (family, "the model name \(model)")
        } else if let hint {
            found = (hint, "the target")
        }
        if let candidate = found {
            let absent = candidate.family.specialTokens.filter { !bpe.addedTokens.contains($0) }
            if absent.isEmpty {
                family = candidate.family
                description =
                    "exact: \(name) with the \(candidate.family.rawValue) chat template (from \(candidate.origin))"
                return
            }
            missing =
                "\(name) lacks the \(candidate.family.rawValue) template's special tokens \(absent.joined(separator: ", "))"
        }
        family = nil
        description =
            "estimate (template not recognised: \(missing)): message texts counted with \(name), no template tokens"
    }

    /// The tokens of a conversation of (role, content) turns.
    public func count(_ turns: [(role: String, content: String)]) -> Int {
        guard let family else { return turns.reduce(0) { $0 + tokenizer.count($1.content) } }
        return tokenizer.countWithAddedTokens(family.render(turns))
    }

    /// The tokens of one assistant answer (with its turn's template tokens when there is a template).
    public func countAssistant(_ content: String) -> Int {
        guard let family else { return tokenizer.count(content) }
        return tokenizer.countWithAddedTokens(family.renderAssistant(content))
    }

    /// The `chat_template` of the `tokenizer_config.json` in `url`'s folder: a string, or the
    /// `default` entry of a list of named templates.
    static func chatTemplate(besides url: URL) -> String? {
        let config = url.deletingLastPathComponent().appendingPathComponent("tokenizer_config.json")
        guard let data = try? Data(contentsOf: config),
            let root = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
        else { return nil }
        switch root["chat_template"] {
        case let text as String: return text
        case let named as [[String: Any]]:
            let chosen = named.first { $0["name"] as? String == "default" } ?? named.first
            return chosen?["template"] as? String
        default: return nil
        }
    }
}
