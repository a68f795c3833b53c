public import ArgumentParser
import Dispatch
import Foundation
import TuneData

/// `tunedata train`: start a fine-tuning job from an output folder, follow it, list or cancel jobs.
struct TrainCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train",
        abstract: "Start a fine-tuning job from an output folder and follow it.",
        subcommands: [TrainStartCommand.self, TrainStatusCommand.self, TrainCancelCommand.self, TrainListCommand.self],
        defaultSubcommand: TrainStartCommand.self
    )
}

/// `tunedata train DIR --model M [--wait]`.
struct TrainStartCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "start",
        abstract: "Create a job from DIR's uploaded files (uploading first when needed); record it in DIR/jobs.json.",
        discussion: """
            With --wait, prints a progress line until the job succeeds, fails or is cancelled. Run it again \
            after an interruption and it picks up the unfinished job recorded in DIR/jobs.json instead of \
            starting another. Ctrl-C stops waiting and leaves the job running.
            """
    )

    @Argument(help: "The output folder of `tunedata convert`.")
    var directory: String

    @Option(help: "The base model to fine-tune, e.g. gpt-4.1-mini-2025-04-14.")
    var model: String

    @Option(help: "supervised (chat examples) or dpo (preference pairs).")
    var method: FineTuningJobRequest.Method = .supervised

    @Option(help: "Epochs (the provider chooses when omitted).")
    var epochs: Int?

    @Option(help: "Batch size (the provider chooses when omitted).")
    var batchSize: Int?

    @Option(help: "Learning-rate multiplier (the provider chooses when omitted).")
    var learningRateMultiplier: Double?

    @Option(help: "Up to 64 characters added to the fine-tuned model's name.")
    var suffix: String?

    @Option(help: "Seed for a reproducible job.")
    var seed: Int?

    @Flag(help: "Follow the job until it finishes.")
    var wait = false

    @Flag(help: "Start a new job even when DIR/jobs.json records one that has not finished.")
    var new = false

    @Option(help: "Seconds between polls with --wait.")
    var pollInterval: Int = 10

    @OptionGroup var provider: ProviderOptions

    func run() async throws {
        let folder = URL(fileURLWithPath: directory)
        try await reportingProviderErrors {
            let run = TrainingRun(client: try provider.client(), pollInterval: .seconds(pollInterval))
            let state = try LoopStateFile.load(
                JobsState.self, named: JobsState.fileName, in: folder, empty: JobsState())
            let jobID: String
            if wait, !new, let latest = state.latest, !["succeeded", "failed", "cancelled"].contains(latest.status) {
                jobID = latest.jobID
                print("picking up \(jobID), recorded in \(directory)/jobs.json (--new starts another)")
            } else {
                let settings = FineTuningJobRequest(
                    model: model, trainingFile: "", method: method, epochs: epochs, batchSize: batchSize,
                    learningRateMultiplier: learningRateMultiplier, suffix: suffix, seed: seed)
                let job = try await run.start(directory: folder, settings: settings) { printError($0) }
                jobID = job.id
                print("created \(job.id) (\(job.status)), recorded in \(directory)/jobs.json")
            }
            guard wait else { return }
            let interrupt = InterruptNotice(jobID: jobID, directory: directory)
            let job = try await run.wait(jobID: jobID, directory: folder) { print($0) }
            interrupt.cancel()
            try finish(job, directory: folder)
        }
    }
}

/// Prints how a finished job ended; fails the command unless it succeeded.
func finish(_ job: FineTuningJob, directory: URL?) throws {
    switch job.status {
    case "succeeded":
        print("succeeded: \(job.fineTunedModel ?? "(no model name)")")
    case "failed":
        let failure = job.error ?? FineTuningJob.Failure(code: "unknown", message: "no error given", param: nil)
        printError(JobProgress.explanation(of: failure, directory: directory))
        throw ExitCode.failure
    case "cancelled":
        printError("\(job.id) was cancelled")
        throw ExitCode.failure
    default:
        print("\(job.id) \(job.status)")
    }
}

/// On Ctrl-C, says the job keeps running and how to pick it up, then exits with status 130.
final class InterruptNotice: @unchecked Sendable {
    private let source: any DispatchSourceSignal

    init(jobID: String, directory: String) {
        signal(SIGINT, SIG_IGN)
        source = DispatchSource.makeSignalSource(signal: SIGINT, queue: DispatchQueue.global())
        source.setEventHandler {
            printError(
                "\ninterrupted: \(jobID) keeps running; `tunedata train \(directory) --wait` picks it up, "
                    + "`tunedata train cancel \(jobID)` stops it")
            exit(130)
        }
        source.resume()
    }

    func cancel() {
        source.cancel()
        signal(SIGINT, SIG_DFL)
    }
}

/// `tunedata train status DIR|JOB`.
struct TrainStatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status", abstract: "Show a job's state, step and losses (DIR: the newest job recorded there).")

    @Argument(help: "An output folder (its newest recorded job) or a job id.")
    var target: String

    @OptionGroup var provider: ProviderOptions

    func run() async throws {
        var isDirectory: ObjCBool = false
        let folder: URL? =
            FileManager.default.fileExists(atPath: target, isDirectory: &isDirectory) && isDirectory.boolValue
            ? URL(fileURLWithPath: target) : nil
        try await reportingProviderErrors {
            let jobID = try folder.map { try TrainingRun.recordedJobID(in: $0) } ?? target
            let (job, line) = try await TrainingRun(client: try provider.client()).snapshot(jobID: jobID)
            print(line)
            if job.isFinished { try finish(job, directory: folder) }
        }
    }
}

/// `tunedata train cancel JOB`.
struct TrainCancelCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "cancel", abstract: "Cancel a job.")

    @Argument(help: "The job id (ftjob-...).")
    var job: String

    @OptionGroup var provider: ProviderOptions

    func run() async throws {
        try await reportingProviderErrors {
            let cancelled = try await provider.client().cancelJob(id: job)
            print("\(cancelled.id) \(cancelled.status)")
        }
    }
}

/// `tunedata train list`.
struct TrainListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List recent jobs, newest first.")

    @Option(help: "How many jobs to list.")
    var limit: Int = 20

    @OptionGroup var provider: ProviderOptions

    func run() async throws {
        try await reportingProviderErrors {
            for job in try await provider.client().listJobs(limit: limit) {
                print([job.id, job.status, job.model, job.fineTunedModel ?? "-"].joined(separator: "\t"))
            }
        }
    }
}

extension FineTuningJobRequest.Method: ExpressibleByArgument {}
