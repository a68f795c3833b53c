/// Every fine-tuning target tunedata can write for, in the order `tunedata targets` lists them.
///
/// To add a target: write one file with an ``OutputFormat`` value and add it to ``all``; the CLI's
/// `--target` choices, the `targets` table and the help text read this list.
public enum TargetRegistry {
    /// The rule set's version: the date the rules were last checked against the providers' pages.
    public static let rulesVersion = "2026-12-02"

    /// The default target.
    public static let defaultName = "openai"

    public static let all: [any OutputFormat] = [
        OpenAITarget(),
        AzureOpenAITarget(),
        TogetherTarget(),
        FireworksTarget(),
        MistralTarget(),
        VertexGeminiTarget(),
        BedrockNovaTarget(),
        BedrockClaudeTarget(),
        TRLTarget(),
        LLaMAFactoryTarget(),
    ]

    /// The names `--target` accepts.
    public static var names: [String] { all.map(\.name) }

    /// The target called `name`, or `nil`.
    public static func target(named name: String) -> (any OutputFormat)? {
        all.first { $0.name == name }
    }

    /// The target called `name`, or the default one when the name is unknown (old manifests).
    static func resolved(_ name: String) -> any OutputFormat {
        target(named: name) ?? OpenAITarget()
    }
}
