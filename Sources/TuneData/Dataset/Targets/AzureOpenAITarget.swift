public import Foundation

/// Azure OpenAI fine-tuning: OpenAI's layouts (chat, completion, preference) and cookbook checks, with
/// Azure's model names (`gpt-35-turbo-0125`, `gpt-4o-mini-2024-07-18`...) and its own upload route.
///
/// OpenAI's shutdown dates are OpenAI's platform's; Azure retires models on its own schedule, which
/// tunedata does not track, so no model is refused here.
public struct AzureOpenAITarget: OutputFormat {
    public let name = "azure-openai"
    public let title = "Azure OpenAI fine-tuning"
    private let openAI = OpenAITarget()
    /// "The file must be less than 512 MB in size" (Azure's fine-tuning how-to).
    static let maxFileBytes = 512 * 1024 * 1024
    /// "Fine tuning jobs will not proceed without at least 10 training examples" (the same page).
    static let minimumExamples = 10
    /// Azure OpenAI quotas and limits: files per resource, tokens and hours per job.
    static let quotasPage = "https://learn.microsoft.com/en-us/azure/ai-services/openai/quotas-limits"

    public init() {}

    public var rules: TargetRules {
        var rules = openAI.rules
        // Azure's own figures (Microsoft Learn), which happen to equal OpenAI's: < 512 MB, at least 10 examples.
        rules.maxFileBytes = Self.maxFileBytes
        rules.minimumExamples = Self.minimumExamples
        rules.pricing = TrainingPrices.azureOpenAI
        rules.notes = [
            "models named on the page: babbage-002, davinci-002, gpt-35-turbo (0613, 1106, 0125), gpt-4 (0613), gpt-4o (2024-08-06), gpt-4o-mini (2024-07-18)",
            "Azure's retirement dates are not tracked by tunedata (see the page)",
            "file size and minimum examples are Azure's: files must be less than 512 MB; jobs do not proceed without at least 10 training examples",
            "Azure asks for UTF-8 with a byte-order mark; tunedata writes UTF-8 without one (not checked)",
            "per resource (quotas page, not checked): 50 fine-tuning files, 1 GB of them in total; a job at most 2 billion tokens (training tokens × epochs) and 720 hours; 100 jobs, 1 running at a time",
            "per-example tokens: Azure's figure was not found; tunedata applies OpenAI's by model",
        ]
        rules.upload =
            "az / Azure AI Foundry: upload train.jsonl and validation.jsonl as fine-tune files (purpose fine-tune), then create a fine-tuning job on your resource"
        rules.notes.append(
            "preference: Azure's page allows at least one assistant (or tool) message per output; tunedata writes and checks exactly one"
        )
        rules.docs = [
            "https://learn.microsoft.com/en-us/azure/ai-services/openai/how-to/fine-tuning",
            "https://learn.microsoft.com/en-us/azure/ai-services/openai/how-to/fine-tuning-direct-preference-optimization",
            Self.quotasPage,
        ]
        return rules
    }

    public func line(for example: Example, shape: RecordShape) -> [UInt8] { openAI.line(for: example, shape: shape) }

    public func check(_ object: [String: Any], line: Int) -> TargetLineCheck { openAI.check(object, line: line) }

    public func tokenLimit(forModel model: String) -> Int? { openAI.tokenLimit(forModel: model) }

    public func validate(data: Data, file: String, context: TargetValidationContext) -> ValidationReport {
        if OpenAITarget.firstObject(in: data).map(OpenAIRecordLayout.isPreference) == true {
            return TargetValidator(target: self, context: context).validate(data: data, file: file)
        }
        var validator = DatasetValidator(model: context.model, jobs: context.jobs)
        validator.tokenCounts = context.tokenCounts
        validator.checksModelLifecycle = false
        var report = validator.validate(data: data, file: file)
        report.target = name
        return report
    }
}
