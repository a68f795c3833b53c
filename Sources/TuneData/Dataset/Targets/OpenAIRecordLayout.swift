/// The record layouts OpenAI defined and other providers copied: chat `{"messages":[...]}`, legacy
/// `{"prompt","completion"}`, and preference `{"input":{"messages":[...]},"preferred_output":[...],
/// "non_preferred_output":[...]}` (also Together's and Fireworks' DPO layout).
enum OpenAIRecordLayout {
    /// Roles of a conversation in these layouts.
    static let roles: [String: Message.Role] = ["system": .system, "user": .user, "assistant": .assistant]

    /// A chat line; `openAIKeys` adds the per-message `name` and `weight` only OpenAI reads.
    static func chatLine(for example: Example, openAIKeys: Bool) -> [UInt8] {
        JSONLEncoding.chatLine(for: example, openAIKeys: openAIKeys)
    }

    /// A preference line: the prompt, the preferred answer, the non-preferred one.
    static func preferenceLine(for example: Example) -> [UInt8] {
        let (prompt, answer) = example.promptAndAnswer
        var writer = JSONLineWriter()
        writer.raw("{")
        writer.key("input", first: true)
        writer.raw("{")
        writer.key("messages", first: true)
        writer.array(prompt) { $0.message(role: $1.role.rawValue, content: $1.content) }
        writer.raw("}")
        writer.key("preferred_output")
        writer.array([answer]) { $0.message(role: "assistant", content: $1) }
        writer.key("non_preferred_output")
        writer.array([example.rejected ?? ""]) { $0.message(role: "assistant", content: $1) }
        writer.raw("}")
        return writer.finish()
    }

    /// A plain `{"prompt","completion"}` line: the prompt messages joined by blank lines, the answer as is
    /// (Together's instruction data, TRL's prompt-completion).
    static func plainCompletionLine(for example: Example) -> [UInt8] {
        var writer = JSONLineWriter()
        writer.raw("{")
        writer.key("prompt", first: true)
        writer.string(example.plainPrompt)
        writer.key("completion")
        writer.string(example.promptAndAnswer.answer)
        writer.raw("}")
        return writer.finish()
    }

    /// Whether a parsed line is in the preference layout.
    static func isPreference(_ object: [String: Any]) -> Bool {
        object["input"] != nil || object["preferred_output"] != nil || object["non_preferred_output"] != nil
    }

    /// Checks a preference line: `input.messages` ending with a user turn, and one assistant message in
    /// each of `preferred_output` and `non_preferred_output`.
    static func checkPreference(_ object: [String: Any], line: Int, extraInputKeys: Set<String> = []) -> TargetLineCheck
    {
        var checker = RecordChecker(line: line)
        checker.rejectUnknownKeys(object, allowed: ["input", "preferred_output", "non_preferred_output"], in: "line")
        var prompt: [Message] = []
        if let input = object["input"] as? [String: Any] {
            checker.rejectUnknownKeys(input, allowed: ["messages", "tools", "parallel_tool_calls"], in: "input")
            prompt = checker.messages(input["messages"], "input.messages", roles: roles) ?? []
            if let last = prompt.last, last.role != .user {
                checker.warning("last_not_user", "the last input message is not the user's")
            }
        } else {
            checker.error("missing_key", object["input"] == nil ? "input is missing" : "input is not an object")
        }
        func answer(_ key: String) -> String? {
            guard let messages = checker.messages(object[key], key, roles: roles) else { return nil }
            guard messages.count == 1, messages[0].role == .assistant else {
                checker.error("invalid_output", "\(key) must hold exactly one assistant message")
                return nil
            }
            return messages[0].content
        }
        let preferred = answer("preferred_output")
        let rejected = answer("non_preferred_output")
        if let preferred, preferred == rejected {
            checker.error("same_answers", "the preferred and non-preferred answers are the same")
        }
        return checker.result(
            CheckedRecord(
                shape: .preference, messages: prompt + [Message(role: .assistant, content: preferred ?? "")],
                rejected: rejected))
    }

    /// Checks a `{"messages":[...]}` line with only `role` and `content` per message, in the order
    /// most providers require (optional system first, user first, alternating, assistant last).
    static func checkChat(_ object: [String: Any], line: Int, allowed: [String: Message.Role] = roles)
        -> TargetLineCheck
    {
        var checker = RecordChecker(line: line)
        checker.rejectUnknownKeys(object, allowed: ["messages"], in: "line")
        let messages = checker.messages(object["messages"], "messages", roles: allowed) ?? []
        if checker.isClean { checker.requireOrder(messages) }
        return checker.result(CheckedRecord(shape: .chat, messages: messages))
    }

    /// Checks a `{"prompt","completion"}` line of plain strings.
    static func checkCompletion(_ object: [String: Any], line: Int) -> TargetLineCheck {
        var checker = RecordChecker(line: line)
        checker.rejectUnknownKeys(object, allowed: ["prompt", "completion"], in: "line")
        let prompt = checker.text(object["prompt"], "prompt")
        let completion = checker.text(object["completion"], "completion")
        return checker.result(
            CheckedRecord(
                shape: .completion,
                messages: [
                    Message(role: .user, content: prompt ?? ""), Message(role: .assistant, content: completion ?? ""),
                ]))
    }
}
