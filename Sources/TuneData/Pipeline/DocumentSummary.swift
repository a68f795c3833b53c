import Foundation

/// One converted document as the manifest records it.
public struct DocumentSummary: Sendable, Hashable, Codable {
    public var source: String
    public var document: String
    public var format: DocumentFormat
    /// Contract, regulation, opinion, policy or other; absent in manifests written before kinds.
    public var kind: DocumentKind?
    public var title: String?
    public var pages: Int
    public var passages: Int
    public var labelledPassages: Int
    public var definitions: Int
    public var examples: Int
    public var ungrounded: Int
    /// Passages given no examples because they are mostly figures or rules (tables of numbers,
    /// dotted leaders); absent when there are none.
    public var figurePassages: Int?
    public var warnings: [String]
    public var metadata: [String: String]
    /// Personal data and secrets found in the document, by type; absent when none.
    public var privacy: DocumentPrivacy?
    /// The pages read with OCR and their confidence; absent when none (and in older manifests).
    public var ocr: DocumentOCR?

    public init(_ processed: ProcessedDocument) {
        source = processed.source
        document = processed.documentID
        format = processed.format ?? .text
        kind = processed.kind
        title = processed.title
        pages = processed.pages
        passages = processed.passages
        labelledPassages = processed.labelledPassages
        definitions = processed.definitions
        examples = processed.exampleCount
        ungrounded = processed.ungrounded
        figurePassages = processed.figurePassages > 0 ? processed.figurePassages : nil
        warnings = processed.warnings
        metadata = processed.metadata
        privacy = processed.privacy
        ocr = processed.ocr
    }
}

/// What the per-document stages produced for a set of inputs: the documents converted, the inputs skipped, and the
/// examples (on disk, in an ``ExampleStore``).
///
/// This is also what a `--shard` run writes for `merge`.
public struct CollectedExamples: Sendable {
    /// Token counts the per-document stages already took (see ``DocumentProcessor``).
    var tokenCounts: TokenCountMemo?
    public var inputsSeen: Int
    public var documents: [DocumentSummary]
    public var skipped: [SkippedInput]
    public var examples: ExampleStore
    /// Examples the privacy stage did not write, for `dropped.jsonl` (a shard's part keeps only
    /// their counts, in ``DocumentSummary/privacy``).
    public var privacyDropped: [DroppedExample] = []

    public init(
        inputsSeen: Int = 0, documents: [DocumentSummary] = [], skipped: [SkippedInput] = [], examples: ExampleStore
    ) {
        self.inputsSeen = inputsSeen
        self.documents = documents
        self.skipped = skipped
        self.examples = examples
    }

    /// Joins the collections of several shards (documents and skips sorted by path; the dataset stage
    /// orders examples itself).
    public static func merged(_ parts: [CollectedExamples]) throws -> CollectedExamples {
        let store = try ExampleStore()
        var result = CollectedExamples(examples: store)
        for part in parts {
            result.inputsSeen += part.inputsSeen
            result.documents += part.documents
            result.skipped += part.skipped
            // In batches: one write per thousand examples, never a whole part in memory.
            for batch in stride(from: 0, to: part.examples.count, by: 1024) {
                store.append((batch..<min(batch + 1024, part.examples.count)).map(part.examples.example(at:)))
            }
        }
        if let error = store.writeError {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: error])
        }
        // The token counts the parts' workers took (what is missing is counted again).
        if let first = parts.lazy.compactMap(\.tokenCounts).first {
            let memo = TokenCountMemo(encoding: first.encoding)
            for part in parts {
                if let counts = part.tokenCounts, counts.encoding === first.encoding { memo.absorb(counts) }
            }
            result.tokenCounts = memo
        }
        result.documents.sort { $0.source < $1.source }
        result.skipped.sort { ($0.path, $0.reason) < ($1.path, $1.reason) }
        return result
    }
}

/// Runs the per-document stages over files on `jobs` threads, reporting progress as documents finish.
public enum ExampleCollector {
    /// Each document's examples go to the store as soon as it is done, so only one document's text
    /// per worker is in memory at a time.
    public static func collect(
        _ files: [SourceFile], skipped: [SkippedInput], processor: DocumentProcessor, jobs: Int,
        progress: ProgressReporter
    ) throws -> CollectedExamples {
        let store = try ExampleStore()
        for input in skipped { progress.fileSkipped(input.path, reason: input.message) }
        // Largest files first, so the last file to finish is a small one and no worker idles at
        // the end waiting for a big one (the store's order does not matter: the dataset stage
        // sorts canonically, and the summaries are put back in path order below).
        let schedule = largestFirst(files)
        let finished = ParallelWork.map(count: files.count, jobs: jobs) { position in
            var document = processor.process(files[schedule[position]])
            store.append(document.examples)
            document.examples = []
            return document
        } completed: { _, document in
            progress.documentFinished(document)
        }
        var processed = finished
        for (position, index) in schedule.enumerated() { processed[index] = finished[position] }
        progress.finish()
        if let error = store.writeError {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: error])
        }
        var result = CollectedExamples(inputsSeen: files.count + skipped.count, skipped: skipped, examples: store)
        result.tokenCounts = processor.tokenCounts
        for document in processed {
            if let failure = document.failure {
                result.skipped.append(
                    SkippedInput(path: document.source, reason: failure.reasonKey, message: failure.description))
            } else {
                result.documents.append(DocumentSummary(document))
                result.privacyDropped += document.privacyDropped
            }
        }
        return result
    }

    /// File indices by decreasing size on disk (ties and unreadable sizes keep path order).
    static func largestFirst(_ files: [SourceFile]) -> [Int] {
        let sizes = files.map { file in
            ((try? FileManager.default.attributesOfItem(atPath: file.url.path))?[.size] as? Int) ?? 0
        }
        return files.indices.sorted { sizes[$0] != sizes[$1] ? sizes[$0] > sizes[$1] : $0 < $1 }
    }
}
