import Foundation

/// What the privacy stage found in one document and did about it.
public struct DocumentPrivacy: Sendable, Hashable, Codable {
    /// Findings in the document's text, by type (the same in every mode).
    public var findings: [String: Int] = [:]
    /// Of those, the types replaced by placeholders, by type.
    public var redacted: [String: Int]?
    /// Examples not written because they held personal data or a credential, by type (an example
    /// holding two types counts under each).
    public var droppedExamples: [String: Int]?
    /// The same examples by drop reason (`personal_data`, `secret`), each counted once.
    public var droppedByReason: [String: Int]?

    public init() {}

    var isEmpty: Bool { findings.isEmpty && droppedExamples == nil }
}

/// The Privacy stage, between chunking and templating: finds personal data and secrets in a
/// document, redacts them in the passages and in the text the groundedness check reads, and
/// after templating drops the examples that must not be written.
public struct PrivacyStage: Sendable {
    public var options: PrivacyOptions
    public var registry: DetectorRegistry

    public init(options: PrivacyOptions = PrivacyOptions(), registry: DetectorRegistry = .standard) {
        self.options = options
        self.registry = registry
    }

    /// A document and its passages after redaction, and what was found.
    public struct Outcome: Sendable {
        public var document: Document
        public var passages: [Passage]
        public var privacy: DocumentPrivacy
        /// Indices of passages whose text changed (their token counts were taken before).
        public var changedPassages: Set<Int>
        /// The examples ``screen(_:outcome:)`` dropped, naming the types found, never the values.
        public var dropped: [DroppedExample] = []
        /// Types found, for ``screen(_:outcome:)``.
        var foundTypes: Set<FindingType>
    }

    /// Finds every value in the document's blocks; in redact modes rewrites the blocks, the
    /// passages, headings, title and metadata with placeholders stable within the document.
    public func apply(document: Document, passages: [Passage]) -> Outcome {
        let joined = document.blocks.map(\.text).joined(separator: Self.blockSeparator)
        let found = registry.findings(in: joined)
        var outcome = Outcome(
            document: document, passages: passages, privacy: DocumentPrivacy(), changedPassages: [],
            foundTypes: Set(found.map(\.type)))
        for finding in found { outcome.privacy.findings[finding.type.rawValue, default: 0] += 1 }
        // Every type the options redact, not only those found in the blocks: a heading or a
        // passage joined from several blocks can hold a value no single block shows whole.
        let redacting = Set(FindingType.allCases.filter(options.redacts))
        guard !redacting.isEmpty else { return outcome }

        var redacted: [String: Int] = [:]
        for finding in found where redacting.contains(finding.type) { redacted[finding.type.rawValue, default: 0] += 1 }
        outcome.privacy.redacted = redacted.isEmpty ? nil : redacted
        let detectors = registry.restricted(to: redacting)
        var redactor = Redactor(style: options.redactStyle)
        // Headings and breadcrumbs repeat from passage to passage: each is cleaned once.
        var cleaned: [String: String] = [:]
        func clean(_ text: String) -> String {
            if let known = cleaned[text] { return known }
            let findings = detectors.findings(in: text).filter { redacting.contains($0.type) }
            let result = redactor.redact(text, findings: findings)
            cleaned[text] = result
            return result
        }
        // Blocks: the joined text's findings, so numbering follows the document's order.
        let redactedJoined = redactor.redact(joined, findings: found.filter { redacting.contains($0.type) })
        let parts = redactedJoined.components(separatedBy: Self.blockSeparator)
        for index in outcome.document.blocks.indices {
            // A value that ran across two blocks swallowed their separator: fall back to each block alone.
            outcome.document.blocks[index].text =
                parts.count == document.blocks.count ? parts[index] : clean(document.blocks[index].text)
        }
        outcome.document.title = outcome.document.title.map(clean)
        outcome.document.metadata = outcome.document.metadata.mapValues(clean)
        for index in outcome.passages.indices {
            var passage = outcome.passages[index]
            let text = clean(passage.text)
            if text != passage.text { outcome.changedPassages.insert(passage.index) }
            passage.text = text
            passage.heading = passage.heading.map(clean)
            passage.label = passage.label.map(clean)
            passage.sectionPath = passage.sectionPath.map(clean)
            outcome.passages[index] = passage
        }
        return outcome
    }

    /// Splits `examples` into those that may be written and those dropped because they hold a
    /// type the options drop (searched only when the document held such a type).
    public func screen(_ examples: [Example], outcome: inout Outcome) -> [Example] {
        let dropping = outcome.foundTypes.filter(options.drops)
        guard !dropping.isEmpty else { return examples }
        let detectors = registry.restricted(to: dropping)
        var kept: [Example] = []
        var counts = outcome.privacy.droppedExamples ?? [:]
        for example in examples {
            let text = example.messages.map(\.content).joined(separator: "\n")
            let types = Set(detectors.findings(in: text).map(\.type)).intersection(dropping)
            if types.isEmpty {
                kept.append(example)
                continue
            }
            let secret = types.contains(where: \.isSecret)
            for type in types { counts[type.rawValue, default: 0] += 1 }
            outcome.dropped.append(
                DroppedExample(
                    reason: secret ? .secret : .personalData, example: ExampleReference(example),
                    detail: types.map(\.rawValue).sorted().joined(separator: ", "), duplicateOf: nil))
        }
        outcome.privacy.droppedExamples = counts.isEmpty ? nil : counts
        let reasons = outcome.dropped.reduce(into: [String: Int]()) { $0[$1.reason.rawValue, default: 0] += 1 }
        outcome.privacy.droppedByReason = reasons.isEmpty ? nil : reasons
        return kept
    }

    /// Between blocks in the text scanned as a whole: a line break (so multi-line values such as
    /// key blocks are seen) and a control character no extracted text contains.
    static let blockSeparator = "\n\u{1E}"
}
