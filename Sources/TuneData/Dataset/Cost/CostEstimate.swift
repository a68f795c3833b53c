public import Foundation

/// What training on a dataset would cost at a provider's published price: billed tokens × epochs × price.
///
/// Always an estimate: the tokens are tunedata's count of the training file (exact for OpenAI's
/// models, else as the manifest's tokenizer line says), the epochs are `--epochs` or the provider's
/// default, and the provider's invoice is what counts. A target with no published price gets no
/// amount, only the note that says so.
public struct CostEstimate: Sendable, Codable, Hashable {
    /// One price applied to the billed tokens.
    public struct Line: Sendable, Codable, Hashable {
        public var appliesTo: String
        public var currency: String
        public var perMillionTokens: Decimal
        public var amount: Decimal
        public var source: String
        public var priceReadOn: String
    }

    /// Training tokens of one pass over the training file.
    public var billedTokensPerEpoch: Int
    public var epochs: Int
    /// Where ``epochs`` comes from ("--epochs", "OpenAI's default rule", "not published: one epoch shown").
    public var epochsFrom: String
    /// ``billedTokensPerEpoch`` × ``epochs``.
    public var billedTokens: Int
    /// One line per applicable price; empty when there is no published price.
    public var lines: [Line]
    /// "estimate: ..." with the amounts, or "no published price: ..." (the run summary's line).
    public var summary: String
    /// Why there is no price, or what the prices leave out.
    public var note: String?

    /// Prices `tokensPerEpoch` billed tokens for `model` at `pricing`.
    ///
    /// - Parameters:
    ///   - openAIEpochs: the epochs OpenAI's default rule gives for this dataset (``TrainingEstimate``).
    ///   - epochs: `--epochs`, which overrides the provider's default.
    public init(pricing: TargetPricing, model: String, tokensPerEpoch: Int, openAIEpochs: Int, epochs: Int? = nil) {
        let chosen: (Int, String)
        switch (epochs, pricing.defaultEpochs) {
        case (let given?, _): chosen = (given, "--epochs")
        case (nil, .openAIRule): chosen = (openAIEpochs, "the provider's default rule for this dataset size")
        case (nil, .fixed(let count, _)): chosen = (count, "the provider's default")
        case (nil, .notPublished): chosen = (1, "default not published: one epoch shown (give --epochs)")
        }
        billedTokensPerEpoch = tokensPerEpoch
        self.epochs = chosen.0
        epochsFrom = chosen.1
        billedTokens = tokensPerEpoch * chosen.0
        let billed = billedTokens
        lines = pricing.prices(forModel: model).map { price in
            Line(
                appliesTo: price.appliesTo, currency: price.currency, perMillionTokens: price.perMillionTokens,
                amount: Decimal(billed) * price.perMillionTokens / 1_000_000, source: price.source,
                priceReadOn: price.readOn)
        }
        note = pricing.note
        let tokens = "\(billedTokensPerEpoch.formatted()) tokens × \(self.epochs) epoch\(self.epochs == 1 ? "" : "s")"
        if lines.isEmpty {
            // Name the model only where the provider prices by model name (OpenAI).
            let what = pricing.prices.contains(where: \.isModelName) ? " for \(model)" : ""
            summary = "no published price\(what): \(tokens) = \(billedTokens.formatted()) billed tokens"
        } else {
            let amounts = lines.map {
                "\(Self.money($0.amount, $0.currency)) (\($0.appliesTo) at \(Self.money($0.perMillionTokens, $0.currency))/1M, read \($0.priceReadOn))"
            }
            summary = "estimate: \(tokens) × published price = " + amounts.joined(separator: "; ")
        }
    }

    /// "$7.41", "$0.0042", "< $0.0001": cents, or four decimals below a cent.
    public static func money(_ amount: Decimal, _ currency: String) -> String {
        let symbol = currency == "USD" ? "$" : "\(currency) "
        let value = NSDecimalNumber(decimal: amount).doubleValue
        if value > 0 && value < 0.0001 { return "< \(symbol)0.0001" }
        return symbol + String(format: value >= 0.01 || value == 0 ? "%.2f" : "%.4f", value)
    }
}
