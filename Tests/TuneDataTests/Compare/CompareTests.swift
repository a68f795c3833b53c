import Foundation
import Testing

@testable import TuneData

/// Scores computed by hand, and a comparison against a stand-in chat server with known answers.
@Suite struct CompareTests {
    @Test func tokenF1AndRougeLMatchTheirHandComputedValues() {
        // answer: the quick brown fox (4), reference: the quick red fox jumps (5).
        // Shared bag: the, quick, fox = 3 → P 3/4, R 3/5, F1 = 2·0.45/1.35 = 2/3.
        // LCS: the quick fox = 3 → the same 2/3.
        let scores = AnswerScores(answer: "The quick brown fox.", reference: "the quick red fox jumps", passage: "")
        #expect(abs(scores.tokenF1 - 2.0 / 3.0) < 1e-12)
        #expect(abs(scores.rougeL - 2.0 / 3.0) < 1e-12)
        #expect(scores.quoted == 0)
        // Order matters to ROUGE-L only: "fox quick the" shares 3 tokens but an LCS of 1.
        let shuffled = AnswerScores(answer: "fox quick the", reference: "the quick fox", passage: "")
        #expect(shuffled.tokenF1 == 1)
        #expect(abs(shuffled.rougeL - 1.0 / 3.0) < 1e-12)
    }

    @Test func quotedShareCountsOnlyRunsOfFiveOrMoreTokens() {
        let passage = "The Supplier shall deliver the Goods to the Premises within thirty days of the Order."
        // 10 answer tokens; "deliver the goods to the premises" (6) is copied; after "then", "within thirty"
        // (2) also occurs in the passage but is too short a run to count.
        let answer = "Must deliver the Goods to the Premises, then within thirty"
        let scores = AnswerScores(answer: answer, reference: passage, passage: passage)
        #expect(abs(scores.quoted - 0.6) < 1e-12)
        #expect(AnswerScores(answer: passage, reference: passage, passage: passage).quoted == 1)
    }

    @Test func pairedBootstrapOfAConstantDifferenceIsThatDifference() {
        let same = PairedBootstrap(base: [0.1, 0.5, 0.9], tuned: [0.1, 0.5, 0.9])
        #expect(same.meanDifference == 0 && same.low == 0 && same.high == 0 && !same.isSignificant)
        let shifted = PairedBootstrap(base: [0, 0.25, 0.5], tuned: [0.5, 0.75, 1])
        #expect(shifted.meanDifference == 0.5 && shifted.low == 0.5 && shifted.high == 0.5 && shifted.isSignificant)
        let mixed = PairedBootstrap(base: [0, 0, 0, 0], tuned: [1, 0, 1, 0])
        #expect(mixed.meanDifference == 0.5)
        #expect(mixed.low >= 0 && mixed.low < 0.5 && mixed.high > 0.5 && mixed.high <= 1)
        #expect(mixed == PairedBootstrap(base: [0, 0, 0, 0], tuned: [1, 0, 1, 0]))
    }

    @Test(arguments: [
        ("A", JudgeGrade.correct), ("B: the answer contradicts", .incorrect), ("C", .notAttempted),
        ("CORRECT", .correct), ("incorrect", .incorrect), ("NOT_ATTEMPTED", .notAttempted),
    ])
    func judgeRepliesAreRead(reply: String, grade: JudgeGrade) {
        #expect(JudgeGrade.parse(reply) == grade)
    }

    /// Three questions; the tuned model knows two answers and half-knows the third, the base model none.
    static let references = [
        "Clause 1 provides that the tenant pays rent monthly.",
        "Clause 2 provides that the landlord repairs the roof.",
        "Clause 3 provides that either party may end the lease.",
    ]

    static func standInServer(judged: Bool = false) throws -> TestHTTPServer {
        try TestHTTPServer { request in
            let body = request.json as? [String: Any]
            let model = body?["model"] as? String ?? ""
            let messages = body?["messages"] as? [[String: Any]] ?? []
            let question = messages.last?["content"] as? String ?? ""
            if model == "judge" {
                return .json(
                    ProviderFixtures.chat(
                        question.contains("Answer to grade:\nClause 3 provides")
                            ? "B" : (question.contains("Answer to grade:\nI do not know") ? "C" : "A")))
            }
            guard model == "ft:tuned" else { return .json(ProviderFixtures.chat("I do not know.")) }
            for (index, reference) in references.enumerated() where question.hasSuffix("Clause \(index + 1) provide?") {
                return .json(ProviderFixtures.chat(index == 2 ? "Clause 3 provides" : reference))
            }
            return .json(ProviderFixtures.chat(""))
        }
    }

    static func folder() throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("compare-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        let lines = references.enumerated().map { index, reference in
            ProviderFixtures.exampleLine(question: "What does Clause \(index + 1) provide?", answer: reference)
        }
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: root.appendingPathComponent("validation.jsonl"))
        let provenance = (1...3).map {
            "{\"split\":\"validation\",\"line\":\($0),\"source\":\"in/lease.pdf\",\"document\":\"d\",\"pages\":[\($0 + 4)],\"section\":\"Clause \($0)\",\"template\":\"t\",\"variant\":1}"
        }
        try Data((provenance.joined(separator: "\n") + "\n").utf8).write(
            to: root.appendingPathComponent("provenance.jsonl"))
        return root
    }

    static func run(_ server: TestHTTPServer, judge: Bool, folder: URL) async throws -> ComparisonReport {
        let client = ProviderFixtures.client(server)
        let questions = try ComparisonQuestions.load(split: "validation", in: folder)
        return try await ComparisonRun(
            base: client, tuned: client, judge: judge ? client : nil, baseModel: "base", tunedModel: "ft:tuned",
            judgeModel: judge ? "judge" : nil, context: .none, concurrency: 2
        ).run(questions: questions, questionSet: "validation")
    }

    @Test func knownAnswersGiveKnownScores() async throws {
        let server = try Self.standInServer()
        defer { server.stop() }
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let report = try await Self.run(server, judge: false, folder: folder)

        // Base "I do not know." shares no token with any reference: all zero.
        #expect(report.base.tokenF1 == 0 && report.base.rougeL == 0 && report.base.quoted == 0)
        // Tuned: 1, 1, and "Clause 3 provides" (3 tokens) against 10 reference tokens, all shared and in
        // order: P 1, R 0.3 → F1 = 0.6/1.3 = 6/13; quoted: a 3-token run is below 5, so 0.
        let third = 6.0 / 13.0
        #expect(abs(report.tuned.tokenF1 - (2 + third) / 3) < 1e-12)
        #expect(abs(report.tuned.rougeL - (2 + third) / 3) < 1e-12)
        #expect(abs(report.tuned.quoted - 2.0 / 3.0) < 1e-12)
        #expect(report.wins == 3 && report.ties == 0 && report.losses == 0)
        #expect(report.items.map(\.tunedIsWrong) == [false, false, true])
        #expect(report.items[0].question.source == "in/lease.pdf")
        #expect(report.items[0].question.pages == [5])
        #expect(abs((report.differences["token_f1"]?.meanDifference ?? 0) - (2 + third) / 3) < 1e-12)
        // 2 questions × 2 models + 1 × 2 = 6 chat requests, each with the example's own system prompt.
        #expect(server.requests.count == 6)
        let systems = server.requests.compactMap {
            (($0.json as? [String: Any])?["messages"] as? [[String: Any]])?.first?["content"] as? String
        }
        #expect(Set(systems) == ["You are a legal assistant."])
        let temperatures = server.requests.compactMap {
            (($0.json as? [String: Any])?["temperature"] as? NSNumber)?.doubleValue
        }
        #expect(temperatures == [Double](repeating: 0, count: 6))

        let written = try ComparisonOutput.write(report, into: folder)
        #expect(written.corrections == 1 && written.preferences == 1)
        let compare = folder.appendingPathComponent("compare")
        let correction = try String(contentsOf: compare.appendingPathComponent("corrections.jsonl"), encoding: .utf8)
        #expect(
            correction
                == #"{"messages":[{"content":"You are a legal assistant.","role":"system"},{"content":"What does Clause 3 provide?","role":"user"},{"content":"Clause 3 provides that either party may end the lease.","role":"assistant"}]}"#
                + "\n")
        let preference = try String(contentsOf: compare.appendingPathComponent("preferences.jsonl"), encoding: .utf8)
        #expect(
            preference
                == #"{"input":{"messages":[{"content":"You are a legal assistant.","role":"system"},{"content":"What does Clause 3 provide?","role":"user"}]},"non_preferred_output":[{"content":"Clause 3 provides","role":"assistant"}],"preferred_output":[{"content":"Clause 3 provides that either party may end the lease.","role":"assistant"}]}"#
                + "\n")
        let page = try String(contentsOf: compare.appendingPathComponent("report.html"), encoding: .utf8)
        #expect(page.contains(#""in/lease.pdf""#) && page.contains(#"[5]"#) && page.contains(#""Clause 1""#))
        #expect(page.contains("3 wins · 0 ties · 0 losses"))
        let json = try JSONSerialization.jsonObject(
            with: Data(contentsOf: compare.appendingPathComponent("report.json")))
        #expect((json as? [String: Any])?["wins"] as? Int == 3)

        // The corrections file is a valid --include file.
        let (included, findings) = try IncludedExamples.load(from: compare.appendingPathComponent("corrections.jsonl"))
        #expect(included.count == 1 && findings.filter { $0.severity == .error }.isEmpty)
    }

    @Test func aJudgeDecidesWinsAndCorrections() async throws {
        let server = try Self.standInServer()
        defer { server.stop() }
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let report = try await Self.run(server, judge: true, folder: folder)
        // The judge: "I do not know" → C, the half answer → B, the rest → A.
        #expect(report.base.correct == 0 && report.base.notAttempted == 3)
        #expect(report.tuned.correct == 2 && report.tuned.incorrect == 1)
        #expect(report.wins == 2 && report.ties == 1 && report.losses == 0)
        #expect(report.differences["judge"]?.meanDifference == 2.0 / 3.0)
        #expect(report.items.map(\.tunedIsWrong) == [false, false, true])
        #expect(report.primaryMetric == "judge")
        #expect(server.requests.count == 12)
    }

    @Test func thePageShowsLossesFirstAndEscapesText() throws {
        func question(_ text: String) -> ComparisonQuestion {
            ComparisonQuestion(
                messages: [ChatMessage(role: "user", content: text)], reference: "rent is due monthly", file: "v.jsonl",
                line: 1)
        }
        func answer(_ f1: Double, _ text: String) -> ScoredAnswer {
            ScoredAnswer(answer: text, scores: AnswerScores(tokenF1: f1, rougeL: f1, quoted: 0))
        }
        let report = ComparisonReport(
            baseModel: "base", tunedModel: "tuned", judgeModel: nil, questionSet: "validation", context: "none",
            pairs: [
                (question("Q-win"), answer(0, "x"), answer(1, "y")),
                (question("Q-loss <b>"), answer(0.9, "a & b"), answer(0.1, "c")),
                (question("Q-tie"), answer(0.5, "p"), answer(0.52, "q")),
            ])
        #expect(report.items.map(\.outcome) == [.win, .loss, .tie])
        let page = ComparisonPage.render(report)
        // The rows are the data block of the shared report page, losses first; a "<" in the data is
        // written as \u003c, so no text can close the script.
        let positions = [#"Q-loss \u003cb>"#, "Q-tie", "Q-win"].compactMap { page.range(of: $0)?.lowerBound }
        #expect(positions.count == 3 && positions == positions.sorted())
        #expect(page.contains(#""a & b""#))
        #expect(!page.contains("Q-loss <b>"))
        #expect(page.contains(#""key":"outcome""#) && page.contains(#""table":["loss","tie","win"]"#))
        #expect(page.contains("<title>tuned against base"))
        let structured = ComparisonPage.page(report)
        #expect(structured.table?.count == 3)
        #expect(structured.subtitle == "3 questions · 1 wins · 1 ties · 1 losses")
    }

    @Test func aRefusedQuestionIsRecordedAndTheRunGoesOn() async throws {
        let server = try TestHTTPServer { request in
            let body = request.json as? [String: Any]
            let question = (body?["messages"] as? [[String: Any]])?.last?["content"] as? String ?? ""
            if body?["model"] as? String == "base", question.contains("Clause 2") {
                return .json(400, ProviderFixtures.error("This model's maximum context length is 8192 tokens."))
            }
            return .json(ProviderFixtures.chat("Clause provides"))
        }
        defer { server.stop() }
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let report = try await Self.run(server, judge: false, folder: folder)
        #expect(report.items.count == 3)
        #expect(report.base.errors == 1 && report.tuned.errors == 0)
        #expect(report.items[1].base.error == "HTTP 400: This model's maximum context length is 8192 tokens.")
        #expect(report.items[1].base.scores.tokenF1 == 0)
    }

    @Test func aRejectedKeyStopsTheWholeRun() async throws {
        let server = try TestHTTPServer { _ in .json(401, ProviderFixtures.error("Incorrect API key provided.")) }
        defer { server.stop() }
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        await #expect(throws: ProviderError.unauthorized(message: "Incorrect API key provided.")) {
            _ = try await Self.run(server, judge: false, folder: folder)
        }
    }

    @Test func passageContextGoesBeforeTheQuestionForBothModels() throws {
        let question = ComparisonQuestion(
            messages: [ChatMessage(role: "user", content: "What does Clause 1 provide?")], reference: "Rent is due.",
            file: "validation.jsonl", line: 1)
        let client = APIClient(configuration: ProviderConfiguration(baseURL: "http://127.0.0.1:1", apiKey: nil))
        let run = ComparisonRun(
            base: client, tuned: client, judge: nil, baseModel: "a", tunedModel: "b", judgeModel: nil,
            context: .passage, concurrency: 1)
        let prompt = run.prompt(for: question)
        #expect(prompt.map(\.role) == ["system", "user"])
        #expect(prompt[0].content == ComparisonRun.defaultSystemPrompt)
        #expect(prompt[1].content == "Source passage:\nRent is due.\n\nWhat does Clause 1 provide?")
    }
}
