import Foundation
import Testing
@testable import TuneData

/// Billed tokens × epochs × published price, and "no published price" where there is none.
@Suite struct CostEstimateTests {
    @Test func openAIMultipliesTokensByEpochsByThePricePerMillion() throws {
        let cost = CostEstimate(
            pricing: TrainingPrices.openAI, model: "gpt-4.1-2025-04-14", tokensPerEpoch: 1_234_567, openAIEpochs: 3)
        #expect(cost.epochs == 3)
        #expect(cost.billedTokens == 3_703_701)
        let line = try #require(cost.lines.first)
        #expect(cost.lines.count == 1)
        #expect(line.perMillionTokens == 25)
        #expect(line.amount == Decimal(string: "92.592525"))
        #expect(line.currency == "USD")
        #expect(line.source == "https://openai.com/api/pricing/")
        #expect(cost.summary.hasPrefix("estimate:"))
        #expect(cost.summary.contains("$92.59"))
    }

    @Test(arguments: [
        ("gpt-4.1-mini-2025-04-14", Decimal(5)), ("gpt-4.1-2025-04-14", Decimal(25)),
        ("ft:gpt-4.1-mini-2025-04-14:acme::abc123", Decimal(5)),
    ])
    func theLongestMatchingModelNamePrices(_ model: String, _ price: Decimal) {
        let cost = CostEstimate(
            pricing: TrainingPrices.openAI, model: model, tokensPerEpoch: 1_000_000, openAIEpochs: 1)
        #expect(cost.lines.map(\.perMillionTokens) == [price])
        #expect(cost.lines.first?.amount == price)
    }

    @Test func epochsGivenOverrideTheProvidersDefault() {
        let cost = CostEstimate(
            pricing: TrainingPrices.openAI, model: "gpt-4.1-mini-2025-04-14", tokensPerEpoch: 200_000,
            openAIEpochs: 9, epochs: 2)
        #expect(cost.epochs == 2)
        #expect(cost.epochsFrom == "--epochs")
        #expect(cost.lines.first?.amount == 2)
    }

    @Test(arguments: ["gpt-4o-2024-08-06", "gpt-4o-mini-2024-07-18"])
    func openAIModelsWithoutAFoundPriceGetNoAmount(_ model: String) {
        let cost = CostEstimate(pricing: TrainingPrices.openAI, model: model, tokensPerEpoch: 10_000, openAIEpochs: 3)
        #expect(cost.lines.isEmpty)
        #expect(cost.summary.hasPrefix("no published price for \(model)"))
        #expect(cost.billedTokens == 30_000)
        #expect(cost.note?.contains(model) == true)
    }

    @Test(arguments: [
        "azure-openai", "together", "mistral", "vertex-gemini", "bedrock-nova", "bedrock-claude", "trl",
        "llama-factory",
    ])
    func targetsWithoutAPublishedPriceSaySo(_ name: String) throws {
        let target = try #require(TargetRegistry.target(named: name))
        #expect(target.rules.pricing.prices.isEmpty)
        let cost = CostEstimate(
            pricing: target.rules.pricing, model: "any-model", tokensPerEpoch: 5_000, openAIEpochs: 3)
        #expect(cost.lines.isEmpty)
        #expect(cost.summary.hasPrefix("no published price"))
        #expect(cost.note?.isEmpty == false)
    }

    @Test func fireworksShowsEveryBracketAtOneEpochWhenNoDefaultIsPublished() {
        let cost = CostEstimate(
            pricing: TrainingPrices.fireworks, model: "llama-v3p1-8b-instruct", tokensPerEpoch: 2_000_000,
            openAIEpochs: 3)
        #expect(cost.epochs == 1)
        #expect(cost.epochsFrom.hasPrefix("default not published"))
        #expect(cost.lines.map(\.amount) == [1, 6, 4])
    }

    @Test func togetherDefaultsToOneEpoch() {
        let cost = CostEstimate(pricing: TrainingPrices.together, model: "m", tokensPerEpoch: 7, openAIEpochs: 3)
        #expect(cost.epochs == 1)
        #expect(cost.billedTokens == 7)
    }

    @Test func everyPriceNamesItsPageAndTheDateItWasRead() {
        for target in TargetRegistry.all {
            for price in target.rules.pricing.prices {
                #expect(price.source.hasPrefix("https://"))
                #expect(price.readOn == TrainingPrices.readOn)
                #expect(price.perMillionTokens > 0)
            }
        }
        #expect(TargetRegistry.rulesVersion == TrainingPrices.readOn)
    }

    @Test(arguments: [
        (Decimal(string: "92.592525") ?? 0, "$92.59"), (Decimal(string: "0.0042") ?? 0, "$0.0042"),
        (Decimal(string: "0.00001") ?? 0, "< $0.0001"), (Decimal(0), "$0.00"),
    ])
    func moneyIsCentsOrFourDecimalsBelowACent(_ amount: Decimal, _ text: String) {
        #expect(CostEstimate.money(amount, "USD") == text)
    }
}

/// Azure's own data limits, from Microsoft Learn.
@Suite struct AzureOpenAILimitTests {
    @Test func theFileAndExampleLimitsAreAzuresWithTheirPages() {
        let rules = AzureOpenAITarget().rules
        #expect(rules.maxFileBytes == 512 * 1024 * 1024)
        #expect(rules.minimumExamples == 10)
        #expect(rules.docs.contains("https://learn.microsoft.com/en-us/azure/ai-services/openai/quotas-limits"))
        #expect(rules.notes.contains { $0.contains("2 billion tokens") })
    }

    @Test func aNineExampleFileIsRefused() {
        let target = AzureOpenAITarget()
        let data = Data((0..<9).flatMap { target.line(for: Sample.example("q\($0)", "a\($0)"), shape: .chat) })
        let report = target.validate(
            data: data, file: "f.jsonl", context: TargetValidationContext(model: "gpt-4o-mini-2024-07-18"))
        #expect(report.findings.contains { $0.kind == "too_few_examples" })
    }
}
