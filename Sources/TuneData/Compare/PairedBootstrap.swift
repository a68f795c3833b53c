/// A paired bootstrap interval of the mean difference between two models' per-question scores.
///
/// Questions are resampled with replacement, keeping each question's pair of scores together, so the
/// interval reflects how much the difference depends on which questions were asked.
public struct PairedBootstrap: Sendable, Codable, Equatable {
    /// The mean of `tuned - base` over the questions.
    public var meanDifference: Double
    /// The 2.5th and 97.5th percentiles of the resampled mean differences.
    public var low: Double
    public var high: Double
    public var resamples: Int

    enum CodingKeys: String, CodingKey {
        case meanDifference = "mean_difference"
        case low, high, resamples
    }

    /// Enough resamples for the 2.5th percentile to move by less than a hundredth between seeds.
    public static let defaultResamples = 2000
    /// Fixed so the same answers give the same interval.
    public static let defaultSeed: UInt64 = 19

    /// The interval for paired scores; `base` and `tuned` have one score per question, in order.
    public init(base: [Double], tuned: [Double], resamples: Int = defaultResamples, seed: UInt64 = defaultSeed) {
        let differences = zip(tuned, base).map { $0 - $1 }
        self.resamples = resamples
        guard !differences.isEmpty else {
            meanDifference = 0
            low = 0
            high = 0
            return
        }
        let count = differences.count
        meanDifference = differences.reduce(0, +) / Double(count)
        var generator = SplitMix64(seed: seed)
        var means: [Double] = []
        means.reserveCapacity(resamples)
        for _ in 0..<resamples {
            var sum = 0.0
            for _ in 0..<count { sum += differences[Int(generator.next() % UInt64(count))] }
            means.append(sum / Double(count))
        }
        means.sort()
        low = means[Int((Double(resamples - 1) * 0.025).rounded())]
        high = means[Int((Double(resamples - 1) * 0.975).rounded())]
    }

    /// Whether the interval excludes zero: the difference is unlikely to be chance.
    public var isSignificant: Bool { low > 0 || high < 0 }
}
