import ArgumentParser
import Foundation
import TuneData

struct ConvertCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "convert",
        abstract: "Convert documents into upload-ready fine-tuning JSONL.",
        discussion: """
            Reads every HTML, PDF, text and Markdown file under the INPUT folders (or the files named), cuts \
            them into passages that follow their sections, renders the templates into conversations, then \
            deduplicates, balances, splits by document and validates. Writes train.jsonl, validation.jsonl, \
            provenance.jsonl and manifest.json into the output folder. Files that cannot be read are reported \
            and skipped; the exit status is 1 only when no usable dataset was produced.
            """
    )

    @Argument(help: "Files or folders to convert.")
    var inputs: [String]

    @Option(name: [.customShort("o"), .long], help: "The output folder.")
    var output: String

    @Option(name: .customLong("templates"), help: "Template file or folder (repeatable; default: the shipped set).")
    var templatePaths: [String] = []

    @OptionGroup var budget: BudgetOptions

    @OptionGroup var dataset: DatasetOptions

    @Option(help: "Documents converted in parallel (default: the number of cores).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(help: "Password for encrypted PDFs.")
    var password: String?

    @Option(help: "Seconds one file may take to extract before it is skipped.")
    var timeLimit: Double = 60

    @Option(help: "Convert only slice K of N (e.g. 3/8) into a partial result for `tunedata merge`.")
    var shard: String?

    @Flag(help: "Print nothing but errors.")
    var quiet = false

    func validate() throws {
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1") }
        guard timeLimit > 0 else { throw ValidationError("--time-limit must be positive") }
        if let shard, Shard(shard) == nil { throw ValidationError("--shard takes K/N with 1 ≤ K ≤ N, e.g. 3/8") }
    }

    func run() throws {
        let chunking = try budget.chunkingOptions()
        let datasetConfiguration = try dataset.configuration(model: budget.model)
        let templates = try loadTemplates(templatePaths).forFormat(datasetConfiguration.format.rawValue)
        if templates.templates.isEmpty {
            printError(
                "no template applies to --format \(datasetConfiguration.format.rawValue); give --templates with a template whose formats include it"
            )
            throw ExitCode.failure
        }
        let configuration = ConvertConfiguration(
            inputs: inputs, templates: templatePaths, includes: dataset.include, chunking: chunking,
            dataset: datasetConfiguration,
            extraction: ExtractionOptions(password: password, timeLimitSeconds: timeLimit), jobs: jobs,
            shard: shard.flatMap(Shard.init))
        let included = try loadIncluded(dataset.include, model: budget.model)

        var discovered = InputDiscovery.discover(inputs)
        if let slice = configuration.shard {
            discovered.files = discovered.files.filter { slice.contains(path: $0.displayPath) }
        }
        let processor = DocumentProcessor(
            extractors: Extractors(options: configuration.extraction), chunker: Chunker(options: chunking),
            templates: templates.withPhrasings(datasetConfiguration.phrasings),
            seed: datasetConfiguration.seed)
        let progress = ProgressReporter(
            total: discovered.files.count, style: ProgressReporter.defaultStyle(quiet: quiet))
        let collected: CollectedExamples
        let started = ContinuousClock.now
        do {
            collected = try ExampleCollector.collect(
                discovered.files, skipped: discovered.skipped, processor: processor, jobs: jobs, progress: progress)
        } catch {
            printError("tunedata: \(error.localizedDescription)")
            throw ExitCode.failure
        }

        let directory = URL(fileURLWithPath: output, isDirectory: true)
        if configuration.shard != nil {
            try PartialResult.write(collected, configuration: configuration, to: directory)
            if !quiet {
                printError(
                    "Shard \(shard ?? ""): \(collected.documents.count) documents, \(collected.examples.count) examples → \(output) (combine with: tunedata merge PART... -o DIR)"
                )
            }
            if collected.documents.isEmpty && !discovered.files.isEmpty { throw ExitCode.failure }
            return
        }
        try finish(
            collected, included: included, configuration: configuration, output: output, quiet: quiet,
            documentsTime: ContinuousClock.now - started)
    }
}

/// Dataset-stage options shared by `convert` and `merge`.
struct DatasetOptions: ParsableArguments {
    @Option(
        help: "Output format: chat (OpenAI), completion (legacy prompt/completion) or messages (open-source trainers).")
    var format: String = "chat"

    @Option(help: "Share of documents held out for validation.")
    var validationFraction: Double = 0.1

    @Option(help: "Seed for phrasings, balancing and the split.")
    var seed: UInt64 = 0

    @Option(help: "Jaccard similarity at which two examples are near-duplicates (0.5–1).")
    var nearDuplicateThreshold: Double = 0.8

    @Option(help: "At most this many examples from one document.")
    var maxPerDocument: Int?

    @Option(help: "At most this share (0–1) of all examples from one document.")
    var maxDocumentShare: Double?

    @Option(help: "At most this many examples from one template.")
    var maxPerTemplate: Int?

    @Option(help: "At most this many examples from one template category.")
    var maxPerCategory: Int?

    @Option(help: "Phrasings of one request each passage gets (1: one example per request per passage).")
    var phrasings: Int = 1

    @Option(help: "Existing or corrected examples (JSONL) to merge in; repeatable. They win over generated duplicates.")
    var include: [String] = []

    func configuration(model: String) throws -> DatasetConfiguration {
        guard let outputFormat = OutputFormat(rawValue: format) else {
            throw ValidationError("--format must be chat, completion or messages")
        }
        guard (0..<1).contains(validationFraction) else {
            throw ValidationError("--validation-fraction must be in [0, 1)")
        }
        guard (0.5...1).contains(nearDuplicateThreshold) else {
            throw ValidationError("--near-duplicate-threshold must be between 0.5 and 1")
        }
        if let share = maxDocumentShare, !(share > 0 && share <= 1) {
            throw ValidationError("--max-document-share must be in (0, 1]")
        }
        for (name, value) in [
            ("--max-per-document", maxPerDocument), ("--max-per-template", maxPerTemplate),
            ("--max-per-category", maxPerCategory),
        ] {
            if let value, value < 1 { throw ValidationError("\(name) must be at least 1") }
        }
        guard phrasings >= 1 else { throw ValidationError("--phrasings must be at least 1") }
        return DatasetConfiguration(
            model: model, format: outputFormat, validationFraction: validationFraction, seed: seed,
            nearDuplicateThreshold: nearDuplicateThreshold, maxPerDocument: maxPerDocument,
            maxDocumentShare: maxDocumentShare,
            maxPerTemplate: maxPerTemplate, maxPerCategory: maxPerCategory, phrasings: phrasings)
    }
}

/// Reads `--include` files; invalid lines are reported and skipped, an unreadable file stops the run.
func loadIncluded(_ paths: [String], model: String) throws -> [Example] {
    var examples: [Example] = []
    for path in paths {
        do {
            let (loaded, findings) = try IncludedExamples.load(from: URL(fileURLWithPath: path), model: model)
            for finding in findings {
                printError(
                    "\(path):\(finding.line.map(String.init) ?? "-"): \(finding.severity.rawValue): \(finding.message)")
            }
            examples += loaded
        } catch {
            printError("\(path): \(error)")
            throw ExitCode.failure
        }
    }
    return examples
}

/// The dataset stage and the closing summary, shared by `convert` and `merge`.
func finish(
    _ collected: CollectedExamples, included: [Example], configuration: ConvertConfiguration, output: String,
    quiet: Bool,
    documentsTime: Duration? = nil
) throws {
    let directory = URL(fileURLWithPath: output, isDirectory: true)
    let manifest: Manifest
    let started = ContinuousClock.now
    do {
        (manifest, _) = try DatasetRun.finish(
            collected, included: included, configuration: configuration, to: directory)
    } catch {
        printError("\(output): \(error)")
        throw ExitCode.failure
    }
    let shown = output.hasSuffix("/") ? String(output.dropLast()) : output
    if !quiet {
        printError(RunSummary.text(manifest, directory: shown))
        printError(
            RunSummary.timing(
                documents: documentsTime, dataset: ContinuousClock.now - started, jobs: configuration.jobs))
    }
    for (file, summary) in manifest.validation.sorted(by: { $0.key < $1.key }) where !summary.acceptable {
        for finding in summary.findings where finding.severity == .error {
            printError("\(shown)/\(file):\(finding.line.map(String.init) ?? "-"): error: \(finding.message)")
        }
    }
    if !manifest.isAcceptable { throw ExitCode.failure }
}
