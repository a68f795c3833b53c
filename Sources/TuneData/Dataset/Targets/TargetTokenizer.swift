internal import Foundation
internal import Tokenizer

extension OutputFormat {
    /// The chat template family the target's own models use, when the target implies one.
    var chatTemplateHint: ChatTemplateFamily? { name == MistralTarget().name ? .mistral : nil }

    /// The `--tokenizer` counter for this target and `model` (the template from the tokenizer's
    /// folder, the model name, or the target).
    func tokenCounter(file: URL, model: String) throws(HuggingFaceTokenizerError) -> TemplatedTokenCounter {
        try TemplatedTokenCounter(contentsOf: file, model: model, hint: chatTemplateHint)
    }
}

extension TemplatedTokenCounter {
    /// The tokens of `messages`, and of the last assistant answer.
    func counts(_ messages: [Message]) -> (tokens: Int, assistant: Int) {
        let answer = messages.last { $0.role == .assistant }.map { countAssistant($0.content) } ?? 0
        return (count(messages.map { ($0.role.rawValue, $0.content) }), answer)
    }
}
