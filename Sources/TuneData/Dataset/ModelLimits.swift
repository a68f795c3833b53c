internal import Tokenizer

/// Per-example token limits of OpenAI's fine-tunable models.
///
/// An example longer than its model's limit is truncated (or rejected) by the service, so the Dataset
/// stage drops such examples and `tunedata validate` reports them.
public enum ModelLimits {
    /// The model a dataset is made, validated and counted for when none is named: the
    /// tokenizer's default (``ModelEncodings/defaultModel``), so both modules name one model.
    public static let defaultModel = ModelEncodings.defaultModel

    /// Model name prefixes and their per-example token limit, most specific first.
    public static let table: [(prefix: String, tokens: Int)] = [
        ("gpt-3.5-turbo-0613", 4_096),
        ("gpt-3.5-turbo-1106", 16_385),
        ("gpt-3.5-turbo-0125", 16_385),
        ("gpt-3.5-turbo", 16_385),
        ("babbage-002", 16_384),
        ("davinci-002", 16_384),
        ("gpt-4o-mini-2024-07-18", 65_536),
        ("gpt-4o-2024-08-06", 65_536),
        ("gpt-4o", 65_536),
        ("gpt-4.1", 65_536),
    ]

    /// The limit used for a model the table does not know.
    public static let fallbackTokens = 65_536

    /// The per-example token limit of `model`, or `nil` when the model is not in the table.
    public static func knownLimit(forModel model: String) -> Int? {
        table.first { model.hasPrefix($0.prefix) }?.tokens
    }

    /// The per-example token limit of `model`, ``fallbackTokens`` when unknown.
    public static func tokenLimit(forModel model: String) -> Int {
        knownLimit(forModel: model) ?? fallbackTokens
    }

    /// The tokenizer OpenAI uses for `model`.
    static func encoding(forModel model: String) -> BPEEncoding {
        BPEEncoding.shared(ModelEncodings.encoding(forModel: model) ?? .o200kBase)
    }
}

/// OpenAI's default epoch choice and the tokens a fine-tuning job is billed for.
///
/// The rules of OpenAI's chat data-preparation cookbook: aim at 3 epochs, but raise epochs so that
/// small datasets see at least 100 examples (at most 25 epochs) and lower them so that large ones see
/// at most 25,000 (at least 1 epoch). Billed tokens are each example's tokens, capped at the model's
/// limit, summed, times the epochs.
public struct TrainingEstimate: Sendable, Codable, Hashable {
    public var examples: Int
    public var epochs: Int
    /// Tokens of one pass over the data (each example capped at the limit).
    public var tokensPerEpoch: Int
    public var billedTokens: Int

    public static let targetEpochs = 3
    public static let minTargetExamples = 100
    public static let maxTargetExamples = 25_000
    public static let minDefaultEpochs = 1
    public static let maxDefaultEpochs = 25

    /// The estimate for examples of the given token counts under a per-example limit.
    public init(tokenCounts: [Int], limit: Int) {
        let n = tokenCounts.count
        var epochs = Self.targetEpochs
        if n > 0 {
            if n * Self.targetEpochs < Self.minTargetExamples {
                epochs = min(Self.maxDefaultEpochs, (Self.minTargetExamples + n - 1) / n)
            } else if n * Self.targetEpochs > Self.maxTargetExamples {
                epochs = max(Self.minDefaultEpochs, Self.maxTargetExamples / n)
            }
        }
        examples = n
        self.epochs = epochs
        tokensPerEpoch = tokenCounts.reduce(0) { $0 + min($1, limit) }
        billedTokens = tokensPerEpoch * epochs
    }
}
