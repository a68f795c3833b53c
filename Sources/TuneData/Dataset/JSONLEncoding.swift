/// Writes dataset lines as compact JSON with a fixed key order.
///
/// Strings are escaped minimally: `"` `\` and control characters only; `/` and non-ASCII characters
/// are written as they are (UTF-8), which is what OpenAI's examples and Python's
/// `json.dumps(ensure_ascii=False)` produce.
enum JSONLEncoding {
    /// The separator that ends every legacy completion prompt.
    static let promptSeparator = "\n\n###\n\n"
    /// The stop sequence that ends every legacy completion.
    static let completionStop = " END"

    /// Appends `text` as a quoted JSON string.
    static func appendString(_ text: String, to buffer: inout [UInt8]) {
        buffer.append(0x22)
        let hex: [UInt8] = Array("0123456789abcdef".utf8)
        for byte in text.utf8 {
            switch byte {
            case 0x22: buffer.append(0x5c); buffer.append(0x22)
            case 0x5c: buffer.append(0x5c); buffer.append(0x5c)
            case 0x0a: buffer.append(0x5c); buffer.append(0x6e)
            case 0x0d: buffer.append(0x5c); buffer.append(0x72)
            case 0x09: buffer.append(0x5c); buffer.append(0x74)
            case 0x08: buffer.append(0x5c); buffer.append(0x62)
            case 0x0c: buffer.append(0x5c); buffer.append(0x66)
            case 0..<0x20:
                buffer.append(contentsOf: [0x5c, 0x75, 0x30, 0x30, hex[Int(byte >> 4)], hex[Int(byte & 0xf)]])
            default: buffer.append(byte)
            }
        }
        buffer.append(0x22)
    }

    /// One example as an OpenAI-style chat line (with its `\n`): `{"messages":[...]}`.
    ///
    /// With `openAIKeys` each message also carries its `name` and `weight` (OpenAI's chat format);
    /// without, only `role` and `content` (the `messages` layout open-source trainers read).
    static func chatLine(for example: Example, openAIKeys: Bool) -> [UInt8] {
        var buffer: [UInt8] = []
        buffer.reserveCapacity(example.messages.reduce(64) { $0 + $1.content.utf8.count + 32 })
        buffer.append(contentsOf: Array(#"{"messages":["#.utf8))
        for (index, message) in example.messages.enumerated() {
            if index > 0 { buffer.append(0x2c) }
            buffer.append(contentsOf: Array(#"{"role":"#.utf8))
            appendString(message.role.rawValue, to: &buffer)
            buffer.append(contentsOf: Array(#","content":"#.utf8))
            appendString(message.content, to: &buffer)
            if openAIKeys {
                if let name = message.name {
                    buffer.append(contentsOf: Array(#","name":"#.utf8))
                    appendString(name, to: &buffer)
                }
                if let weight = message.weight {
                    buffer.append(contentsOf: Array(#","weight":\#(weight)"#.utf8))
                }
            }
            buffer.append(0x7d)
        }
        buffer.append(contentsOf: Array("]}".utf8))
        buffer.append(0x0a)
        return buffer
    }

    /// One example as a legacy `{"prompt","completion"}` line (with its `\n`), see ``completionPair(for:)``.
    static func completionLine(for example: Example) -> [UInt8] {
        let pair = completionPair(for: example)
        var buffer: [UInt8] = Array(#"{"prompt":"#.utf8)
        appendString(pair.prompt, to: &buffer)
        buffer.append(contentsOf: Array(#","completion":"#.utf8))
        appendString(pair.completion, to: &buffer)
        buffer.append(contentsOf: Array("}\n".utf8))
        return buffer
    }

    /// The legacy prompt/completion pair of a conversation.
    ///
    /// The prompt is every message before the last assistant message, contents joined by blank lines,
    /// ending with ``promptSeparator``; the completion is the last assistant message with a leading
    /// space and ``completionStop`` at the end (as OpenAI's legacy data-preparation tool required).
    static func completionPair(for example: Example) -> (prompt: String, completion: String) {
        let lastAssistant = example.messages.lastIndex { $0.role == .assistant } ?? example.messages.endIndex
        let prompt = example.messages[..<lastAssistant].map(\.content).joined(separator: "\n\n")
        let answer = lastAssistant < example.messages.endIndex ? example.messages[lastAssistant].content : ""
        return (prompt + promptSeparator, " " + answer + completionStop)
    }

    /// One provenance line (with its `\n`).
    static func provenanceLine(for example: Example, split: String, file: String?, line: Int) -> [UInt8] {
        provenanceLine(for: example.provenance, split: split, file: file, line: line, category: example.category)
    }

    /// The provenance.jsonl line for one example, from its provenance (and category, when it has one).
    ///
    /// `passage` and `category` let a reader (the report page) match the references of `dropped.jsonl`
    /// and filter by category without the examples' source files.
    static func provenanceLine(
        for p: Provenance, split: String, file: String?, line: Int, category: String? = nil
    ) -> [UInt8] {
        var buffer: [UInt8] = Array(#"{"split":"#.utf8)
        appendString(split, to: &buffer)
        if let file {
            buffer.append(contentsOf: Array(#","file":"#.utf8))
            appendString(file, to: &buffer)
        }
        buffer.append(contentsOf: Array(#","line":\#(line),"source":"#.utf8))
        appendString(p.source, to: &buffer)
        buffer.append(contentsOf: Array(#","document":"#.utf8))
        appendString(p.documentID, to: &buffer)
        buffer.append(
            contentsOf: Array(#","pages":[\#(p.pages.map(String.init).joined(separator: ","))],"section":"#.utf8))
        if let section = p.section {
            appendString(section, to: &buffer)
        } else {
            buffer.append(contentsOf: Array("null".utf8))
        }
        buffer.append(contentsOf: Array(#","template":"#.utf8))
        appendString(p.template, to: &buffer)
        buffer.append(contentsOf: Array(#","variant":\#(p.variant),"passage":\#(p.passageIndex)"#.utf8))
        if let category {
            buffer.append(contentsOf: Array(#","category":"#.utf8))
            appendString(category, to: &buffer)
        }
        if let url = p.url {
            buffer.append(contentsOf: Array(#","url":"#.utf8))
            appendString(url, to: &buffer)
        }
        if let clause = p.clause {
            buffer.append(contentsOf: Array(#","clause":"#.utf8))
            appendString(clause, to: &buffer)
        }
        if let fact = p.fact {
            buffer.append(contentsOf: Array(#","fact":"#.utf8))
            appendString(fact, to: &buffer)
        }
        if p.ocr == true {
            buffer.append(contentsOf: Array(#","ocr":true"#.utf8))
            if let confidence = p.ocrConfidence {
                buffer.append(contentsOf: Array(#","ocr_confidence":\#(confidence)"#.utf8))
            }
        }
        buffer.append(UInt8(ascii: "}"))
        buffer.append(0x0a)
        return buffer
    }
}
