internal import Foundation

/// Asks a base and a tuned model the same questions and scores both answers.
///
/// Both models get the same messages at temperature 0: the example's own system prompt (or
/// ``defaultSystemPrompt``) and its question, with the source passage before the question when
/// `context` is ``Context/passage``. Up to `concurrency` questions are in flight; each asks both models
/// at once, then the judge, when there is one, grades both answers.
public struct ComparisonRun: Sendable {
    /// What the models see besides the question.
    public enum Context: String, Sendable, CaseIterable {
        case none, passage
    }

    /// The system prompt of examples that have none.
    public static let defaultSystemPrompt = "You are a legal assistant. Answer questions about the document accurately."

    public var base: APIClient
    public var tuned: APIClient
    public var judge: APIClient?
    public var baseModel: String
    public var tunedModel: String
    public var judgeModel: String?
    public var context: Context
    public var concurrency: Int

    public init(
        base: APIClient, tuned: APIClient, judge: APIClient?, baseModel: String, tunedModel: String,
        judgeModel: String?, context: Context, concurrency: Int
    ) {
        self.base = base
        self.tuned = tuned
        self.judge = judge
        self.baseModel = baseModel
        self.tunedModel = tunedModel
        self.judgeModel = judgeModel
        self.context = context
        self.concurrency = max(1, concurrency)
    }

    /// The messages both models are sent for a question.
    public func prompt(for question: ComparisonQuestion) -> [ChatMessage] {
        var messages = question.messages
        if !messages.contains(where: { $0.role == "system" }) {
            messages.insert(ChatMessage(role: "system", content: Self.defaultSystemPrompt), at: 0)
        }
        if context == .passage, let index = messages.lastIndex(where: { $0.role == "user" }) {
            messages[index].content = "Source passage:\n\(question.passage)\n\n\(messages[index].content)"
        }
        return messages
    }

    /// Runs every question and returns the report; `progress` is called with the number done.
    ///
    /// - Throws: a ``ProviderError`` that no other question would escape (401, 403, 404); other
    ///   failures are recorded on the answer.
    public func run(
        questions: [ComparisonQuestion], questionSet: String, progress: @Sendable (Int) -> Void = { _ in }
    ) async throws -> ComparisonReport {
        var results = [(ScoredAnswer, ScoredAnswer)?](repeating: nil, count: questions.count)
        try await withThrowingTaskGroup(of: (Int, ScoredAnswer, ScoredAnswer).self) { group in
            var next = 0
            var done = 0
            while next < min(concurrency, questions.count) {
                let index = next
                group.addTask { try await self.pair(for: questions[index], at: index) }
                next += 1
            }
            while let (index, baseAnswer, tunedAnswer) = try await group.next() {
                results[index] = (baseAnswer, tunedAnswer)
                done += 1
                progress(done)
                if next < questions.count {
                    let index = next
                    group.addTask { try await self.pair(for: questions[index], at: index) }
                    next += 1
                }
            }
        }
        let pairs = zip(questions, results).compactMap { question, result in
            result.map { (question, $0.0, $0.1) }
        }
        return ComparisonReport(
            baseModel: baseModel, tunedModel: tunedModel, judgeModel: judgeModel, questionSet: questionSet,
            context: context.rawValue, pairs: pairs)
    }

    /// Both models' scored answers to one question.
    private func pair(for question: ComparisonQuestion, at index: Int) async throws -> (Int, ScoredAnswer, ScoredAnswer)
    {
        let messages = prompt(for: question)
        async let baseAnswer = answer(messages, model: baseModel, client: base, question: question)
        async let tunedAnswer = answer(messages, model: tunedModel, client: tuned, question: question)
        return (index, try await baseAnswer, try await tunedAnswer)
    }

    /// One model's answer, scored and (with a judge) graded.
    private func answer(_ messages: [ChatMessage], model: String, client: APIClient, question: ComparisonQuestion)
        async throws -> ScoredAnswer
    {
        let text: String
        do {
            text = try await client.complete(model: model, messages: messages)
        } catch let error as ProviderError where Self.isFatal(error) {
            throw error
        } catch {
            return ScoredAnswer(
                answer: "", scores: AnswerScores(tokenF1: 0, rougeL: 0, quoted: 0),
                grade: judge == nil ? nil : .notAttempted,
                error: "\(error)")
        }
        var scored = ScoredAnswer(
            answer: text, scores: AnswerScores(answer: text, reference: question.reference, passage: question.passage))
        if let judge, let judgeModel {
            do {
                let reply = try await judge.complete(
                    model: judgeModel,
                    messages: JudgeGrade.messages(
                        question: question.question, reference: question.reference, answer: text))
                scored.grade = JudgeGrade.parse(reply) ?? .notAttempted
            } catch let error as ProviderError where Self.isFatal(error) {
                throw error
            } catch {
                scored.error = "judge: \(error)"
            }
        }
        return scored
    }

    /// Errors that every other request would hit too: stop at once rather than score them.
    static func isFatal(_ error: ProviderError) -> Bool {
        switch error {
        case .unauthorized, .forbidden, .notFound, .missingKey: return true
        default: return false
        }
    }
}
