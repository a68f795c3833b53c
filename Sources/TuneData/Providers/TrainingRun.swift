public import Foundation

/// Starts fine-tuning jobs from an output folder and follows them, keeping `jobs.json` current.
public struct TrainingRun: Sendable {
    /// Why a job could not be started or followed.
    public enum Failure: Error, CustomStringConvertible {
        /// `train.jsonl` has not been uploaded and could not be.
        case noTrainingFileID
        /// The folder has no recorded job to pick up.
        case noRecordedJob(directory: String)

        public var description: String {
            switch self {
            case .noTrainingFileID: return "train.jsonl has no uploaded file id (run `tunedata upload DIR`)"
            case .noRecordedJob(let directory): return "\(directory)/jobs.json records no job"
            }
        }
    }

    /// How often `--wait` asks for the job's state unless told otherwise.
    public static let defaultPollInterval: Duration = .seconds(10)

    public var client: APIClient
    public var pollInterval: Duration

    public init(client: APIClient, pollInterval: Duration = TrainingRun.defaultPollInterval) {
        self.client = client
        self.pollInterval = pollInterval
    }

    /// Creates a job from the folder's recorded uploads (uploading first when needed) and records it.
    public func start(
        directory: URL, settings: FineTuningJobRequest, thresholds: UploadThresholds = UploadThresholds(),
        progress: @Sendable (String) -> Void = { _ in }
    ) async throws -> FineTuningJob {
        let uploads = try await DatasetUploader(client: client, model: settings.model, thresholds: thresholds)
            .upload(directory: directory, progress: progress)
        var ids: [String: String] = [:]
        for outcome in uploads {
            switch outcome {
            case .uploaded(let entry), .alreadyUploaded(let entry): ids[entry.name] = entry.fileID
            case .skippedMissing: break
            }
        }
        guard let training = ids["train.jsonl"] else { throw Failure.noTrainingFileID }
        var request = settings
        request.trainingFile = training
        request.validationFile = ids["validation.jsonl"]
        let job = try await client.createJob(request)
        try record(job, method: settings.method.rawValue, in: directory)
        return job
    }

    /// The job `train --wait` or `train status DIR` picks up: the newest one recorded in the folder.
    public static func recordedJobID(in directory: URL) throws -> String {
        let state = try LoopStateFile.load(JobsState.self, named: JobsState.fileName, in: directory, empty: JobsState())
        guard let latest = state.latest else { throw Failure.noRecordedJob(directory: directory.path) }
        return latest.jobID
    }

    /// The job's state and a progress line built from its events and checkpoints.
    public func snapshot(jobID: String) async throws -> (FineTuningJob, String) {
        let job = try await client.job(id: jobID)
        let events = try await client.events(jobID: jobID)
        let checkpoints = (try? await client.checkpoints(jobID: jobID)) ?? []
        let metrics = JobProgress.latestMetrics(events: events, checkpoints: checkpoints)
        return (job, JobProgress.line(job: job, metrics: metrics))
    }

    /// Polls until the job succeeds, fails or is cancelled, calling `progress` when the line changes.
    public func wait(
        jobID: String, directory: URL?, progress: @Sendable (String) -> Void
    ) async throws -> FineTuningJob {
        var lastLine = ""
        while true {
            let (job, line) = try await snapshot(jobID: jobID)
            if line != lastLine {
                progress(line)
                lastLine = line
            }
            if let directory { try record(job, method: nil, in: directory) }
            if job.isFinished { return job }
            try await Task.sleep(for: pollInterval)
        }
    }

    /// Adds or updates the job in `directory/jobs.json`.
    func record(_ job: FineTuningJob, method: String?, in directory: URL) throws {
        var state = try LoopStateFile.load(JobsState.self, named: JobsState.fileName, in: directory, empty: JobsState())
        let known = state.jobs.first { $0.jobID == job.id }
        guard known == nil || known?.status != job.status || known?.fineTunedModel != job.fineTunedModel else { return }
        state.record(job, method: method ?? known?.method ?? "supervised", baseURL: client.configuration.baseURL)
        try LoopStateFile.save(state, named: JobsState.fileName, in: directory)
    }
}
