/// One converted document as the manifest records it.
public struct DocumentSummary: Sendable, Hashable, Codable {
    public var source: String
    public var document: String
    public var format: DocumentFormat
    public var title: String?
    public var pages: Int
    public var passages: Int
    public var labelledPassages: Int
    public var definitions: Int
    public var examples: Int
    public var ungrounded: Int
    public var warnings: [String]
    public var metadata: [String: String]

    public init(_ processed: ProcessedDocument) {
        source = processed.source
        document = processed.documentID
        format = processed.format ?? .text
        title = processed.title
        pages = processed.pages
        passages = processed.passages
        labelledPassages = processed.labelledPassages
        definitions = processed.definitions
        examples = processed.examples.count
        ungrounded = processed.ungrounded
        warnings = processed.warnings
        metadata = processed.metadata
    }
}

/// What the per-document stages produced for a set of inputs: the examples in input order, the
/// documents converted and the inputs skipped. This is also what a `--shard` run writes for `merge`.
public struct CollectedExamples: Sendable, Codable {
    public var inputsSeen: Int
    public var documents: [DocumentSummary]
    public var skipped: [SkippedInput]
    public var examples: [Example]

    public init(inputsSeen: Int = 0, documents: [DocumentSummary] = [], skipped: [SkippedInput] = [], examples: [Example] = []) {
        self.inputsSeen = inputsSeen
        self.documents = documents
        self.skipped = skipped
        self.examples = examples
    }

    /// Joins the collections of several shards, keeping a deterministic order (by source path).
    public static func merged(_ parts: [CollectedExamples]) -> CollectedExamples {
        var result = CollectedExamples()
        for part in parts {
            result.inputsSeen += part.inputsSeen
            result.documents += part.documents
            result.skipped += part.skipped
            result.examples += part.examples
        }
        result.documents.sort { $0.source < $1.source }
        result.skipped.sort { ($0.path, $0.reason) < ($1.path, $1.reason) }
        result.examples.sort {
            ($0.provenance.source, $0.provenance.passageIndex) < ($1.provenance.source, $1.provenance.passageIndex)
        }
        return result
    }
}

/// Runs the per-document stages over files on `jobs` threads, reporting progress as documents finish.
public enum ExampleCollector {
    public static func collect(
        _ files: [SourceFile], skipped: [SkippedInput], processor: DocumentProcessor, jobs: Int, progress: ProgressReporter
    ) -> CollectedExamples {
        for input in skipped { progress.fileSkipped(input.path, reason: input.message) }
        let processed = ParallelWork.map(count: files.count, jobs: jobs) { index in
            processor.process(files[index])
        } completed: { _, document in
            progress.documentFinished(document)
        }
        progress.finish()
        var result = CollectedExamples(inputsSeen: files.count + skipped.count, skipped: skipped)
        for document in processed {
            if let failure = document.failure {
                result.skipped.append(SkippedInput(path: document.source, reason: failure.reasonKey, message: failure.description))
            } else {
                result.documents.append(DocumentSummary(document))
                result.examples += document.examples
            }
        }
        return result
    }
}
