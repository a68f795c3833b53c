internal import Foundation

/// Where an OpenAI-shaped API lives and how to authenticate to it.
///
/// OpenAI reads `OPENAI_API_KEY` and `OPENAI_BASE_URL` (as the official SDKs do); Azure OpenAI reads
/// `AZURE_OPENAI_ENDPOINT`, `AZURE_OPENAI_API_KEY` and `OPENAI_API_VERSION` (as the SDKs' Azure clients
/// do), sends the key in an `api-key` header, prefixes paths with `/openai`, adds `api-version` to every
/// query, and addresses chat models as deployments. The key is never part of ``description``.
public struct ProviderConfiguration: Sendable, CustomStringConvertible {
    /// The kinds of API this client speaks.
    public enum Kind: String, Sendable, CaseIterable {
        case openai, azure
    }

    /// The OpenAI API's default base URL.
    public static let openAIBaseURL = "https://api.openai.com/v1"
    /// The Azure OpenAI data-plane version used when `OPENAI_API_VERSION` is not set.
    public static let defaultAzureAPIVersion = "2025-04-01-preview"

    public var kind: Kind
    /// The base URL without a trailing slash (for Azure, the resource endpoint).
    public var baseURL: String
    /// The secret; only ``authorizationHeaders`` reads it.
    var apiKey: String?
    /// Azure's `api-version` query value.
    public var apiVersion: String?

    public init(kind: Kind = .openai, baseURL: String, apiKey: String?, apiVersion: String? = nil) {
        self.kind = kind
        var base = baseURL
        while base.hasSuffix("/") { base.removeLast() }
        self.baseURL = base
        self.apiKey = apiKey.flatMap { $0.isEmpty ? nil : $0 }
        self.apiVersion = apiVersion
    }

    /// The configuration the environment describes.
    ///
    /// `kind` nil picks Azure when `AZURE_OPENAI_ENDPOINT` is set and `OPENAI_BASE_URL` is not.
    /// `baseURL` overrides the environment's URL (for `compare --base-url`).
    public static func from(
        environment: [String: String], kind: Kind? = nil, baseURL: String? = nil
    ) -> ProviderConfiguration {
        let chosen =
            kind
            ?? ((environment["AZURE_OPENAI_ENDPOINT"] != nil && environment["OPENAI_BASE_URL"] == nil)
                ? .azure : .openai)
        switch chosen {
        case .openai:
            return ProviderConfiguration(
                kind: .openai, baseURL: baseURL ?? nonEmpty(environment["OPENAI_BASE_URL"]) ?? openAIBaseURL,
                apiKey: environment["OPENAI_API_KEY"])
        case .azure:
            return ProviderConfiguration(
                kind: .azure, baseURL: baseURL ?? nonEmpty(environment["AZURE_OPENAI_ENDPOINT"]) ?? "",
                apiKey: environment["AZURE_OPENAI_API_KEY"] ?? environment["OPENAI_API_KEY"],
                apiVersion: nonEmpty(environment["OPENAI_API_VERSION"]) ?? defaultAzureAPIVersion)
        }
    }

    private static func nonEmpty(_ value: String?) -> String? {
        guard let value, !value.isEmpty else { return nil }
        return value
    }

    /// Whether a key is configured (without revealing it).
    public var hasKey: Bool { apiKey != nil }

    /// The headers that carry the key: `Authorization: Bearer` for OpenAI, `api-key` for Azure.
    var authorizationHeaders: [(String, String)] {
        guard let apiKey else { return [] }
        switch kind {
        case .openai: return [("Authorization", "Bearer \(apiKey)")]
        case .azure: return [("api-key", apiKey)]
        }
    }

    /// The full URL of an API path such as `/files` or `/fine_tuning/jobs/ftjob-1/events?limit=50`.
    public func url(for path: String) -> String {
        switch kind {
        case .openai:
            return baseURL + path
        case .azure:
            let separator = path.contains("?") ? "&" : "?"
            let version = apiVersion ?? Self.defaultAzureAPIVersion
            return baseURL + "/openai" + path + separator + "api-version=" + version
        }
    }

    /// The chat completions path for `model` (Azure addresses a deployment by name).
    public func chatCompletionsPath(model: String) -> String {
        switch kind {
        case .openai: return "/chat/completions"
        case .azure:
            let name = model.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? model
            return "/deployments/\(name)/chat/completions"
        }
    }

    /// Replaces the key wherever it occurs in `text` (a provider may echo part of a request).
    public func redacting(_ text: String) -> String {
        guard let apiKey, apiKey.count >= 4 else { return text }
        return text.replacingOccurrences(of: apiKey, with: "[redacted key]")
    }

    public var description: String {
        "\(kind.rawValue) at \(baseURL)" + (hasKey ? " (key set)" : " (no key)")
    }
}
