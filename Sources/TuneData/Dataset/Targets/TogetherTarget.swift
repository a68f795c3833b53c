/// Together AI fine-tuning: conversational `messages`, instruction `prompt`/`completion`, and
/// preference in OpenAI's DPO layout.
public struct TogetherTarget: OutputFormat {
    public let name = "together"
    public let title = "Together AI fine-tuning"

    public init() {}

    public var rules: TargetRules {
        TargetRules(
            shapes: [.chat, .completion, .preference],
            roles: "system, user, assistant; start with system or user, then user and assistant alternate",
            allowsSystem: true, allowsMultiTurn: true, tokenLimit: nil, minimumExamples: nil, maximumExamples: nil,
            maxFileBytes: 100 * 1_000_000_000, tokenizer: TargetRules.estimatedTokens, tokensAreExact: false,
            pricing: TrainingPrices.together,
            notes: [
                "one format per file: a file mixing two formats (for example text and messages) is rejected",
                "per-example tokens: the base model's context length (not a fixed published figure)",
                "minimum examples: not published / not found",
            ],
            upload:
                "together files upload train.jsonl; together fine-tuning create --training-file FILE_ID --model MODEL (add --training-method dpo for preference files)",
            docs: [
                "https://docs.together.ai/docs/fine-tuning/data-preparation",
                "https://docs.together.ai/docs/preference-fine-tuning",
            ])
    }

    public func line(for example: Example, shape: RecordShape) -> [UInt8] {
        switch shape {
        case .chat: return OpenAIRecordLayout.chatLine(for: example, openAIKeys: false)
        case .preference: return OpenAIRecordLayout.preferenceLine(for: example)
        case .completion:
            return OpenAIRecordLayout.plainCompletionLine(for: example)
        }
    }

    public func check(_ object: [String: Any], line: Int) -> TargetLineCheck {
        if OpenAIRecordLayout.isPreference(object) { return OpenAIRecordLayout.checkPreference(object, line: line) }
        if object["messages"] == nil && (object["prompt"] != nil || object["completion"] != nil) {
            return OpenAIRecordLayout.checkCompletion(object, line: line)
        }
        // Together states no rule about the last message; it states the start and the alternation.
        var checker = RecordChecker(line: line)
        checker.rejectUnknownKeys(object, allowed: ["messages"], in: "line")
        let messages = checker.messages(object["messages"], "messages", roles: OpenAIRecordLayout.roles) ?? []
        if checker.isClean { checker.requireOrder(messages, lastAssistant: false) }
        return checker.result(CheckedRecord(shape: .chat, messages: messages))
    }
}
