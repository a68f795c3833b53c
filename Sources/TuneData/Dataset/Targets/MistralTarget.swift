/// Mistral AI fine-tuning API ("Default Instruct"): `messages` of user, assistant and system turns.
public struct MistralTarget: OutputFormat {
    public let name = "mistral"
    public let title = "Mistral AI fine-tuning API"

    public init() {}

    public var rules: TargetRules {
        TargetRules(
            shapes: [.chat],
            roles: "user, assistant, system (loss only on assistant messages)",
            allowsSystem: true, allowsMultiTurn: true, tokenLimit: nil, minimumExamples: nil, maximumExamples: nil,
            maxFileBytes: nil, tokenizer: TargetRules.estimatedTokens, tokensAreExact: false,
            pricing: TrainingPrices.mistral,
            notes: [
                "Mistral marks its fine-tuning API page as deprecated (no longer actively supported)",
                "per-example tokens, minimum examples, file size: not published / not found",
                "preference data: not offered",
            ],
            upload:
                "curl https://api.mistral.ai/v1/files -H \"Authorization: Bearer $MISTRAL_API_KEY\" -F purpose=fine-tune -F file=@train.jsonl; then POST /v1/fine_tuning/jobs with the file ids",
            docs: [
                "https://docs.mistral.ai/capabilities/finetuning/text_finetuning",
                "https://docs.mistral.ai/resources/deprecated/finetuning/text-vision-finetuning",
            ])
    }

    public func line(for example: Example, shape: RecordShape) -> [UInt8] {
        OpenAIRecordLayout.chatLine(for: example, openAIKeys: false)
    }

    public func check(_ object: [String: Any], line: Int) -> TargetLineCheck {
        var checker = RecordChecker(line: line)
        checker.rejectUnknownKeys(object, allowed: ["messages"], in: "line")
        let messages = checker.messages(object["messages"], "messages", roles: OpenAIRecordLayout.roles) ?? []
        if checker.isClean, !messages.contains(where: { $0.role == .assistant }) {
            checker.error("missing_assistant", "no assistant message (the loss is computed on assistant messages only)")
        }
        return checker.result(CheckedRecord(shape: .chat, messages: messages))
    }
}
