import Foundation
import Testing

@testable import TuneData

/// The HTTP client against a test server: authentication, retries, timeouts, truncated bodies, and
/// readable errors that never carry the key.
@Suite struct APIClientTests {
    @Test func multipartBodyIsExactlyRFC7578() {
        var form = MultipartForm(boundary: "BOUNDARY")
        form.addField(name: "purpose", value: "fine-tune")
        form.addFile(
            name: "file", filename: "train \"a\".jsonl", contentType: "application/jsonl", data: Data("{}\n".utf8))
        let expected =
            "--BOUNDARY\r\nContent-Disposition: form-data; name=\"purpose\"\r\n\r\nfine-tune\r\n"
            + "--BOUNDARY\r\nContent-Disposition: form-data; name=\"file\"; filename=\"train %22a%22.jsonl\"\r\n"
            + "Content-Type: application/jsonl\r\n\r\n{}\n\r\n--BOUNDARY--\r\n"
        #expect(form.encoded() == Data(expected.utf8))
        #expect(form.contentType == "multipart/form-data; boundary=BOUNDARY")
    }

    @Test func openAIAndAzureAddressAndAuthenticateDifferently() {
        let openai = ProviderConfiguration.from(
            environment: ["OPENAI_API_KEY": "k1", "OPENAI_BASE_URL": "http://h/v1/"])
        #expect(openai.kind == .openai)
        #expect(openai.url(for: "/files") == "http://h/v1/files")
        #expect(openai.authorizationHeaders.map(\.0) == ["Authorization"])
        #expect(openai.chatCompletionsPath(model: "gpt-4o") == "/chat/completions")
        let azure = ProviderConfiguration.from(
            environment: [
                "AZURE_OPENAI_ENDPOINT": "https://res.openai.azure.com", "AZURE_OPENAI_API_KEY": "k2",
                "OPENAI_API_VERSION": "2024-10-21",
            ])
        #expect(azure.kind == .azure)
        #expect(
            azure.url(for: "/fine_tuning/jobs?limit=5")
                == "https://res.openai.azure.com/openai/fine_tuning/jobs?limit=5&api-version=2024-10-21")
        #expect(azure.authorizationHeaders.map(\.0) == ["api-key"])
        #expect(azure.chatCompletionsPath(model: "my deploy") == "/deployments/my%20deploy/chat/completions")
        #expect(!azure.description.contains("k2") && !openai.description.contains("k1"))
        let defaults = ProviderConfiguration.from(environment: [:])
        #expect(defaults.baseURL == "https://api.openai.com/v1" && !defaults.hasKey)
    }

    @Test func retriesA429AfterTheDelayItAsksFor() async throws {
        let count = Counter()
        let server = try TestHTTPServer { _ in
            count.next() == 1
                ? .json(429, ProviderFixtures.error("Rate limit reached"), headers: [("Retry-After", "2")])
                : .json(ProviderFixtures.list([]))
        }
        defer { server.stop() }
        let delays = DelayLog()
        let jobs = try await ProviderFixtures.client(server, delays: delays).listJobs()
        #expect(jobs.isEmpty)
        #expect(delays.delays == [.seconds(2)])
        #expect(server.requests.count == 2)
        #expect(server.requests[0].header("Authorization") == "Bearer \(ProviderFixtures.sentinelKey)")
    }

    @Test func backsOffExponentiallyOn5xxAndGivesUpWithTheMessage() async throws {
        let server = try TestHTTPServer { _ in .json(503, ProviderFixtures.error("The server is overloaded")) }
        defer { server.stop() }
        let delays = DelayLog()
        let error = await #expect(throws: ProviderError.self) {
            try await ProviderFixtures.client(server, delays: delays, attempts: 3).job(id: "ftjob-1")
        }
        #expect(error == .exhaustedRetries(status: 503, attempts: 3, message: "The server is overloaded"))
        #expect(server.requests.count == 3)
        #expect(delays.delays.count == 2)
        let (first, second) = (delays.delays[0], delays.delays[1])
        #expect(first >= .milliseconds(375) && first <= .milliseconds(500))
        #expect(second >= .milliseconds(750) && second <= .milliseconds(1000))
    }

    @Test func retryAfterAsAnHTTPDateIsHonoured() {
        let now = Date(timeIntervalSince1970: 1_764_000_000)
        let later = "Mon, 24 Nov 2025 16:00:30 GMT"  // 1764000030
        #expect(RetryPolicy.seconds(fromRetryAfter: later, now: now) == 30)
        #expect(RetryPolicy.seconds(fromRetryAfter: "1.5", now: now) == 1.5)
        #expect(RetryPolicy.seconds(fromRetryAfter: "soon", now: now) == nil)
        let policy = RetryPolicy(maximumDelay: .seconds(10))
        #expect(policy.delay(afterAttempt: 1, retryAfter: "600") == .seconds(10))
    }

    @Test func anUploadsDeadlineGrowsWithItsSize() {
        let client = APIClient(
            configuration: ProviderConfiguration(baseURL: "http://127.0.0.1:1", apiKey: nil), timeout: .seconds(30))
        #expect(client.deadline(forSending: 100) == .seconds(30))
        #expect(client.deadline(forSending: 64 * 1024 * 1024) == .seconds(30 + 67))
    }

    @Test func aSilentServerTimesOutAndIsRetried() async throws {
        let server = try TestHTTPServer { _ in .silence }
        defer { server.stop() }
        let error = await #expect(throws: ProviderError.self) {
            try await ProviderFixtures.client(server, attempts: 2, timeout: .milliseconds(300)).job(id: "ftjob-1")
        }
        #expect(error == .transport(attempts: 2, reason: "timed out"))
        #expect(server.requests.count == 2)
    }

    @Test func aTruncatedBodyIsRetriedThenRead() async throws {
        let count = Counter()
        let job = try JSONSerialization.data(withJSONObject: ProviderFixtures.job(status: "running"))
        let server = try TestHTTPServer { _ in
            count.next() == 1
                ? .truncated(body: job, sent: job.count / 2) : .answer(status: 200, headers: [], body: job)
        }
        defer { server.stop() }
        let fetched = try await ProviderFixtures.client(server).job(id: "ftjob-1")
        #expect(fetched.status == "running")
        #expect(server.requests.count == 2)
    }

    @Test func aMalformedSuccessIsReportedNotRetried() async throws {
        let server = try TestHTTPServer { _ in
            .answer(status: 200, headers: [], body: Data(#"{"id":"ftjob-1","sta"#.utf8))
        }
        defer { server.stop() }
        let error = await #expect(throws: ProviderError.self) {
            try await ProviderFixtures.client(server).job(id: "ftjob-1")
        }
        guard case .invalidResponse(let path, let reason) = error else {
            Issue.record("expected invalidResponse, got \(String(describing: error))")
            return
        }
        #expect(path == "/fine_tuning/jobs/ftjob-1")
        #expect(reason.contains("not valid JSON"))
        #expect(server.requests.count == 1)
    }

    @Test(arguments: [
        (401, "Incorrect API key provided: sk-test-****c1e5b.", "401 Unauthorized"),
        (
            403, "Fine-tuning is no longer available to new customers of this organization.",
            "403 Forbidden"
        ),
        (404, "The model 'ft:nothing' does not exist", "404 Not Found for /fine_tuning/jobs"),
    ])
    func clientErrorsShowTheProviderMessageVerbatim(status: Int, message: String, prefix: String) async throws {
        let server = try TestHTTPServer { _ in
            .json(status, ProviderFixtures.error(message + " (you sent \(ProviderFixtures.sentinelKey))"))
        }
        defer { server.stop() }
        let error = await #expect(throws: ProviderError.self) {
            _ = try await ProviderFixtures.client(server).createJob(
                FineTuningJobRequest(model: "gpt-4.1-mini-2025-04-14", trainingFile: "file-1"))
        }
        let text = error.map { "\($0)" } ?? ""
        #expect(text.hasPrefix(prefix))
        #expect(text.contains(message))
        #expect(!text.contains(ProviderFixtures.sentinelKey))
        #expect(server.requests.count == 1)
    }
}
