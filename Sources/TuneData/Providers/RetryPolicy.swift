public import Foundation

/// How often and how long to wait before retrying a request that got 429, 5xx or no answer.
///
/// Delays grow exponentially from `initialDelay` up to `maximumDelay`, with jitter, unless the
/// provider sends `Retry-After` (seconds or an HTTP date), which is honoured up to `maximumDelay`.
public struct RetryPolicy: Sendable {
    /// Attempts in all, the first included (the official SDKs retry twice; a long upload deserves more).
    public var maximumAttempts: Int
    public var initialDelay: Duration
    public var maximumDelay: Duration
    /// Waits for a delay; tests record the delays instead of sleeping.
    public var sleep: @Sendable (Duration) async throws -> Void

    public init(
        maximumAttempts: Int = 5, initialDelay: Duration = .milliseconds(500), maximumDelay: Duration = .seconds(60),
        sleep: @escaping @Sendable (Duration) async throws -> Void = { try await Task.sleep(for: $0) }
    ) {
        self.maximumAttempts = max(1, maximumAttempts)
        self.initialDelay = initialDelay
        self.maximumDelay = maximumDelay
        self.sleep = sleep
    }

    /// Whether an HTTP status is worth retrying: rate limits, timeouts and server errors.
    public static func isRetryable(status: Int) -> Bool {
        status == 408 || status == 409 || status == 429 || status >= 500
    }

    /// The wait before attempt `attempt + 1` (attempt counts from 1), given the `Retry-After` value.
    public func delay(afterAttempt attempt: Int, retryAfter: String?, now: Date = Date()) -> Duration {
        if let retryAfter, let seconds = Self.seconds(fromRetryAfter: retryAfter, now: now) {
            return min(.milliseconds(Int64(seconds * 1000)), maximumDelay)
        }
        let exponent = min(attempt - 1, 16)
        let base = initialDelay * (1 << exponent)
        let jitter = Double.random(in: 0.75...1.0)
        return min(base * jitter, maximumDelay)
    }

    /// Seconds from a `Retry-After` header: a number of seconds or an HTTP date.
    static func seconds(fromRetryAfter value: String, now: Date) -> Double? {
        let trimmed = value.trimmingCharacters(in: .whitespaces)
        if let seconds = Double(trimmed), seconds >= 0 { return seconds }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        guard let date = formatter.date(from: trimmed) else { return nil }
        return max(0, date.timeIntervalSince(now))
    }
}
