public import ArgumentParser
import Foundation
import TuneData

/// `tunedata compare DIR --base M --tuned M`: both models, the same questions, scored side by side.
struct CompareCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Ask a base and a tuned model the validation questions and compare their answers.",
        discussion: """
            Both models get the same system prompt and question at temperature 0. Writes DIR/compare/report.html, \
            report.json, corrections.jsonl (the questions the tuned model got wrong, answered with the \
            reference: give it to `convert --include`) and preferences.jsonl (reference preferred, the tuned \
            answer not: OpenAI's DPO shape). Works against any OpenAI-compatible chat endpoint.
            """
    )

    @Argument(help: "The output folder of `tunedata convert`.")
    var directory: String

    @Option(help: "The base model.")
    var base: String

    @Option(help: "The tuned model (default: the fine-tuned model of the newest succeeded job in DIR/jobs.json).")
    var tuned: String?

    @Option(help: "validation (documents the model never saw), train, or a chat JSONL file.")
    var questions: String = "validation"

    @Option(help: "none, or passage: put the source passage before each question.")
    var context: ComparisonRun.Context = .none

    @Option(help: "A model that grades each answer correct, incorrect or not attempted.")
    var judge: String?

    @Option(help: "Ask only the first N questions.")
    var limit: Int?

    @Option(help: "Questions in flight at once (each asks both models at once).")
    var concurrency: Int = 4

    @Option(help: "The tuned model's endpoint, when it is served elsewhere than the base model.")
    var tunedEndpoint: String?

    @Option(help: "The judge's endpoint, when it is served elsewhere than the base model.")
    var judgeEndpoint: String?

    @OptionGroup var provider: ProviderOptions

    func run() async throws {
        let folder = URL(fileURLWithPath: directory)
        try await reportingProviderErrors {
            let tunedModel = try tuned ?? Self.recordedModel(in: folder)
            var asked: [ComparisonQuestion]
            switch questions {
            case "validation", "train": asked = try ComparisonQuestions.load(split: questions, in: folder)
            default: asked = try ComparisonQuestions.load(file: URL(fileURLWithPath: questions))
            }
            if let limit { asked = Array(asked.prefix(max(0, limit))) }
            let baseClient = try provider.client()
            let run = ComparisonRun(
                base: baseClient, tuned: try tunedEndpoint.map { try provider.client(endpoint: $0) } ?? baseClient,
                judge: try judge.map { _ in try judgeEndpoint.map { try provider.client(endpoint: $0) } ?? baseClient },
                baseModel: base, tunedModel: tunedModel, judgeModel: judge, context: context,
                concurrency: concurrency)
            let total = asked.count
            let report = try await run.run(questions: asked, questionSet: questions) { done in
                if done == total || done % 25 == 0 { printError("\(done)/\(total) questions") }
            }
            let written = try ComparisonOutput.write(report, into: folder)
            for line in Self.summary(report) { print(line) }
            let path = "\(directory)/\(ComparisonOutput.folderName)"
            print("wrote \(path)/report.html, report.json")
            print(
                "wrote \(path)/corrections.jsonl (\(written.corrections)), preferences.jsonl (\(written.preferences))")
        }
    }

    /// The fine-tuned model of the newest succeeded job recorded in the folder.
    static func recordedModel(in folder: URL) throws -> String {
        let state = try LoopStateFile.load(JobsState.self, named: JobsState.fileName, in: folder, empty: JobsState())
        guard let model = state.jobs.last(where: { $0.status == "succeeded" })?.fineTunedModel else {
            throw ValidationError("give --tuned: \(folder.path)/jobs.json records no succeeded job")
        }
        return model
    }

    static func summary(_ report: ComparisonReport) -> [String] {
        func interval(_ key: String) -> String {
            guard let d = report.differences[key] else { return "" }
            return String(format: "difference %+.3f (95%% interval %+.3f to %+.3f)", d.meanDifference, d.low, d.high)
        }
        var lines = [
            "\(report.items.count) questions: tuned \(report.tunedModel) against base \(report.baseModel): "
                + "\(report.wins) wins, \(report.ties) ties, \(report.losses) losses on \(report.primaryMetric)"
        ]
        if report.judgeModel != nil {
            lines.append(
                "judged correct: base \(report.base.correct ?? 0), tuned \(report.tuned.correct ?? 0); "
                    + interval("judge"))
        }
        lines.append(
            String(format: "token F1: base %.3f, tuned %.3f; ", report.base.tokenF1, report.tuned.tokenF1)
                + interval("token_f1"))
        lines.append(
            String(format: "ROUGE-L:  base %.3f, tuned %.3f; ", report.base.rougeL, report.tuned.rougeL)
                + interval("rouge_l"))
        lines.append(
            String(format: "quoted:   base %.3f, tuned %.3f; ", report.base.quoted, report.tuned.quoted)
                + interval("quoted"))
        let errors = report.base.errors + report.tuned.errors
        if errors > 0 { lines.append("\(errors) answers could not be obtained (see report.json)") }
        return lines
    }
}

extension ComparisonRun.Context: ExpressibleByArgument {}
