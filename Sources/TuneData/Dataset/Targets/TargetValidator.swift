internal import Foundation
internal import Tokenizer

/// Checks a JSONL file against one target's rules, with line numbers and statistics.
///
/// Every line is parsed and handed to the target's ``OutputFormat/check(_:line:)``; then the file
/// rules the target publishes (fewest and most examples, largest file, per-example tokens) and one
/// record shape per file. Tokens are counted with o200k_base: exact for OpenAI's models, an estimate
/// (said so in the statistics) for every other target.
struct TargetValidator {
    let target: any OutputFormat
    let context: TargetValidationContext

    func validate(data: Data, file: String) -> ValidationReport {
        let rules = target.rules
        let encoding = ModelLimits.encoding(forModel: context.model)
        let memo = TokenCountMemo.reusing(context.tokenCounts, for: encoding)
        let limit = target.tokenLimit(forModel: context.model)
        var findings = target.modelFindings(context.model)
        if let maxBytes = rules.maxFileBytes, data.count > maxBytes {
            findings.append(
                ValidationFinding(
                    line: nil, severity: .error, kind: "file_too_large",
                    message: "file is \(data.count) bytes; \(target.name) takes at most \(maxBytes)"))
        }
        let (ranges, fileFindings) = JSONLLines.lines(of: data)
        findings = fileFindings + findings
        var statistics = ValidationStatistics()
        statistics.tokenLimit = limit ?? 0
        statistics.tokensAreEstimated = !rules.tokensAreExact
        // --tokenizer: counts from the target's own tokenizer.json, with its chat template when known.
        var exact: TemplatedTokenCounter?
        if let file = context.tokenizerFile {
            do {
                let counter = try target.tokenCounter(file: file, model: context.model)
                exact = counter
                statistics.tokensAreEstimated = !counter.isExact
                if !counter.isExact {
                    findings.append(
                        ValidationFinding(
                            line: nil, severity: .warning, kind: "chat_template_not_recognised",
                            message: counter.description))
                }
            } catch {
                findings.append(
                    ValidationFinding(
                        line: nil, severity: .warning, kind: "tokenizer_not_used",
                        message: "\(error); token counts are an estimate"))
            }
        }
        let tokenCountsAreExact = rules.tokensAreExact || exact?.isExact == true
        var shape: RecordShape?
        var messageCounts: [Int] = [], tokenCounts: [Int] = [], answerCounts: [Int] = []
        let target = self.target
        ParallelWork.forEachInOrder(count: ranges.count, jobs: context.jobs) { position -> (Int, TargetLineCheck) in
            let entry = ranges[position]
            guard let slice = JSONLLines.lineContent(data, entry.range),
                let object = try? JSONSerialization.jsonObject(with: slice, options: [.fragmentsAllowed])
            else {
                let blank = JSONLLines.lineContent(data, entry.range) == nil
                return (
                    entry.number,
                    TargetLineCheck(
                        findings: [
                            ValidationFinding(
                                line: entry.number, severity: .error, kind: "invalid_json",
                                message: blank ? "empty line" : "not valid JSON")
                        ], record: nil)
                )
            }
            guard let dictionary = object as? [String: Any] else {
                return (
                    entry.number,
                    TargetLineCheck(
                        findings: [
                            ValidationFinding(
                                line: entry.number, severity: .error, kind: "data_type",
                                message: "line is not a JSON object")
                        ], record: nil)
                )
            }
            return (entry.number, target.check(dictionary, line: entry.number))
        } consume: { _, result in
            let (number, checked) = result
            statistics.lines += 1
            findings += checked.findings
            guard let record = checked.record else { return }
            if let shape, shape != record.shape {
                findings.append(
                    ValidationFinding(
                        line: number, severity: .error, kind: "mixed_shapes",
                        message: "a \(record.shape.rawValue) record in a file of \(shape.rawValue) records"))
                return
            }
            shape = record.shape
            var counts = memo.billedTokens(record.messages.map(\.chatTurn))
            if let exact { counts = exact.counts(record.messages) }
            if let rejected = record.rejected {
                counts.tokens += exact?.countAssistant(rejected) ?? memo.count(rejected)
            }
            if let limit, counts.tokens > limit {
                statistics.examplesOverLimit += 1
                findings.append(
                    ValidationFinding(
                        line: number, severity: .error, kind: "over_token_limit",
                        message:
                            "\(counts.tokens) tokens\(tokenCountsAreExact ? "" : " (estimated)"), over the \(limit)-token limit of \(target.name)"
                    ))
            }
            messageCounts.append(record.messages.count)
            tokenCounts.append(counts.tokens)
            answerCounts.append(counts.assistant)
        }
        let valid = tokenCounts.count
        if let minimum = rules.minimumExamples, valid < minimum {
            findings.append(
                ValidationFinding(
                    line: nil, severity: .error, kind: "too_few_examples",
                    message: "\(valid) valid examples; \(target.name) requires at least \(minimum)"))
        }
        if let maximum = rules.maximumExamples, valid > maximum {
            findings.append(
                ValidationFinding(
                    line: nil, severity: .error, kind: "too_many_examples",
                    message: "\(valid) examples; \(target.name) takes at most \(maximum)"))
        }
        statistics.layout = shape?.rawValue ?? "chat"
        statistics.validExamples = valid
        statistics.messagesPerExample = Summary(messageCounts)
        statistics.tokensPerExample = Summary(tokenCounts)
        statistics.assistantTokensPerExample = Summary(answerCounts)
        statistics.estimate = TrainingEstimate(tokenCounts: tokenCounts, limit: limit ?? .max)
        findings.sort {
            ($0.line ?? .max, $0.severity == .error ? 0 : 1) < ($1.line ?? .max, $1.severity == .error ? 0 : 1)
        }
        return ValidationReport(
            file: file, model: context.model, bytes: data.count, findings: findings, statistics: statistics,
            target: target.name)
    }
}
