import Foundation

/// The privacy stage over the user's own `--include` examples.
///
/// Hand-written corrections are uploaded with everything else, so they go through the same
/// detectors and the same `--pii`/`--secrets` policy as the examples built from documents.
extension PrivacyStage {
    /// The included examples that may be written, what was found in them and the ones dropped.
    public struct IncludedOutcome: Sendable {
        /// The examples to write: unchanged, or with their findings replaced in redact modes.
        public var examples: [Example]
        /// Findings, redactions and drops by type over every included example.
        public var privacy = DocumentPrivacy()
        /// Examples not written, naming the types found, never the values.
        public var dropped: [DroppedExample] = []
    }

    /// Screens `examples`: counts every finding, drops an example holding a type the options drop,
    /// and redacts the types they redact in every message and the rejected answer.
    ///
    /// Placeholders are numbered per include file, so a value repeated across a user's
    /// corrections gets one placeholder.
    public func screenIncluded(_ examples: [Example]) -> IncludedOutcome {
        var outcome = IncludedOutcome(examples: [])
        var redactors: [String: Redactor] = [:]
        var findings: [String: Int] = [:]
        var redacted: [String: Int] = [:]
        var droppedByType: [String: Int] = [:]
        for example in examples {
            var texts = example.messages.map(\.content)
            if let rejected = example.rejected { texts.append(rejected) }
            let found = texts.map { registry.findings(in: $0) }
            let types = Set(found.joined().map(\.type))
            for finding in found.joined() { findings[finding.type.rawValue, default: 0] += 1 }
            let dropping = types.filter(options.drops)
            if !dropping.isEmpty {
                for type in dropping { droppedByType[type.rawValue, default: 0] += 1 }
                outcome.dropped.append(
                    DroppedExample(
                        reason: dropping.contains(where: \.isSecret) ? .secret : .personalData,
                        example: ExampleReference(example),
                        detail: dropping.map(\.rawValue).sorted().joined(separator: ", "), duplicateOf: nil))
                continue
            }
            guard types.contains(where: options.redacts) else {
                outcome.examples.append(example)
                continue
            }
            var redactor = redactors[example.provenance.source] ?? Redactor(style: options.redactStyle)
            var cleaned = example
            for (index, text) in texts.enumerated() {
                let replaced = found[index].filter { options.redacts($0.type) }
                for finding in replaced { redacted[finding.type.rawValue, default: 0] += 1 }
                let result = redactor.redact(text, findings: replaced)
                if index < cleaned.messages.count {
                    cleaned.messages[index].content = result
                } else {
                    cleaned.rejected = result
                }
            }
            redactors[example.provenance.source] = redactor
            outcome.examples.append(cleaned)
        }
        outcome.privacy.findings = findings
        outcome.privacy.redacted = redacted.isEmpty ? nil : redacted
        outcome.privacy.droppedExamples = droppedByType.isEmpty ? nil : droppedByType
        let reasons = outcome.dropped.reduce(into: [String: Int]()) { $0[$1.reason.rawValue, default: 0] += 1 }
        outcome.privacy.droppedByReason = reasons.isEmpty ? nil : reasons
        return outcome
    }
}
