/// The lifecycle of OpenAI's fine-tunable models, as OpenAI's deprecations page states it.
///
/// OpenAI announced in May 2026 that it is winding down self-serve fine-tuning: gpt-3.5-turbo and
/// gpt-4.1-nano shut down in October 2026; gpt-4o-2024-08-06, gpt-4o-mini-2024-07-18,
/// gpt-4.1-2025-04-14 and gpt-4.1-mini-2025-04-14 shut down on 2027-01-14, their fine-tunes with them.
/// A shut-down model is refused (with the date and the replacement); one shutting down is warned about.
public enum OpenAIModels {
    /// Where a model stands.
    public enum Status: Sendable, Equatable {
        case available
        /// Still trainable, but the model and its fine-tunes stop working on `date`.
        case shuttingDown(date: String)
        /// No longer trainable since `date`; `replacement` is the model OpenAI names instead.
        case shutDown(date: String, replacement: String)
    }

    /// The page the dates come from.
    public static let deprecationsPage = "https://platform.openai.com/docs/deprecations"
    /// The shutdown date of the last fine-tunable models.
    public static let finalShutdown = "2027-01-14"

    /// Model name prefixes and their status, most specific first.
    static let table: [(prefix: String, status: Status)] = [
        ("gpt-4.1-nano", .shutDown(date: "October 2026", replacement: "gpt-4.1-mini-2025-04-14")),
        ("gpt-3.5-turbo", .shutDown(date: "October 2026", replacement: "gpt-4o-mini-2024-07-18")),
        ("gpt-4o-mini-2024-07-18", .shuttingDown(date: finalShutdown)),
        ("gpt-4o-2024-08-06", .shuttingDown(date: finalShutdown)),
        ("gpt-4.1-mini-2025-04-14", .shuttingDown(date: finalShutdown)),
        ("gpt-4.1-2025-04-14", .shuttingDown(date: finalShutdown)),
    ]

    /// The status of `model` (a fine-tuned model name `ft:BASE:...` is judged by its base).
    public static func status(of model: String) -> Status {
        var base = model
        if base.hasPrefix("ft:") { base = String(base.dropFirst(3)) }
        return table.first { base.hasPrefix($0.prefix) }?.status ?? .available
    }

    /// A finding for a model that is shut down (error) or shutting down (warning), if any.
    public static func finding(for model: String) -> ValidationFinding? {
        switch status(of: model) {
        case .available:
            return nil
        case .shuttingDown(let date):
            return ValidationFinding(
                line: nil, severity: .warning, kind: "model_shutting_down",
                message: "\(model) and its fine-tunes shut down on \(date) (\(deprecationsPage))")
        case .shutDown(let date, let replacement):
            return ValidationFinding(
                line: nil, severity: .error, kind: "model_shut_down",
                message:
                    "\(model) was shut down in \(date) and can no longer be fine-tuned; use \(replacement) (\(deprecationsPage))"
            )
        }
    }
}
