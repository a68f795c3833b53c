internal import Foundation
internal import Tokenizer

/// A message as read from a JSONL line, before it is known to be one tunedata can represent.
struct ParsedMessage: Sendable, Hashable {
    var role: String
    var content: String
    var name: String?
    var weight: Int?
}

/// A line that passed the format checks.
struct ParsedExample: Sendable, Hashable {
    /// For completion lines: a user message (the prompt) and an assistant message (the completion).
    var messages: [ParsedMessage]
    var isCompletion = false
}

/// One line of a JSONL file after the checks.
struct CheckedLine: Sendable {
    var number: Int
    var findings: [ValidationFinding]
    /// Present when the line has no error.
    var example: ParsedExample?
    /// The example's billed tokens and its assistant tokens (zero without an example).
    var tokens = 0
    var assistantTokens = 0

    /// A line that fails one check and so gives no example.
    static func rejected(_ number: Int, _ kind: String, _ message: String) -> CheckedLine {
        CheckedLine(
            number: number, findings: [ValidationFinding(line: number, severity: .error, kind: kind, message: message)],
            example: nil)
    }
}

/// Reads a JSONL file line by line and applies the per-line format checks.
enum JSONLLines {
    enum Layout: String, Sendable {
        case chat, completion
    }

    /// Keys a chat message may have (the cookbook's list, plus the tool-calling keys OpenAI accepts).
    static let messageKeys: Set<String> = [
        "role", "content", "name", "function_call", "weight", "tool_calls", "tool_call_id",
    ]
    /// Roles a chat message may have (the cookbook's list, plus `tool`).
    static let roles: Set<String> = ["system", "user", "assistant", "function", "tool"]

    /// Splits `data` into lines, decides the layout from the first JSON object, and checks each line,
    /// handing each checked line to `body` in order (nothing parsed is kept, so memory stays flat on
    /// large files).
    ///
    /// - Returns: the layout and findings about the whole file (byte order mark, empty file).
    @discardableResult
    static func check(
        _ data: Data, tokens memo: TokenCountMemo, jobs: Int = 1, _ body: (CheckedLine) -> Void
    ) -> (layout: Layout, fileFindings: [ValidationFinding]) {
        let (ranges, fileFindings) = lines(of: data)
        @Sendable func content(_ range: Range<Int>) -> Data? { lineContent(data, range) }
        var layout = Layout.chat
        for entry in ranges {
            guard let slice = content(entry.range),
                let object = try? JSONSerialization.jsonObject(with: slice, options: [.fragmentsAllowed])
                    as? [String: Any]
            else { continue }
            if object["messages"] == nil, object["prompt"] != nil || object["completion"] != nil {
                layout = .completion
            }
            break
        }
        // Lines are parsed, checked and counted on `jobs` threads and reported in order.
        let lines = ranges
        let chosen = layout
        ParallelWork.forEachInOrder(count: lines.count, jobs: jobs) { position -> CheckedLine in
            let entry = lines[position]
            guard let slice = content(entry.range),
                let object = try? JSONSerialization.jsonObject(with: slice, options: [.fragmentsAllowed])
            else {
                let blank = content(entry.range) == nil
                return .rejected(entry.number, "invalid_json", blank ? "empty line" : "not valid JSON")
            }
            var checked =
                chosen == .chat
                ? checkChat(object, line: entry.number, encoding: memo.encoding)
                : checkCompletion(object, line: entry.number, encoding: memo.encoding)
            if let example = checked.example {
                (checked.tokens, checked.assistantTokens) = tokenCounts(example, memo: memo)
            }
            return checked
        } consume: { _, checked in
            body(checked)
        }
        return (layout, fileFindings)
    }

    /// The numbered byte ranges of the non-trailing lines of `data`, and findings about the whole
    /// file (byte order mark, empty file).
    static func lines(of data: Data) -> (ranges: [(number: Int, range: Range<Int>)], findings: [ValidationFinding]) {
        var fileFindings: [ValidationFinding] = []
        var ranges: [(number: Int, range: Range<Int>)] = []
        var start = data.startIndex
        var number = 1
        if data.starts(with: [0xef, 0xbb, 0xbf]) {
            start += 3
            fileFindings.append(
                ValidationFinding(
                    line: 1, severity: .warning, kind: "byte_order_mark",
                    message: "file starts with a UTF-8 byte order mark"))
        }
        if data.isEmpty {
            fileFindings.append(
                ValidationFinding(line: nil, severity: .error, kind: "empty_file", message: "file is empty"))
        }
        data.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) in
            let base = data.startIndex
            var index = start
            while index < data.endIndex {
                if bytes[index - base] == 0x0a {
                    ranges.append((number, start..<index))
                    number += 1
                    start = index + 1
                }
                index += 1
            }
        }
        if start < data.endIndex { ranges.append((number, start..<data.endIndex)) }
        // Blank lines at the very end are harmless; elsewhere they are invalid lines.
        while let last = ranges.last, lineContent(data, last.range) == nil { ranges.removeLast() }
        return (ranges, fileFindings)
    }

    /// The bytes of one line without a trailing `\r`, or `nil` when it is blank.
    static func lineContent(_ data: Data, _ range: Range<Int>) -> Data? {
        var slice = data[range]
        if slice.last == 0x0d { slice = slice.dropLast() }
        return slice.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) ? nil : slice
    }

    /// Billed tokens of a parsed example and those of its assistant text.
    static func tokenCounts(_ example: ParsedExample, memo: TokenCountMemo) -> (tokens: Int, assistant: Int) {
        if example.isCompletion {
            let completion = memo.count(example.messages.last?.content ?? "")
            return (memo.count(example.messages.first?.content ?? "") + completion, completion)
        }
        return memo.billedTokens(example.messages.map { ChatTurn(role: $0.role, content: $0.content, name: $0.name) })
    }

    private static func isBool(_ value: Any) -> Bool {
        String(describing: type(of: value)).contains("Boolean")
    }

    /// The cookbook's checks on one chat line, one finding per failing message.
    static func checkChat(_ object: Any, line: Int, encoding: BPEEncoding) -> CheckedLine {
        guard let dictionary = object as? [String: Any] else {
            return .rejected(line, "data_type", "line is not a JSON object")
        }
        guard let messages = dictionary["messages"] as? [Any], !messages.isEmpty else {
            return .rejected(
                line, "missing_messages_list",
                dictionary["messages"] == nil ? "no \"messages\" list" : "\"messages\" is not a non-empty list")
        }
        var findings: [ValidationFinding] = []
        func error(_ kind: String, _ message: String) {
            findings.append(ValidationFinding(line: line, severity: .error, kind: kind, message: message))
        }
        var parsed: [ParsedMessage] = []
        var hasAssistant = false
        for (position, element) in messages.enumerated() {
            let label = "message \(position + 1)"
            guard let message = element as? [String: Any] else {
                error("message_missing_key", "\(label) is not an object")
                continue
            }
            if message["role"] == nil || message["content"] == nil {
                let missing = ["role", "content"].filter { message[$0] == nil }.joined(separator: " and ")
                error("message_missing_key", "\(label) has no \(missing)")
            }
            let unknown = message.keys.filter { !messageKeys.contains($0) }.sorted()
            if !unknown.isEmpty {
                error(
                    "message_unrecognized_key",
                    "\(label) has unrecognised key \(unknown.map { "\"\($0)\"" }.joined(separator: ", "))")
            }
            let role = message["role"] as? String
            if let role, roles.contains(role) {
                if role == "assistant" { hasAssistant = true }
            } else {
                error(
                    "unrecognized_role", "\(label) has unrecognised role \(message["role"].map { "\($0)" } ?? "(none)")"
                )
            }
            let content = message["content"] as? String
            let hasCall = message["function_call"] != nil || message["tool_calls"] != nil
            if content == nil || (content?.isEmpty == true && !hasCall) {
                error("missing_content", "\(label) content is \(content == nil ? "not a string" : "empty")")
            }
            if let weight = message["weight"] {
                if isBool(weight) || !((weight as? Int) == 0 || (weight as? Int) == 1)
                    || (weight as? Double).map({ $0 != $0.rounded() }) == true
                {
                    error("invalid_weight", "\(label) weight must be 0 or 1")
                } else if role != "assistant" {
                    error("weight_not_on_assistant", "\(label) has a weight but only assistant messages may")
                }
            }
            if let content {
                let special = encoding.specialTokenOccurrences(in: content)
                if !special.isEmpty {
                    error("special_token", "\(label) content contains special token \(special[0])")
                }
            }
            parsed.append(
                ParsedMessage(
                    role: role ?? "", content: content ?? "", name: message["name"] as? String,
                    weight: message["weight"] as? Int))
        }
        if !hasAssistant {
            error("example_missing_assistant_message", "no assistant message")
        }
        return CheckedLine(
            number: line, findings: findings, example: findings.isEmpty ? ParsedExample(messages: parsed) : nil)
    }

    /// Checks on one legacy `{"prompt","completion"}` line.
    static func checkCompletion(_ object: Any, line: Int, encoding: BPEEncoding) -> CheckedLine {
        guard let dictionary = object as? [String: Any] else {
            return .rejected(line, "data_type", "line is not a JSON object")
        }
        if dictionary["messages"] != nil {
            return .rejected(line, "mixed_layout", "chat line in a prompt/completion file")
        }
        var findings: [ValidationFinding] = []
        func error(_ kind: String, _ message: String) {
            findings.append(ValidationFinding(line: line, severity: .error, kind: kind, message: message))
        }
        let unknown = dictionary.keys.filter { $0 != "prompt" && $0 != "completion" }.sorted()
        if !unknown.isEmpty {
            error(
                "completion_unrecognized_key", "unrecognised key \(unknown.map { "\"\($0)\"" }.joined(separator: ", "))"
            )
        }
        let prompt = dictionary["prompt"] as? String
        let completion = dictionary["completion"] as? String
        for (key, value) in [("prompt", prompt), ("completion", completion)] where value == nil {
            error("completion_missing_key", dictionary[key] == nil ? "no \"\(key)\"" : "\"\(key)\" is not a string")
        }
        if completion?.isEmpty == true {
            error("missing_content", "completion is empty")
        }
        for (key, value) in [("prompt", prompt), ("completion", completion)] {
            if let value, let token = encoding.specialTokenOccurrences(in: value).first {
                error("special_token", "\(key) contains special token \(token)")
            }
        }
        guard findings.isEmpty, let prompt, let completion else {
            return CheckedLine(number: line, findings: findings, example: nil)
        }
        return CheckedLine(
            number: line, findings: [],
            example: ParsedExample(
                messages: [
                    ParsedMessage(role: "user", content: prompt), ParsedMessage(role: "assistant", content: completion),
                ], isCompletion: true))
    }
}
