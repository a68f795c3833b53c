internal import Tokenizer

/// The examples that survived the Dataset stage, split, with the report of what happened.
public struct BuiltDataset: Sendable {
    public var train: [Example]
    public var validation: [Example]
    public var report: DatasetReport
    /// The layout the dataset is to be written in.
    public var format: OutputFormat

    public init(train: [Example], validation: [Example], report: DatasetReport, format: OutputFormat = .chat) {
        self.train = train
        self.validation = validation
        self.report = report
        self.format = format
    }
}

/// The Dataset stage: validity and token limit → exact duplicates → near-duplicates → balance → split.
///
/// Every step is deterministic. Examples are first put in a canonical order — included examples
/// first (so an included copy wins over a generated one), then by source, passage, template, variant —
/// and whenever two examples collide the earlier one in that order is kept. Output files keep that
/// order too.
public struct DatasetBuilder: Sendable {
    public var configuration: DatasetConfiguration

    public init(configuration: DatasetConfiguration) {
        self.configuration = configuration
    }

    /// Builds the dataset from the generated examples and the user's included ones.
    public func build(generated: [Example], included: [Example]) -> BuiltDataset {
        var report = DatasetReport()
        report.generatedIn = generated.count
        report.includedIn = included.count
        let all = included + generated
        let isIncluded = { (index: Int) in index < included.count }
        report.before = Distribution(all)

        let order = all.indices.sorted { a, b in
            let pa = all[a].provenance, pb = all[b].provenance
            let ka = (isIncluded(a) ? 0 : 1, pa.source, pa.passageIndex, pa.template, pa.variant, a)
            let kb = (isIncluded(b) ? 0 : 1, pb.source, pb.passageIndex, pb.template, pb.variant, b)
            return ka < kb
        }

        // 1. Usable and within the model's token limit.
        let encoding = ModelLimits.encoding(forModel: configuration.model)
        let limit = ModelLimits.tokenLimit(forModel: configuration.model)
        report.tokenLimit = limit
        var tokens = [Int](repeating: 0, count: all.count)
        var survivors: [Int] = []
        for index in order {
            let example = all[index]
            guard example.messages.contains(where: { $0.role == .assistant && !$0.content.isBlank }) else {
                report.dropped.append(DroppedExample(
                    reason: isIncluded(index) ? .invalidIncluded : .invalidExample,
                    example: ExampleReference(example), detail: "no assistant answer"))
                continue
            }
            tokens[index] = encoding.chatTokenCount(example.messages.map(\.chatTurn))
            if tokens[index] > limit {
                report.dropped.append(DroppedExample(
                    reason: .overTokenLimit, example: ExampleReference(example),
                    detail: "\(tokens[index]) tokens > \(limit) for \(configuration.model)"))
                continue
            }
            survivors.append(index)
        }

        // 2. Exact duplicates on 128-bit hashes of the folded text.
        let exact = ExactDuplicateFilter(includeAnswers: configuration.deduplicateAnswers)
        var afterExact: [Int] = []
        let exactMatches = exact.matches(in: survivors.map { all[$0] })
        for match in exactMatches {
            report.dropped.append(DroppedExample(
                reason: .exactDuplicate, example: ExampleReference(all[survivors[match.index]]),
                detail: match.kind.rawValue, duplicateOf: ExampleReference(all[survivors[match.original]])))
        }
        let exactDropped = Set(exactMatches.map(\.index))
        for (position, index) in survivors.enumerated() where !exactDropped.contains(position) {
            afterExact.append(index)
        }

        // 3. Near-duplicates on the user + assistant text, compared within each template (plus the
        //    included examples, which are compared with everything): several templates over one
        //    passage share its text on purpose; one template over near-identical passages does not.
        let near = NearDuplicateFilter(threshold: configuration.nearDuplicateThreshold)
        let candidates = afterExact.map { all[$0] }
        let includedPositions = candidates.indices.filter { candidates[$0].provenance.template == IncludedExamples.templateName }
        let includedSet = Set(includedPositions)
        let byTemplate = Dictionary(grouping: candidates.indices.filter { !includedSet.contains($0) }) {
            candidates[$0].provenance.template
        }
        // Positions stay in canonical order, so the earlier example of a pair is the one kept.
        let groups = byTemplate.isEmpty
            ? [includedPositions] : byTemplate.keys.sorted().map { (includedPositions + (byTemplate[$0] ?? [])).sorted() }
        var nearDropped = Set<Int>()
        for members in groups where members.count > 1 {
            let matches = near.matches(count: members.count) { candidates[members[$0]].nearDuplicateText }
            for match in matches where nearDropped.insert(members[match.index]).inserted {
                report.dropped.append(DroppedExample(
                    reason: .nearDuplicate, example: ExampleReference(candidates[members[match.index]]),
                    detail: "similarity \(String(format2: match.similarity))",
                    duplicateOf: ExampleReference(candidates[members[match.original]])))
            }
        }
        let afterNear = afterExact.enumerated().filter { !nearDropped.contains($0.offset) }.map(\.element)

        // 4. Balance.
        let balancer = DatasetBalancer(configuration: configuration)
        let balanced = balancer.balance(afterNear, examples: all)
        for drop in balanced.dropped {
            report.dropped.append(DroppedExample(
                reason: .balanceCap, example: ExampleReference(all[drop.index]), detail: drop.detail))
        }

        // 5. Split by document.
        let splitter = DocumentSplitter(fraction: configuration.validationFraction, seed: configuration.seed)
        let split = splitter.split(balanced.kept, examples: all, isIncluded: isIncluded)
        report.warnings += split.warnings
        let train = split.train.map { all[$0] }
        let validation = split.validation.map { all[$0] }

        report.after = Distribution(train + validation)
        report.trainExamples = train.count
        report.validationExamples = validation.count
        report.trainDocuments = Set(train.map(\.provenance.documentID)).count
        report.validationDocuments = Set(validation.map(\.provenance.documentID)).count
        let trainTokens = split.train.map { tokens[$0] }
        report.trainTokens = Summary(trainTokens)
        report.trainAssistantTokens = Summary(train.map { example in
            example.messages.filter { $0.role == .assistant }.reduce(0) { $0 + encoding.count($1.content) }
        })
        report.estimate = TrainingEstimate(tokenCounts: trainTokens, limit: limit)
        if train.count < DatasetValidator.minimumExamples {
            report.warnings.append(
                "only \(train.count) training examples: OpenAI requires at least \(DatasetValidator.minimumExamples)")
        }
        return BuiltDataset(train: train, validation: validation, report: report, format: configuration.format)
    }
}

extension Message {
    /// The message as the tokenizer's chat accounting sees it.
    var chatTurn: ChatTurn { ChatTurn(role: role.rawValue, content: content, name: name) }
}

extension Example {
    /// The text near-duplicates are judged on: user and assistant contents (not the system prompt,
    /// which templates share and which would make every pair look alike).
    var nearDuplicateText: String {
        messages.filter { $0.role != .system }.map(\.content).joined(separator: "\n")
    }
}

extension String {
    var isBlank: Bool { allSatisfy(\.isWhitespace) }

    init(format2 value: Double) {
        let hundredths = Int((value * 100).rounded())
        self = "\(hundredths / 100).\(hundredths % 100 < 10 ? "0" : "")\(hundredths % 100)"
    }
}
