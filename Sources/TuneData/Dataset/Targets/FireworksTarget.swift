/// Fireworks AI fine-tuning: supervised `messages` (OpenAI-compatible) and DPO in OpenAI's layout.
public struct FireworksTarget: OutputFormat {
    public let name = "fireworks"
    public let title = "Fireworks AI fine-tuning (SFT, DPO)"

    public init() {}

    public var rules: TargetRules {
        TargetRules(
            shapes: [.chat, .preference],
            roles: "system (optional, first only), user, assistant",
            allowsSystem: true, allowsMultiTurn: true, tokenLimit: nil, minimumExamples: 3, maximumExamples: 3_000_000,
            maxFileBytes: nil, tokenizer: TargetRules.estimatedTokens, tokensAreExact: false,
            pricing: TrainingPrices.fireworks,
            notes: [
                "per-example tokens: the base model's max context length (listed per model on Fireworks' managed fine-tuning page)",
                "file size limit: not published / not found",
            ],
            upload:
                "firectl create dataset DATASET_ID train.jsonl; firectl create sftj --base-model MODEL --dataset DATASET_ID (DPO: create a DPO job on the preference dataset)",
            docs: [
                "https://docs.fireworks.ai/fine-tuning/fine-tuning-models",
                "https://docs.fireworks.ai/fine-tuning/dpo-fine-tuning",
            ])
    }

    public func line(for example: Example, shape: RecordShape) -> [UInt8] {
        shape == .preference
            ? OpenAIRecordLayout.preferenceLine(for: example)
            : OpenAIRecordLayout.chatLine(for: example, openAIKeys: false)
    }

    public func check(_ object: [String: Any], line: Int) -> TargetLineCheck {
        if OpenAIRecordLayout.isPreference(object) { return OpenAIRecordLayout.checkPreference(object, line: line) }
        var checker = RecordChecker(line: line)
        checker.rejectUnknownKeys(object, allowed: ["messages"], in: "line")
        let messages = checker.messages(object["messages"], "messages", roles: OpenAIRecordLayout.roles) ?? []
        if checker.isClean {
            if let misplaced = messages.indices.dropFirst().first(where: { messages[$0].role == .system }) {
                checker.error("system_not_first", "message \(misplaced + 1) is a system message; only the first may be")
            }
            if !messages.contains(where: { $0.role == .assistant }) {
                checker.error("missing_assistant", "no assistant message to learn from")
            }
        }
        return checker.result(CheckedRecord(shape: .chat, messages: messages))
    }
}
