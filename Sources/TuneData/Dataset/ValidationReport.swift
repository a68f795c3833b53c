/// One problem `tunedata validate` found.
public struct ValidationFinding: Sendable, Codable, Hashable {
    public enum Severity: String, Sendable, Codable {
        /// The service would reject the file.
        case error
        /// Accepted, but probably not what was meant (truncated examples, no system message...).
        case warning
    }

    /// The 1-based line, or `nil` for a finding about the whole file.
    public var line: Int?
    public var severity: Severity
    /// A stable snake_case code; the chat format checks use the names of OpenAI's cookbook
    /// (`data_type`, `missing_messages_list`, `message_missing_key`, `message_unrecognized_key`,
    /// `unrecognized_role`, `missing_content`, `example_missing_assistant_message`).
    public var kind: String
    public var message: String

    public init(line: Int?, severity: Severity, kind: String, message: String) {
        self.line = line
        self.severity = severity
        self.kind = kind
        self.message = message
    }
}

/// Statistics of a dataset file as OpenAI's data-preparation cookbook prints them.
///
/// Token counts are OpenAI's chat accounting (3 per message, 1 per name, 3 for the reply priming);
/// for completion files, prompt plus completion tokens. Percentiles are true 5th/95th percentiles
/// by linear interpolation (numpy's default), not the cookbook's 10th/90th.
public struct ValidationStatistics: Sendable, Codable, Hashable {
    /// "chat" or "completion".
    public var layout: String = "chat"
    /// Non-empty lines.
    public var lines: Int = 0
    /// Lines that passed the format checks; the statistics below are over these.
    public var validExamples: Int = 0
    public var messagesPerExample = Summary([])
    public var tokensPerExample = Summary([])
    public var assistantTokensPerExample = Summary([])
    public var tokenLimit: Int = 0
    public var examplesOverLimit: Int = 0
    public var examplesWithoutSystem: Int = 0
    public var examplesWithoutUser: Int = 0
    public var estimate = TrainingEstimate(tokenCounts: [], limit: 0)
    /// `true` when token counts are an estimate (the target's tokenizer is not known); absent when exact.
    public var tokensAreEstimated: Bool?
}

/// The outcome of validating one file.
public struct ValidationReport: Sendable, Codable, Hashable {
    public var file: String
    public var model: String
    public var bytes: Int
    public var findings: [ValidationFinding]
    public var statistics: ValidationStatistics
    /// The target whose rules were applied (absent in reports written before targets existed).
    public var target: String?

    /// Whether the service would accept the file: no finding is an error.
    public var isAcceptable: Bool { !findings.contains { $0.severity == .error } }
    public var errorCount: Int { findings.count { $0.severity == .error } }
    public var warningCount: Int { findings.count { $0.severity == .warning } }

    private enum CodingKeys: String, CodingKey {
        case file, model, bytes, acceptable, errors, warnings, findings, statistics, target
    }

    public init(
        file: String, model: String, bytes: Int, findings: [ValidationFinding], statistics: ValidationStatistics,
        target: String? = nil
    ) {
        self.target = target
        self.file = file
        self.model = model
        self.bytes = bytes
        self.findings = findings
        self.statistics = statistics
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(file, forKey: .file)
        try c.encode(model, forKey: .model)
        try c.encode(bytes, forKey: .bytes)
        try c.encode(isAcceptable, forKey: .acceptable)
        try c.encode(errorCount, forKey: .errors)
        try c.encode(warningCount, forKey: .warnings)
        try c.encode(findings, forKey: .findings)
        try c.encode(statistics, forKey: .statistics)
        try c.encodeIfPresent(target, forKey: .target)
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        file = try c.decode(String.self, forKey: .file)
        model = try c.decode(String.self, forKey: .model)
        bytes = try c.decode(Int.self, forKey: .bytes)
        findings = try c.decode([ValidationFinding].self, forKey: .findings)
        statistics = try c.decode(ValidationStatistics.self, forKey: .statistics)
        target = try c.decodeIfPresent(String.self, forKey: .target)
    }

    /// The report as text: `FILE:LINE: error: message [kind]` per finding, then the statistics.
    public func text(path: String? = nil) -> String {
        let path = path ?? file
        var lines = findings.map { finding in
            let location = finding.line.map { "\(path):\($0)" } ?? path
            return "\(location): \(finding.severity.rawValue): \(finding.message) [\(finding.kind)]"
        }
        let s = statistics
        func row(_ title: String, _ summary: Summary) -> String {
            "\(title): min \(summary.min), max \(summary.max), mean \(fmt(summary.mean)), median \(fmt(summary.median)), "
                + "p5 \(fmt(summary.p5)), p95 \(fmt(summary.p95))"
        }
        lines.append("")
        lines.append(
            "\(s.lines) lines (\(s.layout) layout), \(s.validExamples) valid examples; \(errorCount) errors, \(warningCount) warnings"
        )
        if s.validExamples > 0 {
            if s.layout == "chat" { lines.append(row("messages per example", s.messagesPerExample)) }
            let estimated = s.tokensAreEstimated == true
            lines.append(row(estimated ? "tokens per example (estimated)" : "tokens per example", s.tokensPerExample))
            lines.append(row("assistant tokens per example", s.assistantTokensPerExample))
            // The cookbook's lines belong to the OpenAI chat/completion checks, which leave the flag unset.
            let cookbook = s.tokensAreEstimated == nil
            if cookbook {
                lines.append(
                    "examples over the \(s.tokenLimit)-token limit of \(model): \(s.examplesOverLimit) (truncated in training)"
                )
            } else if s.tokenLimit > 0 {
                lines.append("examples over the \(s.tokenLimit)-token limit: \(s.examplesOverLimit)")
            }
            if s.layout == "chat" && cookbook {
                lines.append(
                    "examples without a system message: \(s.examplesWithoutSystem); without a user message: \(s.examplesWithoutUser)"
                )
            }
            if cookbook {
                lines.append(
                    "estimated training: \(s.estimate.epochs) epochs × \(s.estimate.tokensPerEpoch) tokens = \(s.estimate.billedTokens) billed tokens"
                )
                lines.append("(percentiles by linear interpolation; epochs by OpenAI's default rule)")
            } else if estimated {
                lines.append("(token counts are an o200k_base estimate: the target's tokenizer is not bundled)")
            }
        }
        lines.append(isAcceptable ? "\(path): acceptable" : "\(path): would be rejected")
        return lines.joined(separator: "\n")
    }

    private func fmt(_ value: Double) -> String { String(format2: value) }
}
