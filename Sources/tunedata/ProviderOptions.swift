public import ArgumentParser
import Foundation
import TuneData

/// The options every command that talks to a provider shares: which API, where, and how patient.
struct ProviderOptions: ParsableArguments {
    @Option(
        help:
            "The API: openai (OPENAI_API_KEY, OPENAI_BASE_URL) or azure (AZURE_OPENAI_ENDPOINT, AZURE_OPENAI_API_KEY, OPENAI_API_VERSION). Default: azure when only AZURE_OPENAI_ENDPOINT is set."
    )
    var provider: ProviderConfiguration.Kind?

    @Option(help: "The API's base URL, overriding OPENAI_BASE_URL or AZURE_OPENAI_ENDPOINT.")
    var endpoint: String?

    @Option(help: "Seconds one request may take, answer included, before it is retried.")
    var timeout: Int = 120

    @Option(help: "Attempts per request in all, on 429, 5xx, timeouts and lost connections.")
    var attempts: Int = 5

    /// A client for the configured provider (or for `endpoint`, when given).
    func client(endpoint override: String? = nil) throws -> APIClient {
        let environment = ProcessInfo.processInfo.environment
        let configuration = ProviderConfiguration.from(
            environment: environment, kind: provider, baseURL: override ?? endpoint)
        if !configuration.hasKey {
            switch configuration.kind {
            case .openai where configuration.baseURL == ProviderConfiguration.openAIBaseURL:
                throw ProviderError.missingKey(variable: "OPENAI_API_KEY")
            case .azure:
                throw ProviderError.missingKey(variable: "AZURE_OPENAI_API_KEY")
            default:
                break
            }
        }
        if configuration.baseURL.isEmpty {
            throw ValidationError("no endpoint: set AZURE_OPENAI_ENDPOINT or give --endpoint")
        }
        return APIClient(
            configuration: configuration, retry: RetryPolicy(maximumAttempts: attempts), timeout: .seconds(timeout))
    }
}

extension ProviderConfiguration.Kind: ExpressibleByArgument {}

/// Runs a provider operation and turns its errors into one readable line and a failing exit status.
func reportingProviderErrors<T>(_ operation: () async throws -> T) async throws -> T {
    do {
        return try await operation()
    } catch let error as ExitCode {
        throw error
    } catch let error as ValidationError {
        throw error
    } catch {
        printError("error: \(error)")
        throw ExitCode.failure
    }
}
