import Foundation
import Testing
@testable import TuneData

@Suite struct TrainingEstimateTests {
    @Test(arguments: [(5, 20), (10, 10), (30, 4), (34, 3), (50, 3), (8_000, 3), (9_000, 2), (30_000, 1), (2, 25)])
    func epochsFollowOpenAIDefaults(examples: Int, epochs: Int) {
        #expect(TrainingEstimate(tokenCounts: Array(repeating: 10, count: examples), limit: 100).epochs == epochs)
    }

    @Test func billedTokensCapEachExampleAtTheLimit() {
        let estimate = TrainingEstimate(tokenCounts: [50, 150, 100] + Array(repeating: 10, count: 97), limit: 100)
        #expect(estimate.tokensPerEpoch == 50 + 100 + 100 + 970)
        #expect(estimate.epochs == 3)
        #expect(estimate.billedTokens == 3 * 1220)
    }

    @Test func percentilesInterpolateLinearly() {
        let summary = Summary(Array(1...21))
        #expect(summary.p5 == 2)
        #expect(summary.p95 == 20)
        #expect(summary.median == 11)
        let small = Summary([10, 20])
        #expect(small.p5 == 10.5)
        #expect(small.p95 == 19.5)
        #expect(small.mean == 15)
    }

    @Test func modelLimitsTable() {
        #expect(ModelLimits.tokenLimit(forModel: "gpt-4o-mini-2024-07-18") == 65_536)
        #expect(ModelLimits.tokenLimit(forModel: "gpt-4.1-nano-2025-04-14") == 65_536)
        #expect(ModelLimits.tokenLimit(forModel: "gpt-3.5-turbo-0125") == 16_385)
        #expect(ModelLimits.tokenLimit(forModel: "gpt-3.5-turbo-0613") == 4_096)
        #expect(ModelLimits.knownLimit(forModel: "my-model") == nil)
    }
}

@Suite struct DatasetConfigurationTests {
    @Test func missingKeysTakeDefaults() throws {
        let json = #"{"model":"gpt-4.1-mini-2025-04-14","format":"completion","maxPerTemplate":50}"#
        let configuration = try JSONDecoder().decode(DatasetConfiguration.self, from: Data(json.utf8))
        #expect(configuration.model == "gpt-4.1-mini-2025-04-14")
        #expect(configuration.format == .completion)
        #expect(configuration.maxPerTemplate == 50)
        #expect(configuration.validationFraction == 0.1)
        #expect(configuration.nearDuplicateThreshold == 0.8)
        #expect(configuration.maxFileBytes == 512 * 1024 * 1024)
        #expect(configuration.maxPerDocument == nil)
    }
}
