internal import Foundation

extension APIClient {
    /// Creates a fine-tuning job.
    public func createJob(_ request: FineTuningJobRequest) async throws -> FineTuningJob {
        try await json("POST", "/fine_tuning/jobs", body: request.body, as: FineTuningJob.self)
    }

    /// The job's current state.
    public func job(id: String) async throws -> FineTuningJob {
        try await json("GET", "/fine_tuning/jobs/\(id)", as: FineTuningJob.self)
    }

    /// Asks the provider to cancel the job and returns its new state.
    public func cancelJob(id: String) async throws -> FineTuningJob {
        try await json("POST", "/fine_tuning/jobs/\(id)/cancel", as: FineTuningJob.self)
    }

    /// The most recent jobs of the organisation, newest first.
    public func listJobs(limit: Int = 20) async throws -> [FineTuningJob] {
        try await json("GET", "/fine_tuning/jobs?limit=\(limit)", as: ListPage<FineTuningJob>.self).data
    }

    /// The job's most recent events, newest first (as the API lists them).
    public func events(jobID: String, limit: Int = 50) async throws -> [FineTuningEvent] {
        try await json(
            "GET", "/fine_tuning/jobs/\(jobID)/events?limit=\(limit)", as: ListPage<FineTuningEvent>.self
        ).data
    }

    /// The job's checkpoints, newest first.
    public func checkpoints(jobID: String, limit: Int = 10) async throws -> [FineTuningCheckpoint] {
        try await json(
            "GET", "/fine_tuning/jobs/\(jobID)/checkpoints?limit=\(limit)", as: ListPage<FineTuningCheckpoint>.self
        ).data
    }
}

extension APIClient {
    /// The model's answer to a conversation at temperature 0 (refusals are returned as the answer).
    public func complete(model: String, messages: [ChatMessage], temperature: Double = 0) async throws -> String {
        let path = configuration.chatCompletionsPath(model: model)
        let answer = try await json(
            "POST", path,
            body: ChatCompletionBody(model: model, messages: messages, temperature: temperature, seed: nil),
            as: ChatCompletionAnswer.self)
        guard let message = answer.choices.first?.message else {
            throw ProviderError.invalidResponse(path: path, reason: "no choices")
        }
        return message.content ?? message.refusal ?? ""
    }
}
