internal import Foundation

/// The training prices tunedata knows, per provider, with the page and date each was read.
///
/// Only a provider's own page counts; where it was not found, the pricing says "no published price"
/// rather than take a figure from a blog. Read on 2026-12-02 (``readOn``).
public enum TrainingPrices {
    /// The date every price here was read.
    public static let readOn = "2026-12-02"
    static let openAIPage = "https://openai.com/api/pricing/"
    static let fireworksPage = "https://fireworks.ai/pricing"

    /// OpenAI: training per 1M tokens for the fine-tunable GPT-4.1 snapshots; billed tokens × epochs.
    public static let openAI = TargetPricing(
        prices: [
            TrainingPrice(
                appliesTo: "gpt-4.1-2025-04-14", isModelName: true, perMillionTokens: 25, source: openAIPage,
                readOn: readOn),
            TrainingPrice(
                appliesTo: "gpt-4.1-mini-2025-04-14", isModelName: true, perMillionTokens: 5, source: openAIPage,
                readOn: readOn),
        ],
        defaultEpochs: .openAIRule(source: "https://cookbook.openai.com/examples/chat_finetuning_data_prep"),
        billing: "tokens in the training file × epochs",
        note:
            "no published price found for gpt-4o-2024-08-06 or gpt-4o-mini-2024-07-18 (OpenAI's pricing page as read lists fine-tuning training prices for GPT-4.1 and GPT-4.1 mini only)"
    )

    /// Fireworks: one price per base-model size bracket; tunedata does not know the model's size, so all are shown.
    public static let fireworks = TargetPricing(
        prices: [
            TrainingPrice(
                appliesTo: "models up to 16B parameters", isModelName: false,
                perMillionTokens: Decimal(string: "0.50")
                    ?? 0.5, source: fireworksPage, readOn: readOn),
            TrainingPrice(
                appliesTo: "models 16.1B-80B parameters", isModelName: false, perMillionTokens: 3,
                source: fireworksPage, readOn: readOn),
            TrainingPrice(
                appliesTo: "Mixtral 8x7B", isModelName: false, perMillionTokens: 2, source: fireworksPage,
                readOn: readOn),
        ],
        defaultEpochs: .notPublished,
        billing: "tokens in the fine-tuning dataset × epochs",
        note: "the price depends on the base model's size, which tunedata does not know: one line per bracket")

    /// Together: the formula is published, the rates are on a page that was not found.
    public static let together = TargetPricing.unpublished(
        "no published price found: Together bills training tokens × epochs plus validation tokens × evaluations at a rate by model size, SFT or DPO, and LoRA or full (https://docs.together.ai/docs/fine-tuning/pricing); the rates are on together.ai/pricing, which was not found",
        defaultEpochs: .fixed(1, source: "https://docs.together.ai/reference/post-fine-tunes-estimate-price"))

    public static let azureOpenAI = TargetPricing.unpublished(
        "no published price found: Microsoft's fine-tuning cost page gives the formula (training tokens × epochs × price per token) and points to azure.microsoft.com/pricing/details/cognitive-services/openai-service, which was not found; a deployed fine-tune is also billed for hosting"
    )

    public static let mistral = TargetPricing.unpublished(
        "no published price found (Mistral's own pricing page was not found; third-party figures are not used)")

    public static let vertexGemini = TargetPricing.unpublished(
        "no published price found (Google's Vertex AI pricing page for tuning was not found)")

    public static let bedrock = TargetPricing.unpublished(
        "no published price found (https://aws.amazon.com/bedrock/pricing/ was found, but not its model-customization prices)"
    )

    public static let ownHardware = TargetPricing.unpublished(
        "trains on your own hardware: no per-token price")
}
