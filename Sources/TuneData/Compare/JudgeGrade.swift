internal import Foundation

/// A judge model's verdict on one answer, as SimpleQA grades: correct, incorrect or not attempted.
public enum JudgeGrade: String, Sendable, Codable, CaseIterable {
    case correct
    case incorrect
    case notAttempted = "not_attempted"

    /// The instruction the judge model gets (it answers with one letter).
    static let instructions = """
        You grade an answer to a question about a legal document against the gold answer taken from \
        the document. Reply with one letter only:
        A: CORRECT — the answer contains the substance of the gold answer and contradicts none of it.
        B: INCORRECT — the answer contradicts the gold answer or states something the gold answer does not support.
        C: NOT_ATTEMPTED — the answer declines, asks for the document, or gives no substance.
        """

    /// The judge conversation for one answer.
    static func messages(question: String, reference: String, answer: String) -> [ChatMessage] {
        [
            ChatMessage(role: "system", content: instructions),
            ChatMessage(
                role: "user",
                content: "Question:\n\(question)\n\nGold answer:\n\(reference)\n\nAnswer to grade:\n\(answer)\n\nGrade:"
            ),
        ]
    }

    /// Reads the judge's reply: the first letter A/B/C, or the grade's name; nil when it is neither.
    static func parse(_ reply: String) -> JudgeGrade? {
        let text = reply.trimmingCharacters(in: .whitespacesAndNewlines).uppercased()
        if text.hasPrefix("NOT_ATTEMPTED") || text.hasPrefix("NOT ATTEMPTED") { return .notAttempted }
        if text.hasPrefix("INCORRECT") { return .incorrect }
        if text.hasPrefix("CORRECT") { return .correct }
        switch text.first {
        case "A": return .correct
        case "B": return .incorrect
        case "C": return .notAttempted
        default: return nil
        }
    }
}
