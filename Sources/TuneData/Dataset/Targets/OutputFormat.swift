public import Foundation

/// A place people fine-tune: how tunedata writes a dataset for it and how it checks one.
///
/// One conforming value per target, registered in ``TargetRegistry``; the CLI's `--target`, the
/// `tunedata targets` table and the dataset stage all read from the registry, so a new target is a
/// new file plus one registry line. The shared pieces (line splitting, token counting, file rules,
/// statistics) live in ``TargetValidator``; a target supplies its layout and per-line rules.
public protocol OutputFormat: Sendable {
    /// The name `--target` takes ("openai", "vertex-gemini"...).
    var name: String { get }
    /// A short human name ("Google Vertex AI (Gemini supervised tuning)").
    var title: String { get }
    /// Who runs the target, as messages name it ("OpenAI"); the title by default.
    var provider: String { get }
    /// What the target accepts, with the pages each rule comes from.
    var rules: TargetRules { get }
    /// A version of the rule set, recorded in the manifest (the date the rules were last checked).
    var rulesVersion: String { get }

    /// One example as a JSONL line (with its `\n`) in the target's layout for `shape`.
    func line(for example: Example, shape: RecordShape) -> [UInt8]
    /// The rules of one parsed line: the findings, and the record read when there is no error.
    func check(_ object: [String: Any], line: Int) -> TargetLineCheck
    /// Why the target cannot hold `example` as `shape`, or `nil` when it can.
    func refusal(for example: Example, shape: RecordShape) -> String?
    /// The per-example token limit for `model`, when one is published.
    func tokenLimit(forModel model: String) -> Int?
    /// Findings about the model itself (shut down, shutting down, unknown); none by default.
    func modelFindings(_ model: String) -> [ValidationFinding]
    /// Files written beside the splits (for example LLaMA-Factory's `dataset_info.json`).
    func companionFiles(for files: [OutputFileRecord], shape: RecordShape) -> [(name: String, bytes: [UInt8])]
    /// Checks a whole file, with line numbers and statistics.
    func validate(data: Data, file: String, context: TargetValidationContext) -> ValidationReport
}

/// The outcome of checking one line against a target's rules.
public struct TargetLineCheck: Sendable {
    public var findings: [ValidationFinding]
    /// The record read from the line, in tunedata's terms; `nil` when the line has an error.
    public var record: CheckedRecord?

    public init(findings: [ValidationFinding], record: CheckedRecord?) {
        self.findings = findings
        self.record = record
    }
}

/// A line read back: its shape and its messages in tunedata's roles (for token counts and statistics).
public struct CheckedRecord: Sendable {
    public var shape: RecordShape
    /// The prompt and the (preferred) answer.
    public var messages: [Message]
    /// The non-preferred answer of a preference record.
    public var rejected: String?

    public init(shape: RecordShape, messages: [Message], rejected: String? = nil) {
        self.shape = shape
        self.messages = messages
        self.rejected = rejected
    }
}

/// What a validation run knows besides the bytes: the model, and the run's shared token counts.
public struct TargetValidationContext: Sendable {
    public var model: String
    /// Threads that parse and count lines.
    public var jobs: Int
    /// Token counts already known to the run (set by ``DatasetRun``).
    var tokenCounts: TokenCountMemo?
    /// A Hugging Face `tokenizer.json` (byte-level BPE) that gives exact counts for a target whose
    /// tokenizer tunedata does not bundle (`--tokenizer FILE`).
    public var tokenizerFile: URL?

    public init(model: String, jobs: Int = 1, tokenizerFile: URL? = nil) {
        self.model = model
        self.jobs = jobs
        self.tokenizerFile = tokenizerFile
    }
}

extension OutputFormat {
    public var rulesVersion: String { TargetRegistry.rulesVersion }

    public var provider: String { title }

    public func refusal(for example: Example, shape: RecordShape) -> String? {
        if !rules.shapes.contains(shape) { return "\(name) cannot hold \(shape.rawValue) records" }
        if shape == .preference && example.rejected == nil { return "preference record without a rejected answer" }
        if !rules.allowsSystem && example.messages.contains(where: { $0.role == .system }) {
            return "\(name) allows no system message"
        }
        if !rules.allowsMultiTurn && example.messages.count(where: { $0.role == .user }) > 1 {
            return "multi-turn conversation; \(name) takes one turn"
        }
        return nil
    }

    public func tokenLimit(forModel model: String) -> Int? { rules.tokenLimit }

    public func modelFindings(_ model: String) -> [ValidationFinding] { [] }

    public func companionFiles(for files: [OutputFileRecord], shape: RecordShape) -> [(name: String, bytes: [UInt8])] {
        []
    }

    public func validate(data: Data, file: String, context: TargetValidationContext) -> ValidationReport {
        TargetValidator(target: self, context: context).validate(data: data, file: file)
    }
}

extension Example {
    /// The system prompt, when the conversation opens with one.
    var systemPrompt: String? { messages.first { $0.role == .system }?.content }
    /// The user and assistant turns, without the system prompt.
    var turns: [Message] { messages.filter { $0.role != .system } }
    /// Every message before the last assistant message, and that message's text.
    var promptAndAnswer: (prompt: [Message], answer: String) {
        let last = messages.lastIndex { $0.role == .assistant } ?? messages.endIndex
        return (Array(messages[..<last]), last < messages.endIndex ? messages[last].content : "")
    }
}

extension Example {
    /// The prompt of a plain prompt/completion pair: every message before the last assistant message,
    /// contents joined by blank lines (no separator or stop sequence, unlike OpenAI's legacy layout).
    var plainPrompt: String { promptAndAnswer.prompt.map(\.content).joined(separator: "\n\n") }
}
