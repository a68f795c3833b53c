internal import AsyncHTTPClient
internal import Foundation
internal import NIOCore
internal import NIOHTTP1

/// An OpenAI-shaped API over AsyncHTTPClient: authentication, timeouts, retries, readable errors.
///
/// Every request gets the configuration's auth headers, a per-request deadline, and retries on 429,
/// 5xx, timeouts and lost connections (honouring `Retry-After`). A 2xx body is returned as bytes;
/// any other status becomes a ``ProviderError`` carrying the provider's message with the key
/// redacted.
public struct APIClient: Sendable {
    public var configuration: ProviderConfiguration
    public var retry: RetryPolicy
    /// The deadline of one attempt, body included.
    public var timeout: Duration
    /// A body larger than this is refused (no API answer the loop reads comes near it).
    static let maximumResponseBytes = 64 * 1024 * 1024
    /// Connections kept per host: `compare --concurrency 8` has 16 requests in flight, and a judge 16
    /// more (AsyncHTTPClient's default of 8 would queue them).
    static let connectionsPerHost = 64

    /// The process's one HTTP client: connections are pooled across every request to a host.
    static let http: HTTPClient = {
        var configuration = HTTPClient.Configuration.singletonConfiguration
        configuration.connectionPool = HTTPClient.Configuration.ConnectionPool(
            idleTimeout: .seconds(60), concurrentHTTP1ConnectionsPerHostSoftLimit: connectionsPerHost)
        configuration.timeout.connect = .seconds(10)
        return HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration)
    }()

    public init(
        configuration: ProviderConfiguration, retry: RetryPolicy = RetryPolicy(), timeout: Duration = .seconds(120)
    ) {
        self.configuration = configuration
        self.retry = retry
        self.timeout = timeout
    }

    /// One request's method, path, body and content type.
    struct Request: Sendable {
        var method: String
        var path: String
        var body: Data?
        var contentType: String?
        /// Overrides the client's deadline (an upload's grows with its size).
        var timeout: Duration?
    }

    /// The deadline for sending `bytes`: the usual one plus the time a slow uplink needs for them.
    func deadline(forSending bytes: Int) -> Duration {
        timeout + .seconds(bytes / Self.slowestUploadBytesPerSecond)
    }

    /// A slow office uplink (1 MB/s): an upload is not cut off while it is still making progress at this rate.
    static let slowestUploadBytesPerSecond = 1_000_000

    /// Sends a JSON request and decodes the JSON answer.
    func json<Response: Decodable>(
        _ method: String, _ path: String, body: (any Encodable & Sendable)? = nil, as type: Response.Type
    ) async throws -> Response {
        var data: Data?
        if let body {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            data = try encoder.encode(body)
        }
        let bytes = try await send(
            Request(method: method, path: path, body: data, contentType: data == nil ? nil : "application/json"))
        return try decode(bytes, as: type, path: path)
    }

    /// Decodes a 2xx body, turning a malformed one into ``ProviderError/invalidResponse(path:reason:)``.
    func decode<Response: Decodable>(_ bytes: Data, as type: Response.Type, path: String) throws -> Response {
        do {
            return try JSONDecoder().decode(type, from: bytes)
        } catch {
            let snippet = String(decoding: bytes.prefix(200), as: UTF8.self)
            throw ProviderError.invalidResponse(
                path: path, reason: "\(Self.describe(decodingError: error)); body starts: \(snippet)")
        }
    }

    private static func describe(decodingError error: any Error) -> String {
        switch error as? DecodingError {
        case .keyNotFound(let key, _): return "missing field '\(key.stringValue)'"
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            return "wrong type at '\(context.codingPath.map(\.stringValue).joined(separator: "."))'"
        case .dataCorrupted: return "not valid JSON (truncated?)"
        default: return "\(error)"
        }
    }

    /// Sends a request with retries and returns the 2xx body.
    func send(_ request: Request) async throws -> Data {
        var attempt = 0
        while true {
            attempt += 1
            let outcome: Outcome
            do {
                outcome = try await sendOnce(request)
            } catch let error as ProviderError {
                throw error
            } catch is CancellationError {
                throw CancellationError()
            } catch {
                let reason = configuration.redacting(Self.describe(transportError: error))
                guard attempt < retry.maximumAttempts else {
                    throw ProviderError.transport(attempts: attempt, reason: reason)
                }
                try await retry.sleep(retry.delay(afterAttempt: attempt, retryAfter: nil))
                continue
            }
            if (200..<300).contains(outcome.status) { return outcome.body }
            let message = configuration.redacting(ProviderError.message(fromBody: outcome.body))
            if RetryPolicy.isRetryable(status: outcome.status) {
                guard attempt < retry.maximumAttempts else {
                    throw ProviderError.exhaustedRetries(status: outcome.status, attempts: attempt, message: message)
                }
                try await retry.sleep(retry.delay(afterAttempt: attempt, retryAfter: outcome.retryAfter))
                continue
            }
            switch outcome.status {
            case 401: throw ProviderError.unauthorized(message: message)
            case 403: throw ProviderError.forbidden(message: message)
            case 404: throw ProviderError.notFound(path: request.path, message: message)
            default: throw ProviderError.rejected(status: outcome.status, message: message)
            }
        }
    }

    private struct Outcome {
        var status: Int
        var body: Data
        var retryAfter: String?
    }

    private func sendOnce(_ request: Request) async throws -> Outcome {
        var http = HTTPClientRequest(url: configuration.url(for: request.path))
        http.method = HTTPMethod(rawValue: request.method)
        for (name, value) in configuration.authorizationHeaders { http.headers.add(name: name, value: value) }
        http.headers.add(name: "User-Agent", value: "tunedata")
        http.headers.add(name: "Accept", value: "application/json")
        if let body = request.body {
            http.headers.add(name: "Content-Type", value: request.contentType ?? "application/octet-stream")
            http.body = .bytes(ByteBuffer(bytes: body))
        }
        let limit = request.timeout ?? timeout
        let deadline = TimeAmount.nanoseconds(
            limit.components.seconds * 1_000_000_000 + limit.components.attoseconds / 1_000_000_000)
        let response = try await Self.http.execute(http, timeout: deadline)
        let buffer = try await response.body.collect(upTo: Self.maximumResponseBytes)
        return Outcome(
            status: Int(response.status.code), body: Data(buffer.readableBytesView),
            retryAfter: response.headers.first(name: "Retry-After"))
    }

    private static func describe(transportError error: any Error) -> String {
        if let error = error as? HTTPClientError {
            switch error {
            case .deadlineExceeded, .readTimeout, .connectTimeout: return "timed out"
            case .remoteConnectionClosed: return "the server closed the connection before the answer was complete"
            default: return "\(error)"
            }
        }
        return "\(error)"
    }
}
