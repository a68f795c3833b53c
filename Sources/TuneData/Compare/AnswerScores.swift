/// Scores of one answer against the reference, without a judge model.
///
/// Text is compared as lowercase word tokens (runs of letters and digits), as SQuAD's token F1 and
/// ROUGE-L do.
public struct AnswerScores: Sendable, Codable, Equatable {
    /// Token F1 against the reference (SQuAD's: bag-of-words precision and recall).
    public var tokenF1: Double
    /// ROUGE-L F-measure against the reference (longest common subsequence of tokens).
    public var rougeL: Double
    /// The share of the answer's tokens that lie in a run of at least ``minimumQuotedRun`` tokens
    /// copied verbatim from the source passage.
    public var quoted: Double

    enum CodingKeys: String, CodingKey {
        case tokenF1 = "token_f1"
        case rougeL = "rouge_l"
        case quoted
    }

    /// A shorter shared run is a coincidence of common words ("of the agreement"), not a quotation.
    public static let minimumQuotedRun = 5
    /// Longer texts are cut to this many tokens before the quadratic comparisons (no shipped template
    /// writes answers near it).
    static let maximumTokens = 4000

    public init(tokenF1: Double, rougeL: Double, quoted: Double) {
        self.tokenF1 = tokenF1
        self.rougeL = rougeL
        self.quoted = quoted
    }

    /// Scores `answer` against `reference`, and its quoting against `passage`.
    public init(answer: String, reference: String, passage: String) {
        let answerTokens = Self.tokens(answer), referenceTokens = Self.tokens(reference)
        tokenF1 = Self.tokenF1(answerTokens, referenceTokens)
        rougeL = Self.rougeL(answerTokens, referenceTokens)
        quoted = Self.quotedShare(answerTokens, passage: Self.tokens(passage))
    }

    /// Lowercase runs of letters and digits.
    public static func tokens(_ text: String) -> [Substring] {
        let lowered = text.lowercased()
        let words = lowered.split { !($0.isLetter || $0.isNumber) }
        return Array(words.prefix(maximumTokens))
    }

    /// Harmonic mean of bag-of-words precision and recall; two empty texts agree fully.
    static func tokenF1(_ answer: [Substring], _ reference: [Substring]) -> Double {
        if answer.isEmpty || reference.isEmpty { return answer.isEmpty && reference.isEmpty ? 1 : 0 }
        var counts: [Substring: Int] = [:]
        for token in reference { counts[token, default: 0] += 1 }
        var common = 0
        for token in answer {
            if let count = counts[token], count > 0 {
                common += 1
                counts[token] = count - 1
            }
        }
        return fMeasure(common, answer.count, reference.count)
    }

    /// F-measure of the longest common subsequence.
    static func rougeL(_ answer: [Substring], _ reference: [Substring]) -> Double {
        if answer.isEmpty || reference.isEmpty { return answer.isEmpty && reference.isEmpty ? 1 : 0 }
        var previous = [Int](repeating: 0, count: reference.count + 1)
        var current = previous
        for a in answer {
            for (j, r) in reference.enumerated() {
                current[j + 1] = a == r ? previous[j] + 1 : max(previous[j + 1], current[j])
            }
            swap(&previous, &current)
        }
        return fMeasure(previous[reference.count], answer.count, reference.count)
    }

    private static func fMeasure(_ common: Int, _ answerCount: Int, _ referenceCount: Int) -> Double {
        guard common > 0 else { return 0 }
        let precision = Double(common) / Double(answerCount), recall = Double(common) / Double(referenceCount)
        return 2 * precision * recall / (precision + recall)
    }

    /// Marks every answer token inside a run of at least ``minimumQuotedRun`` tokens that also occurs,
    /// in order, somewhere in the passage; returns the marked share.
    static func quotedShare(_ answer: [Substring], passage: [Substring]) -> Double {
        guard !answer.isEmpty, !passage.isEmpty else { return 0 }
        var covered = [Bool](repeating: false, count: answer.count)
        var previous = [Int](repeating: 0, count: passage.count + 1)
        var current = previous
        for (i, a) in answer.enumerated() {
            var longest = 0
            for (j, p) in passage.enumerated() {
                current[j + 1] = a == p ? previous[j] + 1 : 0
                longest = max(longest, current[j + 1])
            }
            if longest >= minimumQuotedRun {
                for k in (i - longest + 1)...i { covered[k] = true }
            }
            swap(&previous, &current)
        }
        return Double(covered.filter { $0 }.count) / Double(answer.count)
    }
}
