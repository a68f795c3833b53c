/// Google Vertex AI supervised tuning for Gemini: `systemInstruction` and `contents` of
/// `{role: user|model, parts: [{text}]}`.
public struct VertexGeminiTarget: OutputFormat {
    public let name = "vertex-gemini"
    public let title = "Google Vertex AI (Gemini supervised tuning)"

    /// Gemini's roles and tunedata's.
    static let roles: [String: Message.Role] = ["user": .user, "model": .assistant]

    public init() {}

    public var rules: TargetRules {
        TargetRules(
            shapes: [.chat],
            roles: "contents: user, model; system prompt in systemInstruction (its role is ignored)",
            allowsSystem: true, allowsMultiTurn: true, tokenLimit: 32_000, minimumExamples: nil, maximumExamples: nil,
            maxFileBytes: 1_000_000_000, tokenizer: TargetRules.estimatedTokens, tokensAreExact: false,
            pricing: TrainingPrices.vertexGemini,
            notes: [
                "32,000 input and output tokens per example (the limit stated for the Gemini 1.5 Pro tuning data; Gemini 1.5 Flash: 128,000)",
                "validation file: at most 256 examples",
                "no minimum: Google recommends starting with 100 examples",
            ],
            upload:
                "gsutil cp train.jsonl validation.jsonl gs://BUCKET/; create a supervised tuning job with training_dataset_uri gs://BUCKET/train.jsonl (and validation_dataset_uri)",
            docs: [
                "https://cloud.google.com/vertex-ai/generative-ai/docs/models/gemini-supervised-tuning-prepare",
                "https://cloud.google.com/vertex-ai/generative-ai/docs/models/gemini-supervised-tuning",
            ])
    }

    public func line(for example: Example, shape: RecordShape) -> [UInt8] {
        var writer = JSONLineWriter()
        writer.raw("{")
        var first = true
        if let system = example.systemPrompt {
            writer.key("systemInstruction", first: true)
            writer.raw("{")
            writer.key("role", first: true)
            writer.string("system")
            writer.key("parts")
            writer.textBlocks(system)
            writer.raw("}")
            first = false
        }
        writer.key("contents", first: first)
        writer.array(example.turns) { writer, message in
            writer.raw("{")
            writer.key("role", first: true)
            writer.string(message.role == .assistant ? "model" : "user")
            writer.key("parts")
            writer.textBlocks(message.content)
            writer.raw("}")
        }
        writer.raw("}")
        return writer.finish()
    }

    public func check(_ object: [String: Any], line: Int) -> TargetLineCheck {
        var checker = RecordChecker(line: line)
        checker.rejectUnknownKeys(object, allowed: ["systemInstruction", "contents"], in: "line")
        var messages: [Message] = []
        if let instruction = object["systemInstruction"] {
            if let instruction = instruction as? [String: Any] {
                checker.rejectUnknownKeys(instruction, allowed: ["role", "parts"], in: "systemInstruction")
                if let text = Self.text(of: instruction["parts"], "systemInstruction.parts", &checker) {
                    messages.append(Message(role: .system, content: text))
                }
            } else {
                checker.error("not_an_object", "systemInstruction is not an object")
            }
        }
        for (position, content) in (checker.objects(object["contents"], "contents") ?? []).enumerated() {
            let label = "contents \(position + 1)"
            checker.rejectUnknownKeys(content, allowed: ["role", "parts"], in: label)
            guard let roleName = content["role"] as? String, let role = Self.roles[roleName] else {
                checker.error(
                    "invalid_role",
                    "\(label) has role \(content["role"].map { "\($0)" } ?? "(none)"); allowed: model, user")
                continue
            }
            if let text = Self.text(of: content["parts"], "\(label) parts", &checker) {
                messages.append(Message(role: role, content: text))
            }
        }
        if checker.isClean, !messages.contains(where: { $0.role == .assistant }) {
            checker.error("missing_model_turn", "no model turn: the example has no output to learn")
        }
        return checker.result(CheckedRecord(shape: .chat, messages: messages))
    }

    /// The joined text of a `parts` list; each part must be `{"text": string}` (tunedata writes text only).
    private static func text(of value: Any?, _ label: String, _ checker: inout RecordChecker) -> String? {
        guard let parts = checker.objects(value, label) else { return nil }
        var texts: [String] = []
        for (position, part) in parts.enumerated() {
            checker.rejectUnknownKeys(part, allowed: ["text", "fileData"], in: "\(label) \(position + 1)")
            if part["fileData"] != nil { continue }
            guard let text = checker.text(part["text"], "\(label) \(position + 1) text") else { return nil }
            texts.append(text)
        }
        return texts.joined(separator: "\n")
    }
}
