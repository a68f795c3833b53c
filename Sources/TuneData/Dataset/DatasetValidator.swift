public import Foundation
internal import Tokenizer

/// Why a file could not be validated at all.
public enum DatasetValidatorError: Error, CustomStringConvertible {
    /// The file could not be opened or read.
    case cannotRead(path: String, reason: String)

    public var description: String {
        switch self {
        case .cannotRead(let path, let reason): "cannot read \(path): \(reason)"
        }
    }
}

/// Checks a fine-tuning JSONL file the way OpenAI does before training, with line numbers.
///
/// Chat files get the format checks of OpenAI's chat data-preparation cookbook (per message, under
/// the cookbook's names), plus: invalid JSON, special-token strings in content, `weight` only 0 or 1
/// and only on assistant messages, the model's per-example token limit (a warning: such examples are
/// truncated), at least 10 examples, at most 512 MB, and warnings for examples without a system or
/// user message. Files whose lines are `{"prompt","completion"}` objects are checked as legacy
/// completion files. The statistics are those the cookbook prints.
public struct DatasetValidator: Sendable {
    /// OpenAI rejects a training file with fewer examples.
    public static let minimumExamples = 10
    /// OpenAI's upload limit for one file.
    public static let maxFileBytes = 512 * 1024 * 1024

    public var model: String
    /// Threads that parse and count lines (the report does not depend on it).
    public var jobs: Int
    /// Token counts already known to the run (set by ``DatasetRun``).
    var tokenCounts: TokenCountMemo?
    /// Whether to refuse shut-down models and warn about those shutting down (OpenAI's platform only).
    var checksModelLifecycle = true

    /// `jobs` defaults to every core.
    public init(model: String = ModelLimits.defaultModel, jobs: Int? = nil) {
        self.model = model
        self.jobs = ParallelWork.jobs(jobs)
    }

    /// Validates the file at `url`.
    ///
    /// - Throws: ``DatasetValidatorError/cannotRead(path:reason:)`` when the file cannot be read.
    public func validate(fileAt url: URL) throws -> ValidationReport {
        let data: Data
        do {
            data = try Data(contentsOf: url, options: .mappedIfSafe)
        } catch {
            throw DatasetValidatorError.cannotRead(path: url.path, reason: error.localizedDescription)
        }
        return validate(data: data, file: url.path)
    }

    /// Validates JSONL bytes; `file` only names them in the report.
    public func validate(data: Data, file: String) -> ValidationReport {
        let encoding = ModelLimits.encoding(forModel: model)
        let memo = TokenCountMemo.reusing(tokenCounts, for: encoding)
        let limit = ModelLimits.tokenLimit(forModel: model)
        var findings: [ValidationFinding] = []
        if ModelLimits.knownLimit(forModel: model) == nil {
            findings.append(
                ValidationFinding(
                    line: nil, severity: .warning, kind: "unknown_model",
                    message: "unknown model '\(model)'; assuming a limit of \(limit) tokens per example"))
        }
        if checksModelLifecycle, let finding = OpenAIModels.finding(for: model) {
            findings.append(finding)
        }
        if data.count > Self.maxFileBytes {
            findings.append(
                ValidationFinding(
                    line: nil, severity: .error, kind: "file_too_large",
                    message: "file is \(data.count) bytes; the limit is \(Self.maxFileBytes) (512 MB)"))
        }
        var statistics = ValidationStatistics()
        statistics.tokenLimit = limit
        var messageCounts: [Int] = [], tokenCounts: [Int] = [], assistantCounts: [Int] = []
        var firstWithoutSystem: Int?, firstWithoutUser: Int?
        let checked = JSONLLines.check(data, tokens: memo, jobs: jobs) { line in
            statistics.lines += 1
            findings += line.findings
            guard let example = line.example else { return }
            let tokens = line.tokens, assistantTokens = line.assistantTokens
            if !example.isCompletion {
                if !example.messages.contains(where: { $0.role == "system" }) {
                    statistics.examplesWithoutSystem += 1
                    if firstWithoutSystem == nil { firstWithoutSystem = line.number }
                }
                if !example.messages.contains(where: { $0.role == "user" }) {
                    statistics.examplesWithoutUser += 1
                    if firstWithoutUser == nil { firstWithoutUser = line.number }
                }
            }
            if tokens > limit {
                statistics.examplesOverLimit += 1
                findings.append(
                    ValidationFinding(
                        line: line.number, severity: .warning, kind: "over_token_limit",
                        message: "\(tokens) tokens, over the \(limit)-token limit of \(model); it will be truncated"))
            }
            messageCounts.append(example.messages.count)
            tokenCounts.append(tokens)
            assistantCounts.append(assistantTokens)
        }
        statistics.layout = checked.layout.rawValue
        findings = checked.fileFindings + findings
        if let first = firstWithoutSystem {
            findings.append(
                ValidationFinding(
                    line: nil, severity: .warning, kind: "missing_system_message",
                    message:
                        "\(statistics.examplesWithoutSystem) examples have no system message (first at line \(first))"))
        }
        if let first = firstWithoutUser {
            findings.append(
                ValidationFinding(
                    line: nil, severity: .warning, kind: "missing_user_message",
                    message: "\(statistics.examplesWithoutUser) examples have no user message (first at line \(first))")
            )
        }
        if tokenCounts.count < Self.minimumExamples {
            findings.append(
                ValidationFinding(
                    line: nil, severity: .error, kind: "too_few_examples",
                    message: "\(tokenCounts.count) valid examples; at least \(Self.minimumExamples) are required"))
        }
        statistics.validExamples = tokenCounts.count
        statistics.messagesPerExample = Summary(messageCounts)
        statistics.tokensPerExample = Summary(tokenCounts)
        statistics.assistantTokensPerExample = Summary(assistantCounts)
        statistics.estimate = TrainingEstimate(tokenCounts: tokenCounts, limit: limit)
        findings.sort {
            ($0.line ?? .max, $0.severity == .error ? 0 : 1) < ($1.line ?? .max, $1.severity == .error ? 0 : 1)
        }
        return ValidationReport(file: file, model: model, bytes: data.count, findings: findings, statistics: statistics)
    }
}
