import Foundation
import Testing
@testable import TuneData

/// OpenAI's model lifecycle, target refusals, and preference records from includes and hard negatives.
@Suite struct TargetModelTests {
    @Test(arguments: [
        ("gpt-3.5-turbo-0125", "model_shut_down", ValidationFinding.Severity.error),
        ("gpt-4.1-nano-2025-04-14", "model_shut_down", .error),
        ("gpt-4o-mini-2024-07-18", "model_shutting_down", .warning),
        ("gpt-4.1-2025-04-14", "model_shutting_down", .warning),
        ("ft:gpt-4o-2024-08-06:acme::abc", "model_shutting_down", .warning),
    ])
    func modelsAreRefusedOrWarnedWithTheirDate(_ model: String, _ kind: String, _ severity: ValidationFinding.Severity)
        throws
    {
        let finding = try #require(OpenAIModels.finding(for: model))
        #expect(finding.kind == kind)
        #expect(finding.severity == severity)
        #expect(finding.message.contains(severity == .error ? "October 2026" : "2027-01-14"))
    }

    @Test func aShutDownModelNamesItsReplacement() throws {
        let finding = try #require(OpenAIModels.finding(for: "gpt-3.5-turbo"))
        #expect(finding.message.contains("use gpt-4o-mini-2024-07-18"))
        #expect(OpenAIModels.finding(for: "davinci-002") == nil)
    }

    @Test func theValidatorReportsTheModelStatus() {
        let line = JSONLEncoding.chatLine(for: Sample.example("q", "a"), openAIKeys: true)
        let data = Data(Array(repeating: line, count: 10).joined())
        let refused = DatasetValidator(model: "gpt-3.5-turbo-0125", jobs: 1).validate(data: data, file: "f")
        #expect(!refused.isAcceptable)
        #expect(refused.findings.contains { $0.kind == "model_shut_down" })
        let azure = AzureOpenAITarget().validate(
            data: data, file: "f", context: TargetValidationContext(model: "gpt-35-turbo-0125"))
        #expect(azure.isAcceptable, "Azure retires models on its own schedule")
    }

    @Test func targetsRefuseRecordsTheyCannotHold() {
        var twoTurns = Sample.example("q", "a")
        twoTurns.messages += [Message(role: .user, content: "and?"), Message(role: .assistant, content: "b")]
        twoTurns.rejected = "c"
        #expect(OpenAITarget().refusal(for: twoTurns, shape: .preference) == nil, "no one-turn rule is published")
        #expect(OpenAITarget().refusal(for: twoTurns, shape: .chat) == nil)
        #expect(OpenAITarget().refusal(for: Sample.example("q", "a"), shape: .preference) != nil)
        #expect(MistralTarget().refusal(for: Sample.example("q", "a"), shape: .preference) != nil)
        let reserved = Sample.example("User: what is the term?", "a")
        #expect(BedrockNovaTarget().refusal(for: reserved, shape: .chat)?.contains("User:") == true)
    }

    @Test func includedPreferenceLinesCarryTheirRejectedAnswer() throws {
        let directory = try Sample.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = directory.appendingPathComponent("preferences.jsonl")
        let lines = [
            #"{"input":{"messages":[{"role":"user","content":"What is the term?"}]},"preferred_output":[{"role":"assistant","content":"Five years."}],"non_preferred_output":[{"role":"assistant","content":"Ten years."}]}"#,
            #"{"input":{"messages":[{"role":"user","content":"Who pays?"}]},"preferred_output":[{"role":"assistant","content":"The client."}]}"#,
        ]
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: url)
        let (examples, findings) = try IncludedExamples.load(from: url)
        #expect(examples.count == 1)
        #expect(examples.first?.rejected == "Ten years.")
        #expect(examples.first?.messages.last?.content == "Five years.")
        #expect(findings.contains { $0.line == 2 && $0.kind == "missing_key" })
    }

    @Test func hardNegativesComeFromAnotherPassageOfTheSameDocumentAndTemplate() {
        let examples = [
            Sample.example("What does Section 1 say?", "One.", document: "d", passage: 1, template: "qa"),
            Sample.example("What does Section 2 say?", "Two.", document: "d", passage: 2, template: "qa"),
            Sample.example("Define X.", "X means x.", document: "d", passage: 3, template: "definition"),
            Sample.example("What does Section 1 say?", "Other one.", document: "e", passage: 1, template: "qa"),
        ]
        let pairs = HardNegativeExamples(
            base: examples, labels: examples.map(ExampleLabel.init), isIncluded: { _ in false })
        #expect(pairs.example(at: 0).rejected == "Two.")
        #expect(pairs.example(at: 1).rejected == "One.")
        #expect(pairs.example(at: 2).rejected == nil, "no other passage answered by that template")
        #expect(pairs.example(at: 3).rejected == nil, "never from another document")
    }

    @Test func preferenceDuplicatesNeedThePromptAndBothAnswers() {
        var first = Sample.example("What is the term?", "Five years.")
        first.rejected = "Ten years."
        var sameAnswersOtherRejected = first
        sameAnswersOtherRejected.rejected = "Two years."
        var exactCopy = first
        exactCopy.provenance.passageIndex = 9
        let matches = ExactDuplicateFilter(includeAnswers: false).matches(in: [
            first, sameAnswersOtherRejected, exactCopy,
        ])
        #expect(matches.map(\.index) == [2])
    }

    @Test func oldMessagesConfigurationsMeanTRLChat() throws {
        let decoded = try JSONDecoder().decode(DatasetConfiguration.self, from: Data(#"{"format":"messages"}"#.utf8))
        #expect(decoded.format == .chat)
        #expect(decoded.target == "trl")
        let current = try JSONDecoder().decode(DatasetConfiguration.self, from: Data(#"{"format":"preference"}"#.utf8))
        #expect(current.target == "openai")
        #expect(current.format == .preference)
    }
}
