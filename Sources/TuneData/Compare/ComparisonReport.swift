internal import Foundation

/// One model's answer to one question and its scores.
public struct ScoredAnswer: Sendable, Codable, Equatable {
    public var answer: String
    public var scores: AnswerScores
    /// The judge's grade, when a judge was asked.
    public var grade: JudgeGrade?
    /// Why no answer was obtained (the answer is then empty and scores zero).
    public var error: String?

    public init(answer: String, scores: AnswerScores, grade: JudgeGrade? = nil, error: String? = nil) {
        self.answer = answer
        self.scores = scores
        self.grade = grade
        self.error = error
    }
}

/// How the tuned model did against the base model on one question.
public enum PairOutcome: String, Sendable, Codable {
    case win, tie, loss
}

/// One question with both answers.
public struct ComparedQuestion: Sendable, Codable, Equatable {
    public var question: ComparisonQuestion
    public var base: ScoredAnswer
    public var tuned: ScoredAnswer
    public var outcome: PairOutcome
    /// Whether the tuned answer counts as wrong (it goes into corrections.jsonl).
    public var tunedIsWrong: Bool

    enum CodingKeys: String, CodingKey {
        case question, base, tuned, outcome
        case tunedIsWrong = "tuned_is_wrong"
    }
}

/// Mean scores of one model over the questions.
public struct ModelTotals: Sendable, Codable, Equatable {
    public var tokenF1: Double
    public var rougeL: Double
    public var quoted: Double
    public var correct: Int?
    public var incorrect: Int?
    public var notAttempted: Int?
    public var errors: Int

    enum CodingKeys: String, CodingKey {
        case tokenF1 = "token_f1"
        case rougeL = "rouge_l"
        case quoted, correct, incorrect, errors
        case notAttempted = "not_attempted"
    }

    init(_ answers: [ScoredAnswer], judged: Bool) {
        let count = Double(max(1, answers.count))
        tokenF1 = answers.map(\.scores.tokenF1).reduce(0, +) / count
        rougeL = answers.map(\.scores.rougeL).reduce(0, +) / count
        quoted = answers.map(\.scores.quoted).reduce(0, +) / count
        errors = answers.filter { $0.error != nil }.count
        if judged {
            correct = answers.filter { $0.grade == .correct }.count
            incorrect = answers.filter { $0.grade == .incorrect }.count
            notAttempted = answers.filter { $0.grade == .notAttempted || $0.grade == nil }.count
        }
    }
}

/// The whole comparison: settings, totals, the interval of the difference, and every question.
public struct ComparisonReport: Sendable, Codable, Equatable {
    public var baseModel: String
    public var tunedModel: String
    public var judgeModel: String?
    public var questionSet: String
    public var context: String
    /// The score wins and losses are decided on: "judge" (correct = 1) or "token_f1".
    public var primaryMetric: String
    public var base: ModelTotals
    public var tuned: ModelTotals
    /// Paired bootstrap interval of tuned minus base, per metric.
    public var differences: [String: PairedBootstrap]
    public var wins: Int
    public var ties: Int
    public var losses: Int
    public var items: [ComparedQuestion]

    enum CodingKeys: String, CodingKey {
        case base, tuned, differences, wins, ties, losses, items, context
        case baseModel = "base_model"
        case tunedModel = "tuned_model"
        case judgeModel = "judge_model"
        case questionSet = "questions"
        case primaryMetric = "primary_metric"
    }

    /// Scores closer than this count as a tie: a few tokens' difference on a long answer is noise.
    public static let tieMargin = 0.05
    /// Without a judge, a tuned answer whose token F1 is below this is wrong: it shares less than
    /// half of its words with the reference.
    public static let wrongBelowTokenF1 = 0.5

    /// The report of paired answers (one per question, in question order).
    public init(
        baseModel: String, tunedModel: String, judgeModel: String?, questionSet: String, context: String,
        pairs: [(ComparisonQuestion, ScoredAnswer, ScoredAnswer)]
    ) {
        self.baseModel = baseModel
        self.tunedModel = tunedModel
        self.judgeModel = judgeModel
        self.questionSet = questionSet
        self.context = context
        let judged = judgeModel != nil
        primaryMetric = judged ? "judge" : "token_f1"
        func primary(_ answer: ScoredAnswer) -> Double {
            judged ? (answer.grade == .correct ? 1 : 0) : answer.scores.tokenF1
        }
        let margin = judged ? 0 : Self.tieMargin
        items = pairs.map { question, base, tuned in
            let difference = primary(tuned) - primary(base)
            let outcome: PairOutcome = difference > margin ? .win : (difference < -margin ? .loss : .tie)
            let wrong = judged ? tuned.grade != .correct : tuned.scores.tokenF1 < Self.wrongBelowTokenF1
            return ComparedQuestion(question: question, base: base, tuned: tuned, outcome: outcome, tunedIsWrong: wrong)
        }
        base = ModelTotals(items.map(\.base), judged: judged)
        tuned = ModelTotals(items.map(\.tuned), judged: judged)
        wins = items.filter { $0.outcome == .win }.count
        ties = items.filter { $0.outcome == .tie }.count
        losses = items.filter { $0.outcome == .loss }.count
        var differences: [String: PairedBootstrap] = [
            "token_f1": PairedBootstrap(
                base: items.map(\.base.scores.tokenF1), tuned: items.map(\.tuned.scores.tokenF1)),
            "rouge_l": PairedBootstrap(base: items.map(\.base.scores.rougeL), tuned: items.map(\.tuned.scores.rougeL)),
            "quoted": PairedBootstrap(base: items.map(\.base.scores.quoted), tuned: items.map(\.tuned.scores.quoted)),
        ]
        if judged {
            differences["judge"] = PairedBootstrap(
                base: items.map { primary($0.base) }, tuned: items.map { primary($0.tuned) })
        }
        self.differences = differences
    }

    /// Items ordered for a reader: losses first, then ties, then wins, each in question order.
    public var itemsLossesFirst: [ComparedQuestion] {
        let rank: [PairOutcome: Int] = [.loss: 0, .tie: 1, .win: 2]
        return items.enumerated().sorted {
            (rank[$0.element.outcome] ?? 0, $0.offset) < (rank[$1.element.outcome] ?? 0, $1.offset)
        }
        .map(\.element)
    }
}
