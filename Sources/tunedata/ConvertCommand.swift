import ArgumentParser
import Foundation
import TuneData

struct ConvertCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "convert",
        abstract: "Convert documents into upload-ready fine-tuning JSONL.",
        discussion: """
            Reads every HTML, PDF, Word (.docx), OpenDocument (.odt), text and Markdown file under the INPUT \
            folders (or the files named), cuts them into passages that follow their sections, renders the templates into conversations, then \
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

    @OptionGroup var privacy: PrivacyArguments

    @Option(help: "Documents converted in parallel (default: the number of cores).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(help: "Password for encrypted PDFs.")
    var password: String?

    @Option(help: "Seconds one file may take to extract before it is skipped.")
    var timeLimit: Double = 60

    @OptionGroup var ocr: OCROptions

    @Option(help: "Convert only slice K of N (e.g. 3/8) into a partial result for `tunedata merge`.")
    var shard: String?

    @Flag(help: "Follow symbolic links whose target lies outside the input folders (off: they are named and skipped).")
    var followSymlinks = false

    @Option(help: "How to report skipped inputs, left-out include lines and validation errors: text or json.")
    var diagnostics: DiagnosticsStyle = .text

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
        let templates = try loadTemplates(templatePaths).forFormat(dataset.format.rawValue)
        if templates.templates.isEmpty {
            printError(
                "no template applies to --format \(dataset.format.rawValue); give --templates with a template whose formats include it"
            )
            throw ExitCode.failure
        }
        var configuration = ConvertConfiguration(
            inputs: inputs, templates: templatePaths, includes: dataset.include, chunking: chunking,
            dataset: datasetConfiguration,
            extraction: ocr.applied(to: ExtractionOptions(password: password, timeLimitSeconds: timeLimit)), jobs: jobs,
            shard: shard.flatMap(Shard.init), followsOutsideLinks: followSymlinks)
        configuration.privacy = try privacy.options()
        let outcome: ConvertOutcome
        do {
            outcome = try ConvertRun(configuration: configuration, templates: templates).run(
                to: URL(fileURLWithPath: output, isDirectory: true), shownAs: output,
                progress: ProgressReporter.defaultStyle(quiet: quiet || diagnostics == .json))
        } catch {
            printError(error.description)
            throw ExitCode.failure
        }
        try report(outcome, output: output, quiet: quiet, diagnostics: diagnostics, shard: shard)
    }
}

/// Dataset-stage options shared by `convert` and `merge`.
struct DatasetOptions: ParsableArguments {
    @Option(
        help: "Record shape: chat, completion or preference (messages: the old name of --target trl --format chat).")
    var format: FormatChoice = .chat

    @Option(help: "Where the data will be uploaded: \(TargetRegistry.names.joined(separator: ", ")) (default openai).")
    var target: TargetChoice?

    @Flag(help: "Preference data: use another passage's answer (same document, same template) as the rejected answer.")
    var hardNegatives = false

    @Option(help: "A Hugging Face tokenizer.json (byte-level BPE) for exact token counts in validation.")
    var tokenizer: String?

    @Option(help: "Training epochs for the cost estimate (default: the provider's default).")
    var epochs: Int?

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
        let (outputTarget, shape) = try format.resolve(target: target)
        if let refusal = outputTarget.modelFindings(model).first(where: { $0.severity == .error }) {
            throw ValidationError(refusal.message)
        }
        if let tokenizer { try checkTokenizer(tokenizer) }
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
        if let epochs, epochs < 1 { throw ValidationError("--epochs must be at least 1") }
        var configuration = DatasetConfiguration(
            model: model, format: shape, target: outputTarget.name, hardNegatives: hardNegatives,
            tokenizerFile: tokenizer, validationFraction: validationFraction, seed: seed,
            nearDuplicateThreshold: nearDuplicateThreshold, maxPerDocument: maxPerDocument,
            maxDocumentShare: maxDocumentShare,
            maxPerTemplate: maxPerTemplate, maxPerCategory: maxPerCategory, phrasings: phrasings)
        configuration.epochs = epochs
        return configuration
    }
}

/// Prints what a `convert` or `merge` run produced (the summary, then the diagnostics) and turns
/// it into the exit status.
func report(
    _ outcome: ConvertOutcome, output: String, quiet: Bool, diagnostics style: DiagnosticsStyle, shard: String? = nil
) throws {
    let shown = output.hasSuffix("/") ? String(output.dropLast()) : output
    switch style {
    case .json: try DiagnosticPrinter.printJSON(outcome.diagnostics)
    // Skipped inputs were shown as they happened; validation errors come after the summary.
    // --quiet keeps errors only.
    case .text: DiagnosticPrinter.printText(outcome.warnings.filter { !quiet || $0.severity == .error })
    }
    switch outcome.output {
    case .shard(let documents, let examples):
        if !quiet {
            printError(
                "Shard \(shard ?? ""): \(documents) documents, \(examples) examples → \(output) (combine with: tunedata merge PART... -o DIR)"
            )
        }
    case .dataset(let manifest):
        if !quiet {
            printError(RunSummary.text(manifest, directory: shown))
            printError(
                RunSummary.timing(
                    documents: outcome.documentsTime, dataset: outcome.datasetTime ?? .zero,
                    jobs: manifest.configuration.jobs))
        }
        if style == .text { DiagnosticPrinter.printText(outcome.validationErrors) }
    }
    if !outcome.succeeded { throw ExitCode.failure }
}
