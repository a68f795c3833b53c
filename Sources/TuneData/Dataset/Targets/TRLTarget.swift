/// Hugging Face TRL (and Axolotl, Unsloth, which read the same files): conversational `messages`,
/// prompt-completion, and conversational preference `prompt`/`chosen`/`rejected`.
///
/// The chat shape is tunedata's former `--format messages` layout, byte for byte.
public struct TRLTarget: OutputFormat {
    public let name = "trl"
    public let title = "Hugging Face TRL / Axolotl / Unsloth (local training)"

    public init() {}

    public var rules: TargetRules {
        TargetRules(
            shapes: [.chat, .completion, .preference],
            roles: "system, user, assistant (any chat template the model's tokenizer has)",
            allowsSystem: true, allowsMultiTurn: true, tokenLimit: nil, minimumExamples: nil, maximumExamples: nil,
            maxFileBytes: nil, tokenizer: TargetRules.estimatedTokens, tokensAreExact: false,
            pricing: TrainingPrices.ownHardware,
            notes: [
                "no service limits: sequence length is the trainer's max_length setting",
                "preference: conversational with explicit prompt (DPOTrainer, RewardTrainer, ORPO, CPO)",
            ],
            upload:
                "load with datasets.load_dataset(\"json\", data_files={\"train\": \"train.jsonl\", \"validation\": \"validation.jsonl\"}) and pass to SFTTrainer (chat, completion) or DPOTrainer (preference)",
            docs: ["https://huggingface.co/docs/trl/dataset_formats"])
    }

    public func line(for example: Example, shape: RecordShape) -> [UInt8] {
        switch shape {
        case .chat:
            return OpenAIRecordLayout.chatLine(for: example, openAIKeys: false)
        case .completion:
            return OpenAIRecordLayout.plainCompletionLine(for: example)
        case .preference:
            let (prompt, answer) = example.promptAndAnswer
            var writer = JSONLineWriter()
            writer.raw("{")
            writer.key("prompt", first: true)
            writer.array(prompt) { $0.message(role: $1.role.rawValue, content: $1.content) }
            writer.key("chosen")
            writer.array([answer]) { $0.message(role: "assistant", content: $1) }
            writer.key("rejected")
            writer.array([example.rejected ?? ""]) { $0.message(role: "assistant", content: $1) }
            writer.raw("}")
            return writer.finish()
        }
    }

    public func check(_ object: [String: Any], line: Int) -> TargetLineCheck {
        var checker = RecordChecker(line: line)
        let roles = OpenAIRecordLayout.roles
        if object["chosen"] != nil || object["rejected"] != nil {
            checker.rejectUnknownKeys(object, allowed: ["prompt", "chosen", "rejected"], in: "line")
            let prompt = checker.messages(object["prompt"], "prompt", roles: roles) ?? []
            let chosen = checker.messages(object["chosen"], "chosen", roles: roles) ?? []
            let rejected = checker.messages(object["rejected"], "rejected", roles: roles) ?? []
            if checker.isClean {
                if prompt.last?.role != .user {
                    checker.warning("last_not_user", "the prompt does not end with a user turn")
                }
                for (key, answer) in [("chosen", chosen), ("rejected", rejected)]
                where answer.count != 1 || answer[0].role != .assistant {
                    checker.error("invalid_output", "\(key) must hold exactly one assistant message")
                }
            }
            return checker.result(
                CheckedRecord(shape: .preference, messages: prompt + chosen, rejected: rejected.first?.content))
        }
        if object["messages"] == nil { return OpenAIRecordLayout.checkCompletion(object, line: line) }
        checker.rejectUnknownKeys(object, allowed: ["messages"], in: "line")
        let messages = checker.messages(object["messages"], "messages", roles: roles) ?? []
        if checker.isClean, !messages.contains(where: { $0.role == .assistant }) {
            checker.error("missing_assistant", "no assistant message to learn from")
        }
        return checker.result(CheckedRecord(shape: .chat, messages: messages))
    }
}
