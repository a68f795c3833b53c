/// Amazon Bedrock fine-tuning of Anthropic's Claude 3 Haiku: `{"system": "...", "messages": [...]}`.
public struct BedrockClaudeTarget: OutputFormat {
    public let name = "bedrock-claude"
    public let title = "Amazon Bedrock (Claude 3 Haiku fine-tuning)"

    static let roles: [String: Message.Role] = ["user": .user, "assistant": .assistant]

    public init() {}

    public var rules: TargetRules {
        TargetRules(
            shapes: [.chat],
            roles: "optional system string; messages of user and assistant, alternating, first user, last assistant",
            allowsSystem: true, allowsMultiTurn: true, tokenLimit: nil, minimumExamples: nil, maximumExamples: nil,
            maxFileBytes: nil, tokenizer: TargetRules.estimatedTokens, tokensAreExact: false,
            pricing: TrainingPrices.bedrock,
            notes: [
                "at least two messages; no keys other than system and messages",
                "model id anthropic.claude-3-haiku-20240307-v1:0:200k, us-west-2",
                "per-example tokens, record counts, file size: not found in the pages read",
            ],
            upload:
                "aws s3 cp train.jsonl s3://BUCKET/; aws bedrock create-model-customization-job --customization-type FINE_TUNING --base-model-identifier anthropic.claude-3-haiku-20240307-v1:0:200k --training-data-config s3Uri=s3://BUCKET/train.jsonl ...",
            docs: [
                "https://platform.claude.com/cookbook/finetuning-finetuning-on-bedrock",
                "https://docs.aws.amazon.com/bedrock/latest/userguide/custom-model-fine-tuning.html",
            ])
    }

    public func line(for example: Example, shape: RecordShape) -> [UInt8] {
        var writer = JSONLineWriter()
        writer.raw("{")
        var first = true
        if let system = example.systemPrompt {
            writer.key("system", first: true)
            writer.string(system)
            first = false
        }
        writer.key("messages", first: first)
        writer.array(example.turns) { $0.message(role: $1.role.rawValue, content: $1.content) }
        writer.raw("}")
        return writer.finish()
    }

    public func check(_ object: [String: Any], line: Int) -> TargetLineCheck {
        var checker = RecordChecker(line: line)
        checker.rejectUnknownKeys(object, allowed: ["system", "messages"], in: "line")
        var messages: [Message] = []
        if object["system"] != nil, let system = checker.text(object["system"], "system") {
            messages.append(Message(role: .system, content: system))
        }
        let turns = checker.messages(object["messages"], "messages", roles: Self.roles) ?? []
        messages += turns
        if checker.isClean {
            if turns.count < 2 { checker.error("too_few_messages", "at least two messages are required") }
            checker.requireOrder(turns)
        }
        return checker.result(CheckedRecord(shape: .chat, messages: messages))
    }
}
