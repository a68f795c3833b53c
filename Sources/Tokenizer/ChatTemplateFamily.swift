/// A chat template family tunedata can render without running Jinja: ChatML, Llama 3, Mistral, Gemma.
///
/// A model's `tokenizer_config.json` carries its template as Jinja; rendering arbitrary Jinja is out
/// of reach, so the common families are recognised by their markers and rendered by hand, each the
/// way its reference template lays out a plain conversation (no tools, no generation prompt).
public enum ChatTemplateFamily: String, Sendable, CaseIterable {
    case chatML = "ChatML"
    case llama3 = "Llama 3"
    case mistral = "Mistral [INST]"
    case gemma = "Gemma"

    /// The text in a Jinja template that identifies the family, most specific family first.
    var marker: String {
        switch self {
        case .llama3: "<|start_header_id|>"
        case .chatML: "<|im_start|>"
        case .gemma: "<start_of_turn>"
        case .mistral: "[INST]"
        }
    }

    /// The tokens the rendering needs as single ids: each must be one of the tokenizer's added tokens.
    public var specialTokens: [String] {
        switch self {
        case .chatML: ["<|im_start|>", "<|im_end|>"]
        case .llama3: ["<|begin_of_text|>", "<|start_header_id|>", "<|end_header_id|>", "<|eot_id|>"]
        case .mistral: ["<s>", "</s>"]
        case .gemma: ["<bos>", "<start_of_turn>", "<end_of_turn>"]
        }
    }

    /// The family whose marker `template` (Jinja source) contains, or `nil`.
    public static func recognising(template: String) -> ChatTemplateFamily? {
        [.llama3, .chatML, .gemma, .mistral].first { template.contains($0.marker) }
    }

    /// The family a model name implies ("Qwen2.5-7B-Instruct" is ChatML), or `nil`.
    public static func forModel(_ name: String) -> ChatTemplateFamily? {
        let name = name.lowercased()
        if ["llama-3", "llama3", "llama-v3"].contains(where: name.contains) { return .llama3 }
        if name.contains("qwen") { return .chatML }
        if ["mistral", "mixtral", "ministral"].contains(where: name.contains) { return .mistral }
        if name.contains("gemma") { return .gemma }
        return nil
    }

    /// The conversation as the family's template renders it (roles "system", "user", "assistant").
    public func render(_ turns: [(role: String, content: String)]) -> String {
        switch self {
        case .chatML:
            return turns.map { "<|im_start|>\($0.role)\n\($0.content)<|im_end|>\n" }.joined()
        case .llama3:
            return "<|begin_of_text|>"
                + turns.map { "<|start_header_id|>\($0.role)<|end_header_id|>\n\n\($0.content)<|eot_id|>" }.joined()
        case .mistral, .gemma:
            // Neither has a system role: the system prompt opens the first user turn.
            var rest = turns.filter { $0.role != "system" }
            let system = turns.filter { $0.role == "system" }.map(\.content).joined(separator: "\n\n")
            if !system.isEmpty, let first = rest.firstIndex(where: { $0.role == "user" }) {
                rest[first].content = system + "\n\n" + rest[first].content
            }
            let opening = self == .mistral ? "<s>" : "<bos>"
            return opening + rest.map { renderTurn(role: $0.role, content: $0.content) }.joined()
        }
    }

    /// One assistant turn on its own (a preference record's rejected answer).
    public func renderAssistant(_ content: String) -> String { renderTurn(role: "assistant", content: content) }

    private func renderTurn(role: String, content: String) -> String {
        switch self {
        case .chatML: "<|im_start|>\(role)\n\(content)<|im_end|>\n"
        case .llama3: "<|start_header_id|>\(role)<|end_header_id|>\n\n\(content)<|eot_id|>"
        case .mistral: role == "assistant" ? "\(content)</s>" : "[INST] \(content) [/INST]"
        case .gemma: "<start_of_turn>\(role == "assistant" ? "model" : role)\n\(content)<end_of_turn>\n"
        }
    }
}
