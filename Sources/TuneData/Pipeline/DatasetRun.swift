public import Foundation

/// The whole-dataset end of a run: dedup, balance, split, write, validate, manifest.
///
/// Shared by `convert` (after the per-document stages) and `merge` (after reading shard parts), so
/// both produce the same files from the same examples.
public enum DatasetRun {
    /// Builds and writes the dataset for `collected` into `directory`; returns the manifest written.
    public static func finish(
        _ collected: CollectedExamples, included: [Example], configuration: ConvertConfiguration, to directory: URL
    ) throws -> Manifest {
        // One memo of token counts: the validator re-reads exactly what the builder counted.
        let encoding = ModelLimits.encoding(forModel: configuration.dataset.model)
        let memo = TokenCountMemo.reusing(collected.tokenCounts, for: encoding)
        let manifest = try writeDataset(
            collected, included: included, configuration: configuration, memo: memo, to: directory)
        // Last, from the files just written (as `tunedata report` rebuilds it), once the built dataset
        // and its drop list are freed; not in the manifest's file list, since the page shows the manifest.
        try DatasetReportPage.write(directory: directory, tokenCounts: memo, jobs: configuration.jobs)
        return manifest
    }

    /// Everything but the report page: dedup, balance, split, write, validate, manifest.
    private static func writeDataset(
        _ collected: CollectedExamples, included: [Example], configuration: ConvertConfiguration,
        memo: TokenCountMemo, to directory: URL
    ) throws -> Manifest {
        var builder = DatasetBuilder(configuration: configuration.dataset, jobs: configuration.jobs)
        builder.tokenCounts = memo
        // The user's own examples pass the same privacy policy as the generated ones.
        let includes = PrivacyStage(options: configuration.privacy ?? PrivacyOptions()).screenIncluded(included)
        let built = builder.build(generated: collected.examples, included: includes.examples)
        var writer = DatasetWriter(configuration: configuration.dataset)
        writer.jobs = configuration.jobs
        let files = try writer.write(built, to: directory)

        var validation: [String: ValidationSummary] = [:]
        // Each split is checked by its own target's validator.
        var context = TargetValidationContext(model: configuration.dataset.model, jobs: configuration.jobs)
        context.tokenCounts = memo
        context.tokenizerFile = configuration.dataset.tokenizerFile.map { URL(fileURLWithPath: $0) }
        for file in files where DatasetWriter.isDatasetOutput(file.name) {
            let url = directory.appendingPathComponent(file.name)
            let data: Data
            do {
                data = try Data(contentsOf: url, options: .mappedIfSafe)
            } catch {
                throw DatasetValidatorError.cannotRead(path: url.path, reason: error.localizedDescription)
            }
            let report = built.target.validate(data: data, file: url.path, context: context)
            // Fewer than 10 examples is fatal for train but normal for a small validation file.
            var findings = report.findings
            if file.name.hasPrefix("validation") { findings.removeAll { $0.kind == "too_few_examples" } }
            validation[file.name] = ValidationSummary(
                acceptable: !findings.contains { $0.severity == .error },
                errors: findings.count { $0.severity == .error }, warnings: findings.count { $0.severity == .warning },
                findings: Array(findings.prefix(20)))
        }
        if built.trainIndices.isEmpty {
            validation["train.jsonl"] = ValidationSummary(
                acceptable: false, errors: 1, warnings: 0,
                findings: [
                    ValidationFinding(
                        line: nil, severity: .error, kind: "no_examples", message: "no training examples were produced")
                ])
        }

        // Every drop, one per line, beside the manifest (which keeps the counts).
        let lineEncoder = JSONEncoder()
        lineEncoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        try AtomicFile.write(
            lines: DropTextScreen.screened(built.report.dropped, documents: collected.documents)
                + collected.privacyDropped + includes.dropped,
            to: directory.appendingPathComponent("dropped.jsonl")
        ) {
            try lineEncoder.encode($0)
        }
        var report = built.report
        report.encodesDropList = false

        var dropped = Dictionary(uniqueKeysWithValues: built.report.droppedCounts.map { ($0.key.rawValue, $0.value) })
        let ungrounded = collected.documents.reduce(0) { $0 + $1.ungrounded }
        if ungrounded > 0 { dropped["ungrounded"] = ungrounded }
        dropped.merge(PrivacyReport.droppedByReason(collected.documents), uniquingKeysWith: +)
        dropped.merge(includes.privacy.droppedByReason ?? [:], uniquingKeysWith: +)
        var manifest = Manifest(
            inputs: Manifest.Inputs(
                seen: collected.inputsSeen, converted: collected.documents.count, skipped: collected.skipped.count,
                skippedByReason: collected.skipped.reduce(into: [:]) { $0[$1.reason, default: 0] += 1 },
                skippedFiles: collected.skipped, pages: collected.documents.reduce(0) { $0 + $1.pages }),
            passages: collected.documents.reduce(0) { $0 + $1.passages },
            figurePassages: collected.documents.reduce(0) { $0 + ($1.figurePassages ?? 0) },
            definitions: collected.documents.reduce(0) { $0 + $1.definitions },
            examples: Manifest.Examples(
                generated: collected.examples.count, included: includes.examples.count, dropped: dropped,
                train: built.trainIndices.count, validation: built.validationIndices.count),
            dataset: report, validation: validation, files: files, documents: collected.documents,
            configuration: configuration,
            target: Manifest.Target(
                built.target, shape: built.shape, tokenizerFile: configuration.dataset.tokenizerFile,
                model: configuration.dataset.model))
        manifest.costEstimate = CostEstimate(
            pricing: built.target.rules.pricing, model: configuration.dataset.model,
            tokensPerEpoch: report.estimate.tokensPerEpoch, openAIEpochs: report.estimate.epochs,
            epochs: configuration.dataset.epochs)
        manifest.privacy = PrivacyReport(
            documents: collected.documents, options: configuration.privacy ?? PrivacyOptions(),
            included: includes.privacy)
        manifest.ocr = OCRReport(documents: collected.documents)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        try AtomicFile.write(try encoder.encode(manifest), to: directory.appendingPathComponent("manifest.json"))
        return manifest
    }
}
