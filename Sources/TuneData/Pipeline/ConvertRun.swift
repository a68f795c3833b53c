public import Foundation

/// One `convert` run, assembled from its configuration: discover the inputs, run the per-document
/// stages on the job threads, then write either a shard's partial result or the dataset.
///
/// The command line only parses options into a ``ConvertConfiguration`` and prints the
/// ``ConvertOutcome``; everything between lives here, so a program can run a conversion without the CLI.
public struct ConvertRun: Sendable {
    public var configuration: ConvertConfiguration
    /// The templates to render, already narrowed to the output format.
    public var templates: TemplateSet

    public init(configuration: ConvertConfiguration, templates: TemplateSet) {
        self.configuration = configuration
        self.templates = templates
    }

    /// Converts the inputs and writes the result into `directory`.
    ///
    /// Files that cannot be read never stop the run: they are skipped and become diagnostics.
    /// - Parameter shownAs: the folder as the user named it, for the diagnostics about its files.
    /// - Throws: ``ConvertRunError`` when the run's own files cannot be written.
    public func run(
        to directory: URL, shownAs: String? = nil, progress style: ProgressReporter.Style
    ) throws(ConvertRunError) -> ConvertOutcome {
        // A shut-down model and an unreadable include file stop the run before any work is done.
        let modelWarnings = try ModelCheck.diagnostics(for: configuration.dataset)
        let (included, includeDiagnostics) = try IncludedExamples.loadAll(
            configuration.includes, model: configuration.dataset.model)
        var discovered = InputDiscovery.discover(
            configuration.inputs,
            options: InputDiscovery.Options(
                followsOutsideLinks: configuration.followsOutsideLinks, excludedFolders: [directory.path]))
        if let slice = configuration.shard {
            discovered.files = discovered.files.filter { slice.contains(path: $0.displayPath) }
        }
        var processor = DocumentProcessor(
            extractors: Extractors(options: configuration.extraction),
            chunker: Chunker(options: configuration.chunking),
            templates: templates.withPhrasings(configuration.dataset.phrasings), seed: configuration.dataset.seed)
        processor.privacy = PrivacyStage(options: configuration.privacy ?? PrivacyOptions())
        let progress = ProgressReporter(total: discovered.files.count, style: style)
        let started = ContinuousClock.now
        let collected: CollectedExamples
        do {
            collected = try ExampleCollector.collect(
                discovered.files, skipped: discovered.skipped, processor: processor, jobs: configuration.jobs,
                progress: progress)
        } catch {
            throw ConvertRunError(description: "tunedata: \(error.localizedDescription)")
        }
        let documentsTime = ContinuousClock.now - started
        let skipped = collected.skipped.map(Diagnostic.init(skipped:))
        let warnings = modelWarnings + includeDiagnostics

        if configuration.shard != nil {
            do {
                try PartialResult.write(collected, configuration: configuration, to: directory)
            } catch {
                throw ConvertRunError(description: "\(directory.path): \(error)")
            }
            return ConvertOutcome(
                output: .shard(documents: collected.documents.count, examples: collected.examples.count),
                filesFound: discovered.files.count, skipped: skipped, warnings: warnings,
                documentsTime: documentsTime)
        }
        var outcome = try DatasetStage.run(
            collected, included: included, configuration: configuration, to: directory, shownAs: shownAs)
        outcome.filesFound = discovered.files.count
        outcome.skipped = skipped
        outcome.warnings = warnings
        outcome.documentsTime = documentsTime
        return outcome
    }
}

/// The dataset stage as `convert` and `merge` both end: build, write and validate, timed.
enum DatasetStage {
    static func run(
        _ collected: CollectedExamples, included: [Example], configuration: ConvertConfiguration, to directory: URL,
        shownAs: String?
    ) throws(ConvertRunError) -> ConvertOutcome {
        let started = ContinuousClock.now
        let manifest: Manifest
        do {
            manifest = try DatasetRun.finish(
                collected, included: included, configuration: configuration, to: directory)
        } catch {
            throw ConvertRunError(description: "\(directory.path): \(error)")
        }
        return ConvertOutcome(
            output: .dataset(manifest), filesFound: collected.inputsSeen, skipped: [], warnings: [],
            validationErrors: manifest.validationDiagnostics(in: shownAs ?? directory.path),
            documentsTime: nil, datasetTime: ContinuousClock.now - started)
    }
}

/// What a ``ConvertRun`` or ``MergeRun`` produced.
public struct ConvertOutcome: Sendable {
    /// What was written.
    public enum Output: Sendable {
        /// A dataset folder, described by its manifest.
        case dataset(Manifest)
        /// A shard's partial result, for `tunedata merge`.
        case shard(documents: Int, examples: Int)
    }

    public var output: Output
    /// Files the inputs expanded to (after the shard filter).
    public var filesFound: Int
    /// The inputs that were skipped, with their reasons (the progress reporter shows them as they happen).
    public var skipped: [Diagnostic]
    /// Lines left out of `--include` files, and a merge's warnings about its parts.
    public var warnings: [Diagnostic]
    /// Why a written file would be rejected by the service it is for.
    public var validationErrors: [Diagnostic]
    /// Time spent in the per-document stages; `nil` for a merge.
    public var documentsTime: Duration?
    /// Time spent in the dataset stage; `nil` for a shard.
    public var datasetTime: Duration?

    public init(
        output: Output, filesFound: Int, skipped: [Diagnostic], warnings: [Diagnostic],
        validationErrors: [Diagnostic] = [], documentsTime: Duration? = nil, datasetTime: Duration? = nil
    ) {
        self.output = output
        self.filesFound = filesFound
        self.skipped = skipped
        self.warnings = warnings
        self.validationErrors = validationErrors
        self.documentsTime = documentsTime
        self.datasetTime = datasetTime
    }

    /// Every diagnostic, in the order a run meets them.
    public var diagnostics: [Diagnostic] { skipped + warnings + validationErrors }

    /// Whether the run produced what it was asked for: a dataset that validates, or a shard with at
    /// least one document (or nothing to convert in its slice).
    public var succeeded: Bool {
        switch output {
        case .dataset(let manifest): manifest.isAcceptable
        case .shard(let documents, _): documents > 0 || filesFound == 0
        }
    }
}

/// A run that could not write its own output (not a bad input: those are skipped).
public struct ConvertRunError: Error, Sendable, CustomStringConvertible {
    public var description: String

    public init(description: String) {
        self.description = description
    }
}

extension Manifest {
    /// The validation errors of every written file that would be rejected, in file-name order, each
    /// file named inside `folder`.
    public func validationDiagnostics(in folder: String) -> [Diagnostic] {
        let prefix = folder.hasSuffix("/") ? String(folder.dropLast()) : folder
        var result: [Diagnostic] = []
        for (file, summary) in validation.sorted(by: { $0.key < $1.key }) where !summary.acceptable {
            for finding in summary.findings where finding.severity == .error {
                result.append(Diagnostic(finding, file: prefix + "/" + file))
            }
        }
        return result
    }
}

/// The target's word on the model a dataset is for: refused when it has shut down, a warning when
/// it is about to.
enum ModelCheck {
    /// The warnings for `dataset`'s model.
    ///
    /// - Throws: ``ConvertRunError`` when the target no longer accepts the model.
    static func diagnostics(for dataset: DatasetConfiguration) throws(ConvertRunError) -> [Diagnostic] {
        let findings = dataset.outputTarget.modelFindings(dataset.model)
        if let refusal = findings.first(where: { $0.severity == .error }) {
            throw ConvertRunError(description: "error: \(refusal.message)")
        }
        return findings.map { Diagnostic(file: nil, line: nil, severity: .warning, kind: $0.kind, message: $0.message) }
    }
}
