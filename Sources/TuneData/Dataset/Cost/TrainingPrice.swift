public import Foundation

/// A provider's published price for fine-tuning training, as read on its own pricing page.
///
/// Prices are data, not code: each one names the page it was read on and the date, so a reader can
/// check it and `tunedata targets` can show how old it is.
public struct TrainingPrice: Sendable, Codable, Hashable {
    /// What the price applies to: a model name (matched as a prefix of `--model`) or a size bracket.
    public var appliesTo: String
    /// Whether ``appliesTo`` is a model name matched against `--model`; a bracket is listed beside the others.
    public var isModelName: Bool
    /// ISO 4217 code of the price ("USD").
    public var currency: String
    /// The price of 1,000,000 billed training tokens.
    public var perMillionTokens: Decimal
    /// The page the price was read on.
    public var source: String
    /// The date the page was read (YYYY-MM-DD).
    public var readOn: String

    public init(
        appliesTo: String, isModelName: Bool, currency: String = "USD", perMillionTokens: Decimal, source: String,
        readOn: String
    ) {
        self.appliesTo = appliesTo
        self.isModelName = isModelName
        self.currency = currency
        self.perMillionTokens = perMillionTokens
        self.source = source
        self.readOn = readOn
    }
}

/// How a target charges for training: the prices found, how epochs default, and what is not published.
public struct TargetPricing: Sendable, Hashable {
    /// How the provider picks the number of epochs when `--epochs` is not given.
    public enum DefaultEpochs: Sendable, Hashable {
        /// OpenAI's rule (3, raised for small and lowered for large datasets): ``TrainingEstimate``.
        case openAIRule(source: String)
        /// A fixed published default.
        case fixed(Int, source: String)
        /// No default was found; one epoch is shown and `--epochs` is asked for.
        case notPublished
    }

    /// The published prices; empty when the provider publishes none (or none was found).
    public var prices: [TrainingPrice]
    public var defaultEpochs: DefaultEpochs
    /// What the provider bills, in its words ("training tokens × epochs").
    public var billing: String
    /// Why there is no price, or what the prices leave out; shown beside the estimate.
    public var note: String?

    public init(prices: [TrainingPrice], defaultEpochs: DefaultEpochs, billing: String, note: String? = nil) {
        self.prices = prices
        self.defaultEpochs = defaultEpochs
        self.billing = billing
        self.note = note
    }

    /// A target without a published per-token training price.
    public static func unpublished(_ note: String, defaultEpochs: DefaultEpochs = .notPublished) -> TargetPricing {
        TargetPricing(prices: [], defaultEpochs: defaultEpochs, billing: "not published", note: note)
    }

    /// The prices that apply to `model`: the matching model name (the longest), or every bracket.
    public func prices(forModel model: String) -> [TrainingPrice] {
        var base = model
        if base.hasPrefix("ft:") { base = String(base.dropFirst(3)) }
        let named = prices.filter(\.isModelName)
        if !named.isEmpty {
            return named.filter { base.hasPrefix($0.appliesTo) }.max { $0.appliesTo.count < $1.appliesTo.count }
                .map { [$0] } ?? []
        }
        return prices
    }
}
