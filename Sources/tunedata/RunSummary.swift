import Foundation
import TuneData

/// The closing summary `convert` and `merge` print on standard error.
enum RunSummary {
    static func text(_ manifest: Manifest, directory: String) -> String {
        var lines: [String] = []
        let inputs = manifest.inputs
        var first = "Converted \(inputs.converted) of \(inputs.seen) input\(inputs.seen == 1 ? "" : "s")"
        if inputs.skipped > 0 {
            let reasons = inputs.skippedByReason.sorted { $0.key < $1.key }.map {
                "\($0.value) \($0.key.replacingOccurrences(of: "_", with: " "))"
            }
            first += " (\(inputs.skipped) skipped: \(reasons.joined(separator: ", ")))"
        }
        first += " · \(inputs.pages) pages · \(manifest.passages) passages"
        if manifest.figurePassages > 0 { first += " (\(manifest.figurePassages) mostly figures, not used)" }
        first += " · \(manifest.definitions) definitions"
        lines.append(first)
        let examples = manifest.examples
        var second = "Examples: \(examples.generated) generated"
        if examples.included > 0 { second += " + \(examples.included) included" }
        second += " → \(examples.train) train (\(plural(manifest.dataset.trainDocuments, "document")))"
        second += ", \(examples.validation) validation (\(plural(manifest.dataset.validationDocuments, "document")))"
        lines.append(second)
        if !examples.dropped.isEmpty {
            let dropped = examples.dropped.sorted { $0.key < $1.key }.map {
                "\($0.key.replacingOccurrences(of: "_", with: " ")) \($0.value)"
            }
            lines.append("Dropped: " + dropped.joined(separator: ", "))
        }
        for copy in manifest.dataset.copies.prefix(5) { lines.append("Copy: \(copy.description)") }
        if manifest.dataset.copies.count > 5 {
            lines.append("Copy: \(manifest.dataset.copies.count - 5) more documents repeat another (see manifest.json)")
        }
        let tokens = manifest.dataset.trainTokens
        if tokens.count > 0, let target = manifest.target,
            TargetRegistry.target(named: target.name)?.rules.tokensAreExact == false
        {
            // Billed tokens and epochs are OpenAI's rules; other targets get the counts alone.
            let counted =
                target.tokensAreEstimated
                ? "estimated with o200k_base; \(target.name)'s tokenizer is not bundled" : target.tokenizer
            lines.append(
                "Tokens per training example (\(counted)): "
                    + "min \(tokens.min), median \(Int(tokens.median)), p95 \(Int(tokens.p95)), max \(tokens.max)")
        } else if tokens.count > 0 {
            lines.append(
                "Tokens per training example (\(manifest.configuration.dataset.model)): min \(tokens.min), median \(Int(tokens.median)), "
                    + "p95 \(Int(tokens.p95)), max \(tokens.max); ≈\(manifest.dataset.estimate.epochs) epochs, "
                    + "\(manifest.dataset.estimate.billedTokens.formatted()) billed training tokens")
        }
        if let cost = manifest.costEstimate { lines.append("Cost: \(cost.summary)") }
        if let privacy = manifest.privacy?.summaryLine { lines.append(privacy) }
        for warning in manifest.dataset.warnings { lines.append("warning: \(warning)") }
        lines.append("")
        lines.append(manifest.dataset.distributionTable(limit: 8).trimmingCharacters(in: .newlines))
        lines.append("")
        for file in manifest.files {
            let verdict =
                manifest.validation[file.name].map { $0.acceptable ? "valid" : "REJECTED (\($0.errors) errors)" } ?? ""
            lines.append("  \(directory)/\(file.name)  \(file.lines) lines, \(byteString(file.bytes))  \(verdict)")
        }
        lines.append(
            "  \(directory)/dropped.jsonl  \(plural(manifest.dataset.dropped.count + (manifest.privacy?.droppedCount ?? 0), "dropped example"))"
        )
        lines.append("  \(directory)/manifest.json")
        lines.append("  \(directory)/report.html")
        return lines.joined(separator: "\n")
    }

    /// "Took 1.6 s: documents 1.2 s on 2 jobs, dataset stage 0.4 s" (where the time went).
    static func timing(documents: Duration?, dataset: Duration, jobs: Int) -> String {
        func seconds(_ duration: Duration) -> String {
            String(
                format: "%.1f s", Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18)
        }
        guard let documents else { return "Took \(seconds(dataset)) (dataset stage)" }
        return
            "Took \(seconds(documents + dataset)): documents \(seconds(documents)) on \(plural(jobs, "job")), dataset stage \(seconds(dataset))"
    }

    static func byteString(_ bytes: Int) -> String {
        if bytes < 1024 { return "\(bytes) B" }
        if bytes < 1 << 20 { return String(format: "%.1f KB", Double(bytes) / 1024) }
        return String(format: "%.1f MB", Double(bytes) / 1_048_576)
    }
}

/// "1 document", "3 documents".
func plural(_ count: Int, _ noun: String) -> String {
    "\(count) \(noun)\(count == 1 ? "" : "s")"
}
