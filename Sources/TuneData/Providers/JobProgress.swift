public import Foundation

/// The one-line progress of a fine-tuning job and, when it failed, the explanation.
public enum JobProgress {
    /// The most advanced metrics among events and checkpoints (the highest step wins).
    public static func latestMetrics(events: [FineTuningEvent], checkpoints: [FineTuningCheckpoint]) -> TrainingMetrics?
    {
        var candidates: [TrainingMetrics] = events.compactMap { $0.type == "metrics" ? $0.data : nil }
        for checkpoint in checkpoints {
            var metrics = checkpoint.metrics ?? TrainingMetrics()
            if metrics.step == nil { metrics.step = checkpoint.stepNumber }
            candidates.append(metrics)
        }
        return candidates.max { ($0.step ?? -1) < ($1.step ?? -1) }
    }

    /// "ftjob-1 running · step 12/30 · train loss 1.234 · valid loss 1.456".
    public static func line(job: FineTuningJob, metrics: TrainingMetrics?) -> String {
        var parts = ["\(job.id) \(job.status)"]
        if let metrics {
            if let step = metrics.step {
                parts.append("step \(step)" + (metrics.totalSteps.map { "/\($0)" } ?? ""))
            }
            if let loss = metrics.trainLoss { parts.append("train loss " + format(loss)) }
            if let loss = metrics.fullValidLoss ?? metrics.validLoss { parts.append("valid loss " + format(loss)) }
        }
        if let model = job.fineTunedModel { parts.append("model \(model)") }
        return parts.joined(separator: " · ")
    }

    private static func format(_ value: Double) -> String { String(format: "%.4f", value) }

    /// The failure as a person reads it: code, message, and the line of the file the message names.
    ///
    /// `directory` is the output folder the job was started from (nil when unknown); `param` tells
    /// whether the training or validation file is meant.
    public static func explanation(of failure: FineTuningJob.Failure, directory: URL?) -> String {
        var text = "failed: \(failure.code): \(failure.message)"
        guard let directory, let number = lineNumber(in: failure.message) else { return text }
        let name = failure.param == "validation_file" ? "validation.jsonl" : "train.jsonl"
        guard let line = Self.line(number, ofFileAt: directory.appendingPathComponent(name)) else { return text }
        text +=
            "\n\(name) line \(number): "
            + (line.count > Self.shownLineCharacters
                ? String(line.prefix(Self.shownLineCharacters)) + "…" : line)
        return text
    }

    /// A quoted line longer than this is cut: it only has to be recognisable.
    static let shownLineCharacters = 300

    /// The line number a provider's message names ("line 4", "example 4", "row 4"), if any.
    static func lineNumber(in message: String) -> Int? {
        let pattern = /(?i)\b(?:line|example|row)\s+#?(\d+)/
        guard let match = message.firstMatch(of: pattern), let number = Int(match.1), number > 0 else { return nil }
        return number
    }

    /// The 1-based line `number` of a text file.
    static func line(_ number: Int, ofFileAt url: URL) -> String? {
        guard let data = try? Data(contentsOf: url, options: .mappedIfSafe) else { return nil }
        var current = 1
        var start = data.startIndex
        for index in data.indices where data[index] == 0x0A {
            if current == number { return String(decoding: data[start..<index], as: UTF8.self) }
            current += 1
            start = data.index(after: index)
        }
        return current == number && start < data.endIndex
            ? String(decoding: data[start...], as: UTF8.self) : nil
    }
}
