public import Foundation

/// Writes a comparison's files into `DIR/compare/`: the page, the JSON, corrections and preferences.
public enum ComparisonOutput {
    /// The folder inside the output folder.
    public static let folderName = "compare"

    /// What was written, for the command to print.
    public struct Written: Sendable, Equatable {
        public var directory: URL
        public var corrections: Int
        public var preferences: Int
    }

    /// Writes `report.html`, `report.json`, `corrections.jsonl` and `preferences.jsonl`.
    public static func write(_ report: ComparisonReport, into directory: URL) throws -> Written {
        let folder = directory.appendingPathComponent(folderName)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var json = try encoder.encode(report)
        json.append(0x0A)
        try AtomicFile.write(json, to: folder.appendingPathComponent("report.json"))
        try AtomicFile.write(
            Data(ComparisonPage.render(report).utf8), to: folder.appendingPathComponent("report.html"))
        let wrong = report.items.filter(\.tunedIsWrong)
        let lineEncoder = JSONEncoder()
        lineEncoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        try AtomicFile.write(lines: wrong, to: folder.appendingPathComponent("corrections.jsonl")) {
            try lineEncoder.encode(correction(for: $0))
        }
        let preferences = wrong.filter { $0.tuned.error == nil && $0.tuned.answer != $0.question.reference }
        try AtomicFile.write(lines: preferences, to: folder.appendingPathComponent("preferences.jsonl")) {
            try lineEncoder.encode(preference(for: $0))
        }
        return Written(directory: folder, corrections: wrong.count, preferences: preferences.count)
    }

    /// A chat example for `convert --include`: the question as asked, answered with the reference.
    struct Correction: Codable, Equatable {
        var messages: [ChatMessage]
    }

    /// OpenAI's preference (DPO) line: the reference preferred, the tuned model's answer not.
    struct Preference: Codable, Equatable {
        struct Input: Codable, Equatable {
            var messages: [ChatMessage]
        }
        var input: Input
        var preferredOutput: [ChatMessage]
        var nonPreferredOutput: [ChatMessage]

        enum CodingKeys: String, CodingKey {
            case input
            case preferredOutput = "preferred_output"
            case nonPreferredOutput = "non_preferred_output"
        }
    }

    static func correction(for item: ComparedQuestion) -> Correction {
        Correction(
            messages: item.question.messages + [ChatMessage(role: "assistant", content: item.question.reference)])
    }

    static func preference(for item: ComparedQuestion) -> Preference {
        Preference(
            input: Preference.Input(messages: item.question.messages),
            preferredOutput: [ChatMessage(role: "assistant", content: item.question.reference)],
            nonPreferredOutput: [ChatMessage(role: "assistant", content: item.tuned.answer)])
    }
}
