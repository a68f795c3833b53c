internal import Foundation

/// Why a request to a provider failed, with the provider's own message and never the key.
public enum ProviderError: Error, CustomStringConvertible, Equatable {
    /// 401: the key is missing, wrong or revoked.
    case unauthorized(message: String)
    /// 403: the key is valid but may not do this (a platform that no longer accepts new
    /// fine-tuning jobs answers so).
    case forbidden(message: String)
    /// 404: the file, job or model does not exist (or the base URL is wrong).
    case notFound(path: String, message: String)
    /// 429 or 5xx still failing after every retry.
    case exhaustedRetries(status: Int, attempts: Int, message: String)
    /// Another 4xx: the request was refused as invalid.
    case rejected(status: Int, message: String)
    /// No usable answer: timeout, connection lost, truncated body, after every retry.
    case transport(attempts: Int, reason: String)
    /// A 2xx whose body is not the JSON the API describes.
    case invalidResponse(path: String, reason: String)
    /// No key in the environment.
    case missingKey(variable: String)

    public var description: String {
        switch self {
        case .unauthorized(let message):
            return "401 Unauthorized: \(message) (check the key in OPENAI_API_KEY or AZURE_OPENAI_API_KEY)"
        case .forbidden(let message):
            return "403 Forbidden: \(message)"
                + " (the key may lack permission, or the platform no longer accepts this operation)"
        case .notFound(let path, let message):
            return "404 Not Found for \(path): \(message) (check the id, the model name and the base URL)"
        case .exhaustedRetries(let status, let attempts, let message):
            return "HTTP \(status) after \(attempts) attempts: \(message)"
        case .rejected(let status, let message):
            return "HTTP \(status): \(message)"
        case .transport(let attempts, let reason):
            return "no answer after \(attempts) attempts: \(reason)"
        case .invalidResponse(let path, let reason):
            return "unexpected answer from \(path): \(reason)"
        case .missingKey(let variable):
            return "no API key: set \(variable)"
        }
    }

    /// The provider's message from an OpenAI-shaped error body (`{"error":{"message":...}}`), else the
    /// body's text, cut to a readable length.
    static func message(fromBody body: Data) -> String {
        if let object = try? JSONSerialization.jsonObject(with: body) as? [String: Any] {
            if let error = object["error"] as? [String: Any], let message = error["message"] as? String {
                if let code = error["code"] as? String, !code.isEmpty { return "\(message) [\(code)]" }
                return message
            }
            if let message = object["message"] as? String { return message }
        }
        let text = String(decoding: body.prefix(maximumMessageBytes), as: UTF8.self)
        return text.isEmpty ? "(empty body)" : text
    }

    /// A provider's message longer than this is cut: it is shown to a person.
    static let maximumMessageBytes = 2000
}
