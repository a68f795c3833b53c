public import Foundation

/// One question of a comparison: the conversation up to the answer, the reference, and its source.
public struct ComparisonQuestion: Sendable, Codable, Equatable {
    /// The example's messages before the final assistant message (system prompt included).
    public var messages: [ChatMessage]
    /// The final assistant message of the example: the answer taken from the document.
    public var reference: String
    public var source: String?
    public var pages: [Int]
    public var section: String?
    /// The JSONL file and 1-based line the example came from.
    public var file: String
    public var line: Int

    public init(
        messages: [ChatMessage], reference: String, source: String? = nil, pages: [Int] = [], section: String? = nil,
        file: String, line: Int
    ) {
        self.messages = messages
        self.reference = reference
        self.source = source
        self.pages = pages
        self.section = section
        self.file = file
        self.line = line
    }

    /// The last user message: what a reader sees as "the question".
    public var question: String { messages.last { $0.role == "user" }?.content ?? "" }

    /// The text answers are checked for quotations against.
    ///
    /// Every answer tunedata writes is copied verbatim from the document, so the reference is the
    /// source passage's text as extracted; provenance does not keep the wider passage.
    public var passage: String { reference }
}

/// Where comparison questions come from and how they are read.
public enum ComparisonQuestions {
    /// Why questions could not be read.
    public enum Failure: Error, CustomStringConvertible {
        case cannotRead(path: String, reason: String)
        case noQuestions(path: String)

        public var description: String {
            switch self {
            case .cannotRead(let path, let reason): "cannot read \(path): \(reason)"
            case .noQuestions(let path): "\(path) has no chat example ending in an assistant answer"
            }
        }
    }

    /// The questions of `directory/<split>.jsonl`, with source, pages and section from provenance.jsonl.
    public static func load(split: String, in directory: URL) throws -> [ComparisonQuestion] {
        let file = directory.appendingPathComponent("\(split).jsonl")
        var questions = try load(file: file)
        let provenance = try provenanceLines(split: split, in: directory)
        for index in questions.indices {
            guard let record = provenance[questions[index].line] else { continue }
            questions[index].source = record.source
            questions[index].pages = record.pages
            questions[index].section = record.section
        }
        return questions
    }

    /// The questions of any chat JSONL file (lines that are not chat examples ending in an answer are
    /// skipped).
    public static func load(file: URL) throws -> [ComparisonQuestion] {
        let data: Data
        do {
            data = try Data(contentsOf: file)
        } catch {
            throw Failure.cannotRead(path: file.path, reason: error.localizedDescription)
        }
        var questions: [ComparisonQuestion] = []
        for (offset, line) in data.split(separator: 0x0A, omittingEmptySubsequences: false).enumerated() {
            guard let example = try? JSONDecoder().decode(ChatLine.self, from: line),
                let last = example.messages.last, last.role == "assistant",
                example.messages.dropLast().contains(where: { $0.role == "user" })
            else { continue }
            questions.append(
                ComparisonQuestion(
                    messages: example.messages.dropLast().map { ChatMessage(role: $0.role, content: $0.content) },
                    reference: last.content, file: file.lastPathComponent, line: offset + 1))
        }
        guard !questions.isEmpty else { throw Failure.noQuestions(path: file.path) }
        return questions
    }

    private struct ChatLine: Decodable {
        struct Line: Decodable {
            var role: String
            var content: String
        }
        var messages: [Line]
    }

    private struct ProvenanceLine: Decodable {
        var split: String
        var line: Int
        var source: String
        var pages: [Int]
        var section: String?
    }

    /// Provenance of one split by line number (empty when the folder has no provenance.jsonl).
    private static func provenanceLines(split: String, in directory: URL) throws -> [Int: ProvenanceLine] {
        let url = directory.appendingPathComponent("provenance.jsonl")
        guard let data = try? Data(contentsOf: url) else { return [:] }
        var records: [Int: ProvenanceLine] = [:]
        for line in data.split(separator: 0x0A) {
            guard let record = try? JSONDecoder().decode(ProvenanceLine.self, from: line), record.split == split
            else { continue }
            records[record.line] = record
        }
        return records
    }
}
