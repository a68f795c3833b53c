/// Names one example in reports: enough to find it again.
public struct ExampleReference: Sendable, Codable, Hashable {
    public var source: String
    public var document: String
    public var passage: Int
    public var template: String
    public var variant: Int

    public init(_ example: Example) {
        self.init(example.provenance)
    }

    public init(_ provenance: Provenance) {
        source = provenance.source
        document = provenance.documentID
        passage = provenance.passageIndex
        template = provenance.template
        variant = provenance.variant
    }

    /// "contracts/a.pdf passage 3 legal-section-qa#1".
    public var description: String { "\(source) passage \(passage) \(template)#\(variant)" }
}

/// Why the Dataset stage dropped an example.
public enum DropReason: String, Sendable, Codable, CaseIterable, Comparable {
    /// Same normalised conversation, or same normalised assistant answer, as a kept example.
    case exactDuplicate = "exact_duplicate"
    /// Estimated Jaccard similarity of the user+assistant text at or above the threshold.
    case nearDuplicate = "near_duplicate"
    /// The document copies an earlier one (most of its answer text is that document's) and this answer
    /// adds nothing the earlier document's kept answers do not hold.
    case documentCopy = "document_copy"
    /// More tokens than the model accepts for one example.
    case overTokenLimit = "over_token_limit"
    /// Removed by a per-document, per-template or per-category cap.
    case balanceCap = "balance_cap"
    /// An included example without an assistant answer (or otherwise unusable).
    case invalidIncluded = "invalid_included"
    /// A generated example without an assistant answer.
    case invalidExample = "invalid_example"
    /// The target cannot hold the record (a system message, several turns, no rejected answer...).
    case targetCannotHold = "target_cannot_hold"
    /// An example holding personal data under `--pii drop` (the detail names the types).
    case personalData = "personal_data"
    /// An example holding a credential under `--secrets drop` (the detail names the types).
    case secret
    /// Quality gate: the answer starts or ends in the middle of a sentence (a cut-out piece).
    case midSentence = "mid_sentence"
    /// Quality gate: the answer is mostly digits, rules and punctuation (a table, a form).
    case mostlyNonLetters = "mostly_non_letters"
    /// Quality gate: the answer is mostly redaction marks ("[*] [*] [*]").
    case redacted = "redacted"
    /// Quality gate: the answer is a signature block (By:, Name:, Title:, signature rules).
    case signatureBlock = "signature_block"
    /// Quality gate: page furniture inside the answer ("Page 33 of 39", confidential legends, file names).
    case furniture = "furniture"
    /// Quality gate: a table of contents (dotted leaders, a column of page numbers).
    case contents = "contents"
    /// Quality gate: a definition that only says where the meaning is given ("has the meaning set forth in Section 6.5").
    case crossReference = "cross_reference_definition"

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// One dropped example, why, and (for duplicates) the kept example it repeats.
public struct DroppedExample: Sendable, Codable, Hashable {
    public var reason: DropReason
    public var example: ExampleReference
    /// Human-readable detail: "answer", "similarity 0.86", "document cap 40 (doc-id)"...
    public var detail: String
    public var duplicateOf: ExampleReference?
    /// The dropped example's conversation, so `dropped.jsonl` and the report show what was dropped.
    ///
    /// `nil` for a drop whose text must not be kept (personal data, a secret: see
    /// ``DropReason/withholdsText``) and in files written before it existed.
    public var messages: [Message]?
}

extension DropReason {
    /// Whether a drop for this reason must not carry the example's text: it was dropped for what the
    /// text holds (personal data, a credential), so only the types found are written.
    public var withholdsText: Bool { self == .personalData || self == .secret }
}

/// How many examples each document, template and category contributes.
public struct Distribution: Sendable, Codable, Hashable {
    /// Examples per source file (the path as given, so the table reads without a lookup).
    public var byDocument: [String: Int] = [:]
    public var byTemplate: [String: Int] = [:]
    public var byCategory: [String: Int] = [:]

    public init() {}

    public init(_ examples: [Example]) {
        self.init(labels: examples.map(ExampleLabel.init))
    }

    public init(labels: [ExampleLabel]) {
        for label in labels { add(label) }
    }

    mutating func add(_ label: ExampleLabel) {
        byDocument[label.provenance.source, default: 0] += 1
        byTemplate[label.provenance.template, default: 0] += 1
        byCategory[label.category ?? "(none)", default: 0] += 1
    }
}

/// Min, max, mean, median and 5th/95th percentiles of a list of counts.
///
/// Percentiles use linear interpolation between closest ranks (numpy's default `quantile`), at the
/// true 0.05 and 0.95 quantiles.
public struct Summary: Sendable, Codable, Hashable {
    public var count: Int
    public var min: Int
    public var max: Int
    public var mean: Double
    public var median: Double
    public var p5: Double
    public var p95: Double

    public init(_ values: [Int]) {
        let sorted = values.sorted()
        count = sorted.count
        min = sorted.first ?? 0
        max = sorted.last ?? 0
        mean = sorted.isEmpty ? 0 : Double(sorted.reduce(0, +)) / Double(sorted.count)
        median = Self.quantile(sorted, 0.5)
        p5 = Self.quantile(sorted, 0.05)
        p95 = Self.quantile(sorted, 0.95)
    }

    /// The q-quantile of sorted values by linear interpolation (numpy "linear").
    public static func quantile(_ sorted: [Int], _ q: Double) -> Double {
        guard !sorted.isEmpty else { return 0 }
        let position = q * Double(sorted.count - 1)
        let lower = Int(position.rounded(.down))
        let upper = Swift.min(lower + 1, sorted.count - 1)
        let fraction = position - Double(lower)
        return Double(sorted[lower]) + (Double(sorted[upper]) - Double(sorted[lower])) * fraction
    }
}

/// What the Dataset stage did: counts at each step, every drop with its reason, distributions,
/// token statistics and the cost estimate.
public struct DatasetReport: Sendable, Codable {
    public var generatedIn: Int = 0
    public var includedIn: Int = 0
    public var examplesIn: Int { generatedIn + includedIn }
    public var dropped: [DroppedExample] = []
    public var before = Distribution()
    public var after = Distribution()
    public var trainExamples: Int = 0
    public var validationExamples: Int = 0
    public var trainDocuments: Int = 0
    public var validationDocuments: Int = 0
    /// Tokens per training example as OpenAI counts a conversation.
    public var trainTokens = Summary([])
    /// Tokens of the assistant messages per training example.
    public var trainAssistantTokens = Summary([])
    public var tokenLimit: Int = 0
    public var estimate = TrainingEstimate(tokenCounts: [], limit: 0)
    public var warnings: [String] = []
    /// Documents whose examples repeat another document's answers: copies and near-copies of a file.
    public var copies: [DocumentCopy] = []
    /// Whether encoding includes every drop; `convert` turns this off for the manifest and writes
    /// the list to `dropped.jsonl` instead, which can be far larger than everything else.
    public var encodesDropList = true

    /// How many drops of each reason keep their conversation.
    ///
    /// A folder holding ten copies of
    /// every contract drops tens of thousands of exact duplicates: keeping all their text made
    /// `dropped.jsonl` eighteen times the size of `train.jsonl` and the run's peak memory nine
    /// times that of one copy, for drops no one reads past the first few thousand.
    public static let conversationsKeptPerReason = 2_000

    /// Drops recorded per reason so far, for ``conversationsKeptPerReason``.
    private var recordedByReason: [DropReason: Int] = [:]

    public init() {}

    /// Adds `drop` to ``dropped``; past ``conversationsKeptPerReason`` drops of its reason, without
    /// its conversation, saying so in its detail.
    public mutating func record(_ drop: DroppedExample) {
        let recorded = recordedByReason[drop.reason, default: 0]
        recordedByReason[drop.reason] = recorded + 1
        guard recorded >= Self.conversationsKeptPerReason, drop.messages != nil else {
            dropped.append(drop)
            return
        }
        var trimmed = drop
        trimmed.messages = nil
        trimmed.detail +=
            "; conversation not kept (each reason keeps its first \(Self.conversationsKeptPerReason))"
        dropped.append(trimmed)
    }

    /// Number of drops per reason.
    public var droppedCounts: [DropReason: Int] {
        dropped.reduce(into: [:]) { $0[$1.reason, default: 0] += 1 }
    }

    private enum CodingKeys: String, CodingKey {
        case generatedIn, includedIn, examplesIn, droppedCounts, dropped, before, after
        case trainExamples, validationExamples, trainDocuments, validationDocuments
        case trainTokens, trainAssistantTokens, tokenLimit, estimate, warnings, copies
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(generatedIn, forKey: .generatedIn)
        try c.encode(includedIn, forKey: .includedIn)
        try c.encode(examplesIn, forKey: .examplesIn)
        let counts = Dictionary(uniqueKeysWithValues: droppedCounts.map { ($0.key.rawValue, $0.value) })
        try c.encode(counts, forKey: .droppedCounts)
        if encodesDropList { try c.encode(dropped, forKey: .dropped) }
        try c.encode(before, forKey: .before)
        try c.encode(after, forKey: .after)
        try c.encode(trainExamples, forKey: .trainExamples)
        try c.encode(validationExamples, forKey: .validationExamples)
        try c.encode(trainDocuments, forKey: .trainDocuments)
        try c.encode(validationDocuments, forKey: .validationDocuments)
        try c.encode(trainTokens, forKey: .trainTokens)
        try c.encode(trainAssistantTokens, forKey: .trainAssistantTokens)
        try c.encode(tokenLimit, forKey: .tokenLimit)
        try c.encode(estimate, forKey: .estimate)
        try c.encode(warnings, forKey: .warnings)
        try c.encode(copies, forKey: .copies)
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        generatedIn = try c.decode(Int.self, forKey: .generatedIn)
        includedIn = try c.decode(Int.self, forKey: .includedIn)
        dropped = try c.decodeIfPresent([DroppedExample].self, forKey: .dropped) ?? []
        before = try c.decode(Distribution.self, forKey: .before)
        after = try c.decode(Distribution.self, forKey: .after)
        trainExamples = try c.decode(Int.self, forKey: .trainExamples)
        validationExamples = try c.decode(Int.self, forKey: .validationExamples)
        trainDocuments = try c.decode(Int.self, forKey: .trainDocuments)
        validationDocuments = try c.decode(Int.self, forKey: .validationDocuments)
        trainTokens = try c.decode(Summary.self, forKey: .trainTokens)
        trainAssistantTokens = try c.decode(Summary.self, forKey: .trainAssistantTokens)
        tokenLimit = try c.decode(Int.self, forKey: .tokenLimit)
        estimate = try c.decode(TrainingEstimate.self, forKey: .estimate)
        warnings = try c.decode([String].self, forKey: .warnings)
        copies = try c.decodeIfPresent([DocumentCopy].self, forKey: .copies) ?? []
    }

    /// A few lines for the command line: examples in and out, drops by reason, warnings.
    public func summaryText() -> String {
        var lines = ["examples in: \(examplesIn) (\(generatedIn) generated, \(includedIn) included)"]
        for (reason, count) in droppedCounts.sorted(by: { $0.key < $1.key }) {
            lines.append("dropped \(reason.rawValue): \(count)")
        }
        lines.append(
            "train: \(trainExamples) examples from \(trainDocuments) documents; validation: \(validationExamples) examples from \(validationDocuments) documents"
        )
        lines.append(
            "estimated training: \(estimate.epochs) epochs × \(estimate.tokensPerEpoch) tokens = \(estimate.billedTokens) billed tokens"
        )
        for copy in copies { lines.append(copy.description) }
        lines += warnings.map { "warning: \($0)" }
        return lines.joined(separator: "\n")
    }

    /// The before/after distribution as a small text table for the command line.
    ///
    /// One section per dimension (document, template, category), rows sorted by count before
    /// (descending) then name, at most `limit` rows per section with the rest summed in "(others)".
    public func distributionTable(limit: Int = 10) -> String {
        var lines: [String] = []
        let sections: [(String, [String: Int], [String: Int])] = [
            ("document", before.byDocument, after.byDocument),
            ("template", before.byTemplate, after.byTemplate),
            ("category", before.byCategory, after.byCategory),
        ]
        for (title, beforeCounts, afterCounts) in sections {
            let names = beforeCounts.keys.sorted {
                (beforeCounts[$0] ?? 0, $1) > (beforeCounts[$1] ?? 0, $0)
            }
            var rows: [(String, Int, Int)] = names.prefix(limit).map {
                ($0, beforeCounts[$0] ?? 0, afterCounts[$0] ?? 0)
            }
            if names.count > limit {
                let rest = names.dropFirst(limit)
                rows.append(
                    (
                        "(\(rest.count) others)", rest.reduce(0) { $0 + (beforeCounts[$1] ?? 0) },
                        rest.reduce(0) { $0 + (afterCounts[$1] ?? 0) }
                    ))
            }
            let width = max(title.count, rows.map { $0.0.count }.max() ?? 0)
            lines.append(title.padding(toLength: width) + "  before   after")
            for (name, b, a) in rows {
                lines.append(
                    name.padding(toLength: width) + "  " + String(b).leftPadded(6) + "  " + String(a).leftPadded(6))
            }
            lines.append("")
        }
        return lines.joined(separator: "\n")
    }
}

extension String {
    fileprivate func padding(toLength length: Int) -> String {
        count >= length ? self : self + String(repeating: " ", count: length - count)
    }

    fileprivate func leftPadded(_ length: Int) -> String {
        count >= length ? self : String(repeating: " ", count: length - count) + self
    }
}
