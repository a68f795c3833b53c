import Foundation
internal import Tokenizer

/// What happened to one input file: its examples, or why it was skipped.
public struct ProcessedDocument: Sendable {
    public var source: String
    public var documentID: String
    public var format: DocumentFormat?
    public var kind: DocumentKind?
    public var title: String?
    public var pages: Int
    public var passages: Int
    /// Passages that carry a section label ("Section 5.2").
    public var labelledPassages: Int
    public var definitions: Int
    /// Examples that passed the groundedness check, in passage order (moved to an ``ExampleStore``
    /// by the collector as soon as the document is done).
    public var examples: [Example]
    /// How many examples the document gave.
    public var exampleCount: Int
    /// Examples dropped because an answer was not found in the document.
    public var ungrounded: Int
    /// Passages given no examples because they are mostly figures or rules.
    public var figurePassages: Int
    public var warnings: [String]
    /// Set when the file could not be converted.
    public var failure: ExtractionError?
    /// Document metadata worth keeping in the manifest (language, url, date, author...).
    public var metadata: [String: String]
    public var seconds: Double
    /// Personal data and secrets found, redacted, dropped; `nil` when none were found.
    public var privacy: DocumentPrivacy?
    /// Examples the privacy stage did not write (for `dropped.jsonl`).
    public var privacyDropped: [DroppedExample] = []
    /// The pages read with OCR; `nil` when none was.
    public var ocr: DocumentOCR?

    /// Nothing yet known about `file` but its name and id.
    init(file: SourceFile) {
        source = file.displayPath
        documentID = file.documentID
        pages = 0
        passages = 0
        labelledPassages = 0
        definitions = 0
        examples = []
        exampleCount = 0
        ungrounded = 0
        figurePassages = 0
        warnings = []
        metadata = [:]
        seconds = 0
    }
}

/// The per-document stages: extract, chunk, render.
///
/// A plain function of its inputs, safe to run on any thread.
public struct DocumentProcessor: Sendable {
    public var extractors: Extractors
    public var chunker: Chunker
    public var templates: TemplateSet
    public var seed: UInt64
    /// Finds and redacts personal data and secrets between chunking and templating.
    public var privacy = PrivacyStage()
    /// Token counts of the examples, taken while the document's passages are at hand (a passage
    /// is the answer of several templates) and on the worker threads; the dataset stage reads them.
    let tokenCounts: TokenCountMemo

    public init(extractors: Extractors, chunker: Chunker, templates: TemplateSet, seed: UInt64) {
        self.extractors = extractors
        self.chunker = chunker
        self.templates = templates
        self.seed = seed
        self.tokenCounts = TokenCountMemo(encoding: BPEEncoding.shared(chunker.options.encoding))
    }

    /// Processes one file under the per-file time limit.
    ///
    /// The PDF extractor stops itself between pages when the limit passes; a file that is stuck
    /// inside a C library (one pathological page, a parser loop) cannot be interrupted, so the work
    /// runs on a pooled thread (``GuardedThread``) and is given up one second after the limit: the
    /// file is reported as timed out and the run goes on, while the abandoned thread finishes (or
    /// not) in the background and its result is thrown away.
    public func process(_ file: SourceFile) -> ProcessedDocument {
        process(file, grace: 1)
    }

    /// ``process(_:)`` giving up `grace` seconds after the time limit.
    func process(_ file: SourceFile, grace: Double) -> ProcessedDocument {
        guard let limit = extractors.options.timeLimitSeconds else { return processUnguarded(file) }
        if let result = GuardedThread.run({ [self] in processUnguarded(file) }, timeout: limit + grace) {
            return result
        }
        var abandoned = ProcessedDocument(file: file)
        abandoned.failure = .timedOut(seconds: limit)
        abandoned.seconds = limit + grace
        return abandoned
    }

    private func processUnguarded(_ file: SourceFile) -> ProcessedDocument {
        let start = DispatchTime.now()
        var result = ProcessedDocument(file: file)
        do {
            let extracted = try extractors.extract(file)
            var screened = privacy.apply(document: extracted, passages: chunker.passages(of: extracted))
            let (document, passages) = (screened.document, screened.passages)
            let rendered = templates.render(document: document, passages: passages, seed: seed)
            var examples = privacy.screen(rendered.examples, outcome: &screened)
            if let ocr = document.ocr { examples = ocr.marking(examples) }
            // A redacted passage's count was taken on the text before redaction.
            for passage in passages where !screened.changedPassages.contains(passage.index) {
                tokenCounts.remember(passage.text, tokens: passage.tokenCount)
            }
            for example in examples { _ = tokenCounts.chatTokenCounts(example.messages.map(\.chatTurn)) }
            result.format = document.format
            result.kind = document.kind
            result.title = document.title
            result.pages = document.pageCount ?? 0
            result.passages = passages.count
            result.labelledPassages = passages.count { $0.label != nil }
            result.definitions = rendered.definitionsFound
            result.examples = examples
            result.exampleCount = examples.count
            result.privacy = screened.privacy.isEmpty ? nil : screened.privacy
            result.privacyDropped = screened.dropped
            result.ungrounded = rendered.ungrounded.count
            result.figurePassages = rendered.figurePassages
            result.warnings = document.warnings
            result.ocr = document.ocr
            result.metadata = document.metadata
            if !rendered.parties.isEmpty { result.metadata["parties"] = rendered.parties.joined(separator: "; ") }
            if let date = rendered.date { result.metadata["agreement_date"] = date }
            for fact in rendered.facts { result.metadata["fact.\(fact.name.rawValue)"] = fact.value }
        } catch {
            result.failure = error
        }
        result.seconds = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
        return result
    }
}
