/// Builds one compact JSON line in a fixed key order, with ``JSONLEncoding``'s string escaping.
///
/// Targets write their layouts with it, so every target's lines are escaped alike and keys come
/// out in the order the provider documents them.
struct JSONLineWriter {
    private(set) var bytes: [UInt8] = []

    /// Appends raw JSON punctuation or a literal.
    mutating func raw(_ text: String) { bytes.append(contentsOf: Array(text.utf8)) }

    /// Appends a quoted, escaped JSON string.
    mutating func string(_ text: String) { JSONLEncoding.appendString(text, to: &bytes) }

    /// Appends `"key":` (with a leading comma unless it is the first key of its object).
    mutating func key(_ name: String, first: Bool = false) {
        if !first { bytes.append(0x2c) }
        string(name)
        bytes.append(0x3a)
    }

    /// Appends `{"<roleKey>":role,"<contentKey>":content}`.
    mutating func message(role: String, content: String, roleKey: String = "role", contentKey: String = "content") {
        raw("{")
        key(roleKey, first: true)
        string(role)
        key(contentKey)
        string(content)
        raw("}")
    }

    /// Appends `[{"text":text}]`, the content-block list of Gemini's `parts` and Bedrock's `content`.
    mutating func textBlocks(_ text: String) {
        raw("[{")
        key("text", first: true)
        string(text)
        raw("}]")
    }

    /// Appends a JSON array of `items`, each written by `body`.
    mutating func array<T>(_ items: [T], _ body: (inout JSONLineWriter, T) -> Void) {
        raw("[")
        for (index, item) in items.enumerated() {
            if index > 0 { raw(",") }
            body(&self, item)
        }
        raw("]")
    }

    /// The finished line, with its `\n`.
    mutating func finish() -> [UInt8] {
        bytes.append(0x0a)
        return bytes
    }
}
