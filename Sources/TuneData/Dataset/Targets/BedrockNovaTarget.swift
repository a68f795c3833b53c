/// Amazon Bedrock fine-tuning of Amazon Nova: `schemaVersion` `bedrock-conversation-2024`, a `system`
/// list and `messages` whose `content` is a list of `{text}` blocks.
public struct BedrockNovaTarget: OutputFormat {
    public let name = "bedrock-nova"
    public let title = "Amazon Bedrock (Amazon Nova fine-tuning)"

    /// Words Nova reserves: a user or system prompt may not start with one.
    static let reservedPrefixes = ["User:", "Bot:", "Assistant:", "System:", "<image>", "<video>", "[EOS]"]
    static let roles: [String: Message.Role] = ["user": .user, "assistant": .assistant]

    public init() {}

    public var rules: TargetRules {
        TargetRules(
            shapes: [.chat],
            roles: "user, assistant (first user, last assistant); optional system list",
            allowsSystem: true, allowsMultiTurn: true, tokenLimit: nil, minimumExamples: nil, maximumExamples: nil,
            maxFileBytes: nil, tokenizer: TargetRules.estimatedTokens, tokensAreExact: false,
            pricing: TrainingPrices.bedrock,
            notes: [
                "a user or system prompt must not start with the reserved words User:, Bot:, Assistant:, System:, <image>, <video>, [EOS]",
                "file names: only letters, digits, underscores, hyphens, slashes and dots",
                "no published minimum: AWS recommends at least 100 samples per task; per-example and file limits: not found",
                "preference (DPO) for Nova is documented for SageMaker training jobs, not Bedrock; not written here",
            ],
            upload:
                "aws s3 cp train.jsonl s3://BUCKET/train.jsonl; aws bedrock create-model-customization-job --base-model-identifier amazon.nova-lite-v1:0:300k --training-data-config s3Uri=s3://BUCKET/train.jsonl ...",
            docs: [
                "https://docs.aws.amazon.com/nova/latest/userguide/fine-tune-prepare-data-understanding.html",
                "https://docs.aws.amazon.com/bedrock/latest/userguide/custom-model-fine-tuning.html",
            ])
    }

    public func line(for example: Example, shape: RecordShape) -> [UInt8] {
        var writer = JSONLineWriter()
        writer.raw("{")
        writer.key("schemaVersion", first: true)
        writer.string("bedrock-conversation-2024")
        if let system = example.systemPrompt {
            writer.key("system")
            writer.textBlocks(system)
        }
        writer.key("messages")
        writer.array(example.turns) { writer, message in
            writer.raw("{")
            writer.key("role", first: true)
            writer.string(message.role.rawValue)
            writer.key("content")
            writer.textBlocks(message.content)
            writer.raw("}")
        }
        writer.raw("}")
        return writer.finish()
    }

    public func refusal(for example: Example, shape: RecordShape) -> String? {
        if let reserved = example.messages.lazy.filter({ $0.role != .assistant }).compactMap(Self.reservedPrefix)
            .first
        {
            return "a prompt starts with \(reserved), which Nova reserves"
        }
        return rules.shapes.contains(shape) ? nil : "\(name) cannot hold \(shape.rawValue) records"
    }

    static func reservedPrefix(_ message: Message) -> String? {
        let text = message.content.drop { $0.isWhitespace }
        return reservedPrefixes.first { text.hasPrefix($0) }
    }

    public func check(_ object: [String: Any], line: Int) -> TargetLineCheck {
        var checker = RecordChecker(line: line)
        checker.rejectUnknownKeys(object, allowed: ["schemaVersion", "system", "messages"], in: "line")
        if let version = object["schemaVersion"], !(version is String) {
            checker.error("not_a_string", "schemaVersion is not a string")
        }
        var messages: [Message] = []
        if object["system"] != nil, let blocks = checker.objects(object["system"], "system") {
            let text = Self.text(of: blocks, "system", &checker)
            if let text { messages.append(Message(role: .system, content: text)) }
        }
        for (position, message) in (checker.objects(object["messages"], "messages") ?? []).enumerated() {
            let label = "message \(position + 1)"
            checker.rejectUnknownKeys(message, allowed: ["role", "content"], in: label)
            guard let roleName = message["role"] as? String, let role = Self.roles[roleName] else {
                checker.error(
                    "invalid_role",
                    "\(label) has role \(message["role"].map { "\($0)" } ?? "(none)"); allowed: assistant, user")
                continue
            }
            guard let blocks = checker.objects(message["content"], "\(label) content"),
                let text = Self.text(of: blocks, "\(label) content", &checker)
            else { continue }
            messages.append(Message(role: role, content: text))
        }
        if checker.isClean {
            let turns = messages.filter { $0.role != .system }
            if turns.first?.role != .user { checker.error("first_not_user", "the first message must be from the user") }
            if turns.last?.role != .assistant {
                checker.error("last_not_assistant", "the last message must be the assistant's")
            }
            for (position, message) in messages.enumerated() where message.role != .assistant {
                if let reserved = Self.reservedPrefix(message) {
                    checker.error("reserved_keyword", "message \(position) starts with the reserved word \(reserved)")
                }
            }
        }
        return checker.result(CheckedRecord(shape: .chat, messages: messages))
    }

    private static func text(of blocks: [[String: Any]], _ label: String, _ checker: inout RecordChecker) -> String? {
        var texts: [String] = []
        for (position, block) in blocks.enumerated() {
            checker.rejectUnknownKeys(
                block, allowed: ["text", "image", "video", "reasoningContent"], in: "\(label) \(position + 1)")
            if block["text"] == nil { continue }
            guard let text = checker.text(block["text"], "\(label) \(position + 1) text") else { return nil }
            texts.append(text)
        }
        return texts.joined(separator: "\n")
    }
}
