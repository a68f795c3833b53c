/// Collects the findings of one line while a target reads it, with helpers for the checks most
/// targets share (unknown keys, string fields, role order).
///
/// Finding kinds are stable snake_case codes; each target's rules name the kinds it can raise.
struct RecordChecker {
    let line: Int
    private(set) var findings: [ValidationFinding] = []

    init(line: Int) { self.line = line }

    /// Whether no error was found.
    var isClean: Bool { !findings.contains { $0.severity == .error } }

    mutating func error(_ kind: String, _ message: String) {
        findings.append(ValidationFinding(line: line, severity: .error, kind: kind, message: message))
    }

    /// A finding that does not make the line unusable.
    mutating func warning(_ kind: String, _ message: String) {
        findings.append(ValidationFinding(line: line, severity: .warning, kind: kind, message: message))
    }

    /// Reports keys of `object` outside `allowed`.
    mutating func rejectUnknownKeys(_ object: [String: Any], allowed: Set<String>, in label: String) {
        let unknown = object.keys.filter { !allowed.contains($0) }.sorted()
        if !unknown.isEmpty {
            error("unknown_key", "\(label) has unrecognised key \(unknown.map { "\"\($0)\"" }.joined(separator: ", "))")
        }
    }

    /// A required non-empty string field.
    mutating func text(_ value: Any?, _ label: String) -> String? {
        guard let value else {
            error("missing_key", "\(label) is missing")
            return nil
        }
        guard let text = value as? String else {
            error("not_a_string", "\(label) is not a string")
            return nil
        }
        if text.allSatisfy(\.isWhitespace) {
            error("missing_content", "\(label) is empty")
            return nil
        }
        return text
    }

    /// A required list of objects.
    mutating func objects(_ value: Any?, _ label: String) -> [[String: Any]]? {
        guard let list = value as? [Any], !list.isEmpty else {
            error("missing_key", value == nil ? "\(label) is missing" : "\(label) is not a non-empty list")
            return nil
        }
        let objects = list.compactMap { $0 as? [String: Any] }
        if objects.count != list.count {
            error("not_an_object", "an element of \(label) is not an object")
            return nil
        }
        return objects
    }

    /// Reads `{roleKey, contentKey}` messages, mapping the target's role names to tunedata's.
    mutating func messages(
        _ value: Any?, _ label: String, roles: [String: Message.Role], roleKey: String = "role",
        contentKey: String = "content", extraKeys: Set<String> = []
    ) -> [Message]? {
        guard let objects = objects(value, label) else { return nil }
        var messages: [Message] = []
        for (position, object) in objects.enumerated() {
            let itemLabel = "\(label) \(position + 1)"
            rejectUnknownKeys(object, allowed: Set([roleKey, contentKey]).union(extraKeys), in: itemLabel)
            let roleName = object[roleKey] as? String
            guard let roleName, let role = roles[roleName] else {
                error(
                    "invalid_role",
                    "\(itemLabel) has role \(object[roleKey].map { "\($0)" } ?? "(none)"); allowed: "
                        + roles.keys.sorted().joined(separator: ", "))
                continue
            }
            guard let content = text(object[contentKey], "\(itemLabel) \(contentKey)") else { continue }
            messages.append(Message(role: role, content: content))
        }
        return messages
    }

    /// The order rules most conversational targets state: an optional system message first, then
    /// user first, user and assistant alternating, and an assistant message last.
    mutating func requireOrder(_ messages: [Message], alternate: Bool = true, lastAssistant: Bool = true) {
        if let misplaced = messages.indices.dropFirst().first(where: { messages[$0].role == .system }) {
            error("system_not_first", "message \(misplaced + 1) is a system message; only the first may be")
        }
        let turns = messages.filter { $0.role != .system }
        if let first = turns.first, first.role != .user {
            error("first_not_user", "the first non-system message must be from the user")
        }
        if alternate,
            let repeated = turns.indices.dropFirst().first(where: { turns[$0].role == turns[$0 - 1].role })
        {
            error("not_alternating", "turn \(repeated + 1) repeats the role \(turns[repeated].role.rawValue)")
        }
        if lastAssistant, turns.last?.role != .assistant {
            error("last_not_assistant", "the last message must be from the assistant")
        }
    }

    /// The record when the line had no error.
    func result(_ record: @autoclosure () -> CheckedRecord) -> TargetLineCheck {
        TargetLineCheck(findings: findings, record: isClean ? record() : nil)
    }
}
