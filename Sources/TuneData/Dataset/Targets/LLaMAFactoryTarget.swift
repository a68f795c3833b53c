/// LLaMA-Factory: ShareGPT conversations (chat and preference), Alpaca records (completion), and the
/// `dataset_info.json` entry that names the files.
public struct LLaMAFactoryTarget: OutputFormat {
    public let name = "llama-factory"
    public let title = "LLaMA-Factory (ShareGPT / Alpaca)"

    static let roles: [String: Message.Role] = ["human": .user, "gpt": .assistant]

    public init() {}

    public var rules: TargetRules {
        TargetRules(
            shapes: [.chat, .completion, .preference],
            roles: "conversations: human at odd positions, gpt at even positions; system prompt in the system column",
            allowsSystem: true, allowsMultiTurn: true, tokenLimit: nil, minimumExamples: nil, maximumExamples: nil,
            maxFileBytes: nil, tokenizer: TargetRules.estimatedTokens, tokensAreExact: false,
            pricing: TrainingPrices.ownHardware,
            notes: [
                "dataset_info.json is written beside the splits: copy its entries into LLaMA-Factory's data/dataset_info.json",
                "completion shape: Alpaca instruction/input/output/system; preference: ShareGPT with chosen/rejected (ranking: true)",
            ],
            upload:
                "copy the folder into LLaMA-Factory's data/ directory, merge dataset_info.json into data/dataset_info.json, then train with dataset: tunedata_train",
            docs: ["https://github.com/hiyouga/LLaMA-Factory/blob/main/data/README.md"])
    }

    public func line(for example: Example, shape: RecordShape) -> [UInt8] {
        var writer = JSONLineWriter()
        writer.raw("{")
        let (prompt, answer) = example.promptAndAnswer
        switch shape {
        case .completion:
            writer.key("instruction", first: true)
            writer.string(prompt.filter { $0.role != .system }.map(\.content).joined(separator: "\n\n"))
            writer.key("input")
            writer.string("")
            writer.key("output")
            writer.string(answer)
        case .chat, .preference:
            writer.key("conversations", first: true)
            let turns = shape == .chat ? example.turns : prompt.filter { $0.role != .system }
            writer.array(turns) {
                $0.message(
                    role: $1.role == .assistant ? "gpt" : "human", content: $1.content, roleKey: "from",
                    contentKey: "value")
            }
            if shape == .preference {
                writer.key("chosen")
                writer.message(role: "gpt", content: answer, roleKey: "from", contentKey: "value")
                writer.key("rejected")
                writer.message(role: "gpt", content: example.rejected ?? "", roleKey: "from", contentKey: "value")
            }
        }
        if let system = example.systemPrompt {
            writer.key("system")
            writer.string(system)
        }
        writer.raw("}")
        return writer.finish()
    }

    public func check(_ object: [String: Any], line: Int) -> TargetLineCheck {
        var checker = RecordChecker(line: line)
        var messages: [Message] = []
        if object["system"] != nil, let system = checker.text(object["system"], "system") {
            messages.append(Message(role: .system, content: system))
        }
        if object["conversations"] == nil {
            checker.rejectUnknownKeys(
                object, allowed: ["instruction", "input", "output", "system", "history"], in: "line")
            let instruction = checker.text(object["instruction"], "instruction")
            let output = checker.text(object["output"], "output")
            if let input = object["input"], !(input is String) {
                checker.error("not_a_string", "input is not a string")
            }
            messages += [
                Message(role: .user, content: instruction ?? ""), Message(role: .assistant, content: output ?? ""),
            ]
            return checker.result(CheckedRecord(shape: .completion, messages: messages))
        }
        let ranking = object["chosen"] != nil || object["rejected"] != nil
        checker.rejectUnknownKeys(
            object,
            allowed: ranking
                ? ["conversations", "chosen", "rejected", "system"] : ["conversations", "system", "tools"],
            in: "line")
        let turns =
            checker.messages(
                object["conversations"], "conversations", roles: Self.roles, roleKey: "from", contentKey: "value")
            ?? []
        if checker.isClean {
            for (index, turn) in turns.enumerated() where (index % 2 == 0) != (turn.role == .user) {
                checker.error(
                    "wrong_position",
                    "conversations \(index + 1) is \(turn.role == .user ? "human" : "gpt"); human turns go at odd positions, gpt at even"
                )
                break
            }
        }
        messages += turns
        if !ranking {
            if checker.isClean, turns.last?.role != .assistant {
                checker.error("last_not_assistant", "the last turn must be gpt's")
            }
            return checker.result(CheckedRecord(shape: .chat, messages: messages))
        }
        func answer(_ key: String) -> String? {
            guard let object = object[key] as? [String: Any] else {
                checker.error("missing_key", "\(key) must be a {from, value} object")
                return nil
            }
            checker.rejectUnknownKeys(object, allowed: ["from", "value"], in: key)
            if object["from"] as? String != "gpt" { checker.error("invalid_role", "\(key) must be from gpt") }
            return checker.text(object["value"], "\(key) value")
        }
        let chosen = answer("chosen")
        let rejected = answer("rejected")
        if checker.isClean, turns.last?.role != .user {
            checker.error("last_not_user", "a preference conversation must end with a human turn")
        }
        return checker.result(
            CheckedRecord(
                shape: .preference, messages: messages + [Message(role: .assistant, content: chosen ?? "")],
                rejected: rejected))
    }

    public func companionFiles(for files: [OutputFileRecord], shape: RecordShape) -> [(name: String, bytes: [UInt8])] {
        let splits = files.map(\.name).filter { $0.hasPrefix("train") || $0.hasPrefix("validation") }
        guard !splits.isEmpty else { return [] }
        let groups = Dictionary(grouping: splits) { $0.hasPrefix("train") ? "train" : "validation" }
        var writer = JSONLineWriter()
        writer.raw("{\n")
        for (index, split) in ["train", "validation"].filter({ groups[$0] != nil }).enumerated() {
            if index > 0 { writer.raw(",\n") }
            let names = (groups[split] ?? []).sorted()
            writer.raw("  ")
            writer.string("tunedata_\(split)")
            writer.raw(": {")
            writer.key("file_name", first: true)
            if names.count == 1 { writer.string(names[0]) } else { writer.array(names) { $0.string($1) } }
            if shape == .completion {
                writer.key("columns")
                writer.raw(#"{"prompt":"instruction","query":"input","response":"output","system":"system"}"#)
            } else {
                writer.key("formatting")
                writer.string("sharegpt")
                if shape == .preference {
                    writer.key("ranking")
                    writer.raw("true")
                    writer.key("columns")
                    writer.raw(
                        #"{"messages":"conversations","chosen":"chosen","rejected":"rejected","system":"system"}"#)
                } else {
                    writer.key("columns")
                    writer.raw(#"{"messages":"conversations","system":"system"}"#)
                }
            }
            writer.raw("}")
        }
        writer.raw("\n}")
        return [("dataset_info.json", writer.finish())]
    }
}
