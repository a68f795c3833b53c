public import Foundation

/// OpenAI's fine-tuning API: chat, legacy completion (babbage-002, davinci-002) and preference (DPO).
///
/// Chat and completion files get the checks of OpenAI's data-preparation cookbook
/// (``DatasetValidator``); preference files the layout of OpenAI's DPO guide. Models are checked
/// against ``OpenAIModels``: shut-down models are refused, models shutting down are warned about.
public struct OpenAITarget: OutputFormat {
    public let name = "openai"
    public let title = "OpenAI fine-tuning API"
    public let provider = "OpenAI"

    public init() {}

    public var rules: TargetRules {
        TargetRules(
            shapes: [.chat, .completion, .preference],
            roles: "system, user, assistant (chat also tool/function turns); weight 0 or 1 on assistant messages",
            allowsSystem: true, allowsMultiTurn: true, tokenLimit: ModelLimits.fallbackTokens,
            minimumExamples: DatasetValidator.minimumExamples, maximumExamples: nil,
            maxFileBytes: DatasetValidator.maxFileBytes, tokenizer: "exact: o200k_base (cl100k_base for gpt-3.5)",
            tokensAreExact: true, pricing: TrainingPrices.openAI,
            notes: [
                "per-example tokens by model: 65,536 for gpt-4o, gpt-4o-mini and gpt-4.1; 16,384 for babbage-002 and davinci-002",
                "preference (DPO): input.messages (optional tools, parallel_tool_calls), one assistant message in each of preferred_output and non_preferred_output",
                "gpt-3.5-turbo and gpt-4.1-nano shut down in October 2026; gpt-4o, gpt-4o-mini, gpt-4.1 and gpt-4.1-mini on 2027-01-14",
            ],
            upload:
                "openai api files.create -f train.jsonl -p fine-tune; then create a job with the file id (method dpo for preference files)",
            docs: [
                "https://platform.openai.com/docs/guides/supervised-fine-tuning",
                "https://developers.openai.com/api/docs/guides/direct-preference-optimization",
                "https://cookbook.openai.com/examples/chat_finetuning_data_prep",
                OpenAIModels.deprecationsPage,
            ])
    }

    public func line(for example: Example, shape: RecordShape) -> [UInt8] {
        switch shape {
        case .chat: OpenAIRecordLayout.chatLine(for: example, openAIKeys: true)
        case .completion: JSONLEncoding.completionLine(for: example)
        case .preference: OpenAIRecordLayout.preferenceLine(for: example)
        }
    }

    public func check(_ object: [String: Any], line: Int) -> TargetLineCheck {
        if OpenAIRecordLayout.isPreference(object) {
            return OpenAIRecordLayout.checkPreference(object, line: line)
        }
        let encoding = ModelLimits.encoding(forModel: "gpt-4o")
        let isCompletion = object["messages"] == nil && (object["prompt"] != nil || object["completion"] != nil)
        let checked =
            isCompletion
            ? JSONLLines.checkCompletion(object, line: line, encoding: encoding)
            : JSONLLines.checkChat(object, line: line, encoding: encoding)
        let messages = checked.example?.messages.compactMap { parsed in
            Message.Role(rawValue: parsed.role).map { Message(role: $0, content: parsed.content, name: parsed.name) }
        }
        return TargetLineCheck(
            findings: checked.findings,
            record: messages.map { CheckedRecord(shape: isCompletion ? .completion : .chat, messages: $0) })
    }

    public func tokenLimit(forModel model: String) -> Int? { ModelLimits.tokenLimit(forModel: model) }

    public func modelFindings(_ model: String) -> [ValidationFinding] {
        OpenAIModels.finding(for: model).map { [$0] } ?? []
    }

    public func validate(data: Data, file: String, context: TargetValidationContext) -> ValidationReport {
        if Self.firstObject(in: data).map(OpenAIRecordLayout.isPreference) == true {
            return TargetValidator(target: self, context: context).validate(data: data, file: file)
        }
        var validator = DatasetValidator(model: context.model, jobs: context.jobs)
        validator.tokenCounts = context.tokenCounts
        var report = validator.validate(data: data, file: file)
        report.target = name
        return report
    }

    /// The first line of `data` that parses as a JSON object.
    static func firstObject(in data: Data) -> [String: Any]? {
        for entry in JSONLLines.lines(of: data).ranges {
            if let slice = JSONLLines.lineContent(data, entry.range),
                let object = try? JSONSerialization.jsonObject(with: slice) as? [String: Any]
            {
                return object
            }
        }
        return nil
    }
}
