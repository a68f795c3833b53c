internal import Foundation
internal import Tokenizer

/// The examples that survived the Dataset stage, split, with the report of what happened.
///
/// It holds positions into the examples it was built from, not copies, so a large dataset is read
/// from its collection (possibly on disk) only when it is written.
public struct BuiltDataset: Sendable {
    /// Positions of the training examples in ``examples``, in output order.
    public var trainIndices: [Int]
    /// Positions of the validation examples in ``examples``, in output order.
    public var validationIndices: [Int]
    /// Every example the dataset was built from (included first, then generated).
    public var examples: any ExampleCollection
    public var report: DatasetReport
    /// The record shape the dataset is written as.
    public var shape: RecordShape
    /// The target whose layout the files follow.
    public var target: any OutputFormat

    public init(
        train: [Example], validation: [Example], report: DatasetReport, shape: RecordShape = .chat,
        target: any OutputFormat = OpenAITarget()
    ) {
        self.examples = train + validation
        self.trainIndices = Array(train.indices)
        self.validationIndices = Array(train.count..<(train.count + validation.count))
        self.report = report
        self.shape = shape
        self.target = target
    }

    init(
        examples: any ExampleCollection, trainIndices: [Int], validationIndices: [Int], report: DatasetReport,
        shape: RecordShape, target: any OutputFormat
    ) {
        self.examples = examples
        self.trainIndices = trainIndices
        self.validationIndices = validationIndices
        self.report = report
        self.shape = shape
        self.target = target
    }

    /// The training examples (read from the collection; for inspection and tests).
    public var train: [Example] { trainIndices.map(examples.example(at:)) }
    /// The validation examples (read from the collection; for inspection and tests).
    public var validation: [Example] { validationIndices.map(examples.example(at:)) }
}

/// The Dataset stage: validity and token limit → exact duplicates → near-duplicates → quality gate →
/// what copies of documents repeat → balance → split.
///
/// Every step is deterministic. Examples are first put in a canonical order — included examples
/// first (so an included copy wins over a generated one), then by source, passage, template, variant —
/// and whenever two examples collide the earlier one in that order is kept. Output files keep that
/// order too. Only labels, token counts, hashes and MinHash signatures are held per example; the
/// messages are read from the collection when a step needs them.
struct DatasetBuilder: Sendable {
    var configuration: DatasetConfiguration
    /// Threads for the per-example work (token counts, hashes, signatures); the result does not
    /// depend on it.
    var jobs: Int
    /// Remembers token counts across the run's stages (set by ``DatasetRun``).
    var tokenCounts: TokenCountMemo?

    /// `jobs` defaults to every core.
    init(configuration: DatasetConfiguration, jobs: Int? = nil) {
        self.configuration = configuration
        self.jobs = ParallelWork.jobs(jobs)
    }

    /// Builds the dataset from the generated examples and the user's included ones.
    func build(generated: [Example], included: [Example]) -> BuiltDataset {
        build(generated: generated as any ExampleCollection, included: included)
    }

    /// Builds the dataset from generated examples read by position (for example from an ``ExampleStore``).
    func build(generated: any ExampleCollection, included: [Example]) -> BuiltDataset {
        var report = DatasetReport()
        report.generatedIn = generated.count
        report.includedIn = included.count
        let combined = CombinedExamples(included: included, generated: generated)
        let labels = (0..<combined.count).map(combined.label(at:))
        let target = configuration.outputTarget
        let shape = configuration.format
        // With --hard-negatives each generated example gets another passage's answer as its rejected one.
        let all: any ExampleCollection =
            configuration.hardNegatives
            ? HardNegativeExamples(base: combined, labels: labels, isIncluded: combined.isIncluded) : combined
        report.before = Distribution(labels: labels)

        let order = labels.indices.sorted { a, b in
            let pa = labels[a].provenance, pb = labels[b].provenance
            let ka = (combined.isIncluded(a) ? 0 : 1, pa.source, pa.passageIndex, pa.template, pa.variant, a)
            let kb = (combined.isIncluded(b) ? 0 : 1, pb.source, pb.passageIndex, pb.template, pb.variant, b)
            return ka < kb
        }

        // 1. Usable and within the model's token limit.
        let memo = tokenCounts ?? TokenCountMemo(encoding: ModelLimits.encoding(forModel: configuration.model))
        let limit = target.tokenLimit(forModel: configuration.model) ?? .max
        report.tokenLimit = limit == .max ? 0 : limit
        // --tokenizer: the target's own byte-level BPE, with its chat template when known.
        let ownTokenizer = configuration.tokenizerFile.flatMap {
            try? target.tokenCounter(file: URL(fileURLWithPath: $0), model: configuration.model)
        }
        var tokens = [Int](repeating: 0, count: all.count)
        var assistantTokens = [Int](repeating: 0, count: all.count)
        var survivors: [Int] = []
        let counted = all  // read from several threads: the collections are safe for concurrent reads
        ParallelWork.forEachInOrder(count: order.count, jobs: jobs) {
            position -> Result<(tokens: Int, assistant: Int), UsabilityProblem> in
            let example = counted.example(at: order[position])
            guard example.messages.contains(where: { $0.role == .assistant && !$0.content.isBlank }) else {
                return .failure(.noAnswer)
            }
            if let reason = target.refusal(for: example, shape: shape) { return .failure(.refused(reason)) }
            var counts = memo.billedTokens(example.messages.map(\.chatTurn))
            if let ownTokenizer { counts = ownTokenizer.counts(example.messages) }
            if shape == .preference, let rejected = example.rejected {
                if rejected == example.promptAndAnswer.answer {
                    return .failure(.refused("rejected answer equals the preferred one"))
                }
                counts.tokens += ownTokenizer?.countAssistant(rejected) ?? memo.count(rejected)
            }
            return .success(counts)
        } consume: { position, result in
            let index = order[position]
            let counts: (tokens: Int, assistant: Int)
            switch result {
            case .success(let value):
                counts = value
            case .failure(.noAnswer):
                report.record(
                    DroppedExample(
                        reason: combined.isIncluded(index) ? .invalidIncluded : .invalidExample,
                        example: ExampleReference(all.example(at: index)), detail: "no assistant answer",
                        messages: all.example(at: index).messages))
                return
            case .failure(.refused(let reason)):
                report.record(
                    DroppedExample(
                        reason: .targetCannotHold, example: ExampleReference(labels[index].provenance), detail: reason,
                        messages: all.example(at: index).messages))
                return
            }
            tokens[index] = counts.tokens
            assistantTokens[index] = counts.assistant
            if tokens[index] > limit {
                report.record(
                    DroppedExample(
                        reason: .overTokenLimit, example: ExampleReference(all.example(at: index)),
                        detail:
                            "\(tokens[index]) tokens > \(limit) for \(target.rules.tokensAreExact ? configuration.model : target.name)",
                        messages: all.example(at: index).messages))
                return
            }
            survivors.append(index)
        }

        // 2. Exact duplicates on 128-bit hashes of the folded text.
        // Preference records are duplicates only when the prompt and both answers repeat.
        let exact = ExactDuplicateFilter(
            includeAnswers: configuration.deduplicateAnswers && shape != .preference,
            phrasingsPerPassage: configuration.phrasings)
        let exactMatches = exact.matches(count: survivors.count, jobs: jobs) { [survivors] in
            counted.example(at: survivors[$0])
        }
        for match in exactMatches {
            report.record(
                DroppedExample(
                    reason: .exactDuplicate, example: ExampleReference(labels[survivors[match.index]].provenance),
                    detail: match.kind.rawValue,
                    duplicateOf: ExampleReference(labels[survivors[match.original]].provenance),
                    messages: all.example(at: survivors[match.index]).messages))
        }
        let exactDropped = Set(exactMatches.map(\.index))
        let afterExact = survivors.enumerated().filter { !exactDropped.contains($0.offset) }.map(\.element)

        // 3. Near-duplicates on the user + assistant text, compared within each template (plus the
        //    included examples, which are compared with everything): several templates over one
        //    passage share its text on purpose; one template over near-identical passages does not.
        let near = NearDuplicateFilter(threshold: configuration.nearDuplicateThreshold, jobs: jobs)
        let includedPositions = afterExact.indices.filter { combined.isIncluded(afterExact[$0]) }
        let includedSet = Set(includedPositions)
        let byTemplate = Dictionary(grouping: afterExact.indices.filter { !includedSet.contains($0) }) {
            labels[afterExact[$0]].provenance.template
        }
        // Positions stay in canonical order, so the earlier example of a pair is the one kept.
        let groups =
            byTemplate.isEmpty
            ? [includedPositions]
            : byTemplate.keys.sorted().map { (includedPositions + (byTemplate[$0] ?? [])).sorted() }
        var nearDropped = Set<Int>()
        for members in groups where members.count > 1 {
            let matches = near.matches(count: members.count) {
                all.example(at: afterExact[members[$0]]).nearDuplicateText
            }
            for match in matches where nearDropped.insert(members[match.index]).inserted {
                report.record(
                    DroppedExample(
                        reason: .nearDuplicate,
                        example: ExampleReference(labels[afterExact[members[match.index]]].provenance),
                        detail: "similarity \(String(format2: match.similarity))",
                        duplicateOf: ExampleReference(labels[afterExact[members[match.original]]].provenance),
                        messages: all.example(at: afterExact[members[match.index]]).messages))
            }
        }
        let afterNear = afterExact.enumerated().filter { !nearDropped.contains($0.offset) }.map(\.element)

        // 4. Quality gate on generated answers (fragments, figures, furniture, signature blocks...).
        let afterGate = QualityGate().filter(afterNear, jobs: jobs, isIncluded: combined.isIncluded) {
            counted.example(at: $0)
        } dropped: { index, verdict in
            report.record(
                DroppedExample(
                    reason: verdict.verdict.reason, example: ExampleReference(labels[index].provenance),
                    detail: verdict.detail, messages: counted.example(at: index).messages))
        }

        // 5. What a copy of an earlier document repeats of it (after the gate, so the original's
        //    answers are the ones that will be kept).
        var copiedFrom: [(source: String, of: String)] = []
        var afterCopies = afterGate
        if configuration.deduplicateAnswers {
            let generated = afterGate.filter { !combined.isIncluded($0) }
            let copyMatches = DocumentCopyFilter(jobs: jobs).matches(count: generated.count) {
                labels[generated[$0]].provenance.source
            } answer: { [generated] in
                counted.example(at: generated[$0]).assistantText
            }
            for match in copyMatches {
                let index = generated[match.index]
                report.record(
                    DroppedExample(
                        reason: .documentCopy, example: ExampleReference(labels[index].provenance),
                        detail: "\(Int((match.share * 100).rounded()))% of its answer is in \(match.original)",
                        messages: counted.example(at: index).messages))
                copiedFrom.append((labels[index].provenance.source, match.original))
            }
            let copied = Set(copyMatches.map { generated[$0.index] })
            afterCopies = afterGate.filter { !copied.contains($0) }
        }
        report.copies = DocumentCopies.find(
            duplicates: report.dropped.compactMap { drop in
                guard drop.reason == .exactDuplicate || drop.reason == .nearDuplicate, let kept = drop.duplicateOf,
                    kept.template != IncludedExamples.templateName
                else { return nil }
                return (drop.example.source, kept.source)
            } + copiedFrom,
            usable: survivors.reduce(into: [:]) { $0[labels[$1].provenance.source, default: 0] += 1 })

        // 6. Balance.
        let balancer = DatasetBalancer(configuration: configuration)
        let balanced = balancer.balance(afterCopies, labels: labels)
        for drop in balanced.dropped {
            report.record(
                DroppedExample(
                    reason: .balanceCap, example: ExampleReference(labels[drop.index].provenance), detail: drop.detail,
                    messages: all.example(at: drop.index).messages))
        }

        // 7. Split by document.
        let splitter = DocumentSplitter(fraction: configuration.validationFraction, seed: configuration.seed)
        let split = splitter.split(balanced.kept, labels: labels, isIncluded: combined.isIncluded)
        report.warnings += split.warnings

        report.after = Distribution(labels: (split.train + split.validation).map { labels[$0] })
        report.trainExamples = split.train.count
        report.validationExamples = split.validation.count
        report.trainDocuments = Set(split.train.map { labels[$0].provenance.documentID }).count
        report.validationDocuments = Set(split.validation.map { labels[$0].provenance.documentID }).count
        let trainTokens = split.train.map { tokens[$0] }
        report.trainTokens = Summary(trainTokens)
        report.trainAssistantTokens = Summary(split.train.map { assistantTokens[$0] })
        report.estimate = TrainingEstimate(tokenCounts: trainTokens, limit: limit)
        if let minimum = target.rules.minimumExamples, split.train.count < minimum {
            report.warnings.append(
                "only \(split.train.count) training examples: \(target.provider) requires at least \(minimum)"
            )
        }
        return BuiltDataset(
            examples: all, trainIndices: split.train, validationIndices: split.validation, report: report,
            shape: shape, target: target)
    }
}

/// Why an example cannot be used at all.
enum UsabilityProblem: Error {
    case noAnswer
    /// The target cannot hold the record; the reason says why.
    case refused(String)
}

extension Message {
    /// The message as the tokenizer's chat accounting sees it.
    var chatTurn: ChatTurn { ChatTurn(role: role.rawValue, content: content, name: name) }
}

extension Example {
    /// The assistant turns' text: what a copy of a document would repeat.
    var assistantText: String {
        messages.filter { $0.role == .assistant }.map(\.content).joined(separator: "\n")
    }

    /// The text near-duplicates are judged on: user and assistant contents (not the system prompt,
    /// which templates share and which would make every pair look alike).
    var nearDuplicateText: String {
        let text = messages.filter { $0.role != .system }.map(\.content).joined(separator: "\n")
        return rejected.map { text + "\n" + $0 } ?? text
    }
}

extension String {
    var isBlank: Bool { allSatisfy(\.isWhitespace) }

    init(format2 value: Double) {
        let hundredths = Int((value * 100).rounded())
        self = "\(hundredths / 100).\(hundredths % 100 < 10 ? "0" : "")\(hundredths % 100)"
    }
}
