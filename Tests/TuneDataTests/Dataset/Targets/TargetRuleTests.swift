import Foundation
import Testing
@testable import TuneData

/// Each rule of each target rejects a line built to break it, with the line number.
@Suite struct TargetRuleTests {
    /// A target, a line that breaks one rule, and the finding kind expected.
    struct Case: CustomStringConvertible, Sendable {
        var target: String
        var line: String
        var kind: String
        var description: String { "\(target): \(kind)" }
    }

    static let cases: [Case] = [
        // OpenAI and Azure (preference layout; chat and completion are DatasetValidatorTests').
        Case(
            target: "openai",
            line:
                #"{"input":{"messages":[{"role":"user","content":"q"}]},"preferred_output":[{"role":"assistant","content":"a"}]}"#,
            kind: "missing_key"),
        Case(
            target: "openai",
            line:
                #"{"input":{"messages":[{"role":"user","content":"q"}],"seed":1},"preferred_output":[{"role":"assistant","content":"a"}],"non_preferred_output":[{"role":"assistant","content":"b"}]}"#,
            kind: "unknown_key"),
        Case(
            target: "openai",
            line:
                #"{"input":{"messages":[{"role":"user","content":"q"}]},"preferred_output":[{"role":"user","content":"a"}],"non_preferred_output":[{"role":"assistant","content":"b"}]}"#,
            kind: "invalid_output"),
        Case(
            target: "azure-openai",
            line:
                #"{"input":{"messages":[{"role":"user","content":"q"}]},"preferred_output":[{"role":"assistant","content":"a"}],"non_preferred_output":[{"role":"assistant","content":"a"}]}"#,
            kind: "same_answers"),
        Case(
            target: "openai", line: #"{"messages":[{"role":"user","content":"q"}]}"#,
            kind: "example_missing_assistant_message"),
        // Together.
        Case(target: "together", line: #"{"messages":[{"role":"assistant","content":"a"}]}"#, kind: "first_not_user"),
        Case(
            target: "together", line: #"{"messages":[{"role":"user","content":"q"},{"role":"user","content":"q"}]}"#,
            kind: "not_alternating"),
        Case(
            target: "together", line: #"{"messages":[{"role":"user","content":"q"}],"text":"x"}"#, kind: "unknown_key"),
        Case(target: "together", line: #"{"prompt":"q"}"#, kind: "missing_key"),
        // Fireworks.
        Case(
            target: "fireworks",
            line:
                #"{"messages":[{"role":"user","content":"q"},{"role":"system","content":"s"},{"role":"assistant","content":"a"}]}"#,
            kind: "system_not_first"),
        Case(target: "fireworks", line: #"{"messages":[{"role":"tool","content":"q"}]}"#, kind: "invalid_role"),
        Case(target: "fireworks", line: #"{"messages":[{"role":"user","content":"q"}]}"#, kind: "missing_assistant"),
        // Mistral.
        Case(target: "mistral", line: #"{"messages":[{"role":"user","content":"q"}]}"#, kind: "missing_assistant"),
        Case(
            target: "mistral", line: #"{"messages":[{"role":"user","content":""},{"role":"assistant","content":"a"}]}"#,
            kind: "missing_content"),
        // Vertex Gemini.
        Case(
            target: "vertex-gemini", line: #"{"contents":[{"role":"assistant","parts":[{"text":"a"}]}]}"#,
            kind: "invalid_role"),
        Case(
            target: "vertex-gemini", line: #"{"contents":[{"role":"user","parts":[{"text":"q"}]}]}"#,
            kind: "missing_model_turn"),
        Case(target: "vertex-gemini", line: #"{"messages":[{"role":"user","content":"q"}]}"#, kind: "unknown_key"),
        Case(target: "vertex-gemini", line: #"{"contents":[{"role":"user","parts":[]}]}"#, kind: "missing_key"),
        // Bedrock Nova.
        Case(
            target: "bedrock-nova",
            line:
                #"{"schemaVersion":"bedrock-conversation-2024","messages":[{"role":"assistant","content":[{"text":"a"}]}]}"#,
            kind: "first_not_user"),
        Case(
            target: "bedrock-nova",
            line:
                #"{"schemaVersion":"bedrock-conversation-2024","messages":[{"role":"user","content":[{"text":"q"}]}]}"#,
            kind: "last_not_assistant"),
        Case(
            target: "bedrock-nova",
            line:
                #"{"schemaVersion":"bedrock-conversation-2024","messages":[{"role":"user","content":[{"text":"Bot: q"}]},{"role":"assistant","content":[{"text":"a"}]}]}"#,
            kind: "reserved_keyword"),
        Case(
            target: "bedrock-nova",
            line:
                #"{"schemaVersion":"bedrock-conversation-2024","messages":[{"role":"system","content":[{"text":"s"}]}]}"#,
            kind: "invalid_role"),
        Case(
            target: "bedrock-nova",
            line: #"{"schemaVersion":"bedrock-conversation-2024","messages":[{"role":"user","content":"q"}]}"#,
            kind: "missing_key"),
        // Bedrock Claude.
        Case(
            target: "bedrock-claude", line: #"{"messages":[{"role":"user","content":"q"}]}"#, kind: "too_few_messages"),
        Case(
            target: "bedrock-claude",
            line: #"{"messages":[{"role":"user","content":"q"},{"role":"user","content":"q"}]}"#,
            kind: "not_alternating"),
        Case(
            target: "bedrock-claude",
            line:
                #"{"system":"s","messages":[{"role":"user","content":"q"},{"role":"assistant","content":"a"}],"id":1}"#,
            kind: "unknown_key"),
        Case(
            target: "bedrock-claude",
            line: #"{"messages":[{"role":"system","content":"s"},{"role":"user","content":"q"}]}"#, kind: "invalid_role"
        ),
        // TRL.
        Case(
            target: "trl",
            line:
                #"{"prompt":[{"role":"user","content":"q"}],"chosen":[{"role":"assistant","content":"a"},{"role":"assistant","content":"b"}],"rejected":[{"role":"assistant","content":"b"}]}"#,
            kind: "invalid_output"),
        Case(
            target: "trl",
            line: #"{"prompt":[{"role":"user","content":"q"}],"chosen":[{"role":"assistant","content":"a"}]}"#,
            kind: "missing_key"),
        Case(target: "trl", line: #"{"messages":[{"role":"user","content":"q"}]}"#, kind: "missing_assistant"),
        // LLaMA-Factory.
        Case(
            target: "llama-factory",
            line: #"{"conversations":[{"from":"gpt","value":"a"},{"from":"human","value":"q"}]}"#,
            kind: "wrong_position"),
        Case(target: "llama-factory", line: #"{"conversations":[{"from":"user","value":"q"}]}"#, kind: "invalid_role"),
        Case(
            target: "llama-factory", line: #"{"conversations":[{"from":"human","value":"q"}]}"#,
            kind: "last_not_assistant"),
        Case(
            target: "llama-factory",
            line: #"{"conversations":[{"from":"human","value":"q"}],"chosen":{"from":"gpt","value":"a"}}"#,
            kind: "missing_key"),
        Case(target: "llama-factory", line: #"{"instruction":"q"}"#, kind: "missing_key"),
    ]

    @Test(arguments: cases)
    func aLineBreakingTheRuleIsRejectedWithItsLineNumber(_ rule: Case) throws {
        let target = try #require(TargetRegistry.target(named: rule.target))
        let good = try Self.goodLine(for: target)
        // The broken line is line 2, between valid lines, so the line number is checked too.
        let data = Data((good + "\n" + rule.line + "\n" + good + "\n").utf8)
        let report = target.validate(data: data, file: "f.jsonl", context: TargetValidationContext(model: "gpt-4o"))
        #expect(!report.isAcceptable)
        #expect(
            report.findings.contains { $0.kind == rule.kind && $0.line == 2 && $0.severity == .error },
            "\(report.findings)")
        #expect(!report.findings.contains { $0.line == 1 || $0.line == 3 }, "\(report.findings)")
    }

    /// A valid line in the target's layout, made by its own encoder.
    static func goodLine(for target: any OutputFormat) throws -> String {
        var example = Sample.example("What is the term?", "Five years.")
        let shape: RecordShape
        if let rule = cases.first(where: { $0.target == target.name }),
            rule.line.contains("preferred_output")
                || rule.line.contains("\"chosen\"")
        {
            shape = .preference
            example.rejected = "Ten years."
        } else {
            shape = .chat
        }
        let line = String(decoding: target.line(for: example, shape: shape), as: UTF8.self)
        return String(line.dropLast())
    }

    @Test(arguments: TargetRegistry.all.compactMap { target in target.rules.minimumExamples.map { (target.name, $0) } })
    func aFileWithTooFewExamplesIsRejected(_ name: String, _ minimum: Int) throws {
        let target = try #require(TargetRegistry.target(named: name))
        let line = String(decoding: target.line(for: Sample.example("q", "a"), shape: .chat), as: UTF8.self)
        let data = Data(String(repeating: line, count: minimum - 1).utf8)
        let report = target.validate(data: data, file: "f.jsonl", context: TargetValidationContext(model: "gpt-4o"))
        #expect(report.findings.contains { $0.kind == "too_few_examples" && $0.severity == .error })
        let enough = Data(String(repeating: line, count: minimum).utf8)
        let accepted = target.validate(data: enough, file: "f.jsonl", context: TargetValidationContext(model: "gpt-4o"))
        #expect(!accepted.findings.contains { $0.kind == "too_few_examples" })
    }

    @Test func vertexRejectsAnExampleOverItsTokenLimit() throws {
        let target = VertexGeminiTarget()
        let long = String(repeating: "indemnify ", count: 33_000)
        let data = Data(target.line(for: Sample.example("q", long), shape: .chat))
        let report = target.validate(data: data, file: "f.jsonl", context: TargetValidationContext(model: "gpt-4o"))
        #expect(report.findings.contains { $0.kind == "over_token_limit" && $0.line == 1 })
        #expect(report.statistics.tokensAreEstimated == true)
    }

    @Test func aPromptNotEndingWithTheUserIsOnlyWarnedAbout() throws {
        let line =
            #"{"input":{"messages":[{"role":"assistant","content":"q"}],"tools":[]},"preferred_output":[{"role":"assistant","content":"a"}],"non_preferred_output":[{"role":"assistant","content":"b"}]}"#
        let report = OpenAITarget().validate(
            data: Data((line + "\n").utf8), file: "f", context: TargetValidationContext(model: "gpt-4o"))
        #expect(report.findings.contains { $0.kind == "last_not_user" && $0.severity == .warning && $0.line == 1 })
        #expect(report.statistics.validExamples == 1)
    }

    @Test func aFileMixingShapesIsRejected() throws {
        let target = TRLTarget()
        var example = Sample.example("q", "a")
        let chat = target.line(for: example, shape: .chat)
        example.rejected = "b"
        let data = Data(chat + target.line(for: example, shape: .preference))
        let report = target.validate(data: data, file: "f.jsonl", context: TargetValidationContext(model: "gpt-4o"))
        #expect(report.findings.contains { $0.kind == "mixed_shapes" && $0.line == 2 })
    }
}

/// `--tokenizer FILE` turns a target's estimated counts into exact ones when the chat template is known.
@Suite struct TargetTokenizerTests {
    /// A tokenizer with no merges (one token per byte) and the given added tokens, in its own folder.
    static func tokenizer(added: [String]) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tok-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let tokens = added.enumerated().map { #"{"id":\#($0.offset),"content":"\#($0.element)","special":true}"# }
        let json = #"""
            {"added_tokens":[\#(tokens.joined(separator: ","))],"normalizer":null,
             "pre_tokenizer":{"type":"ByteLevel","add_prefix_space":false,"use_regex":true},
             "model":{"type":"BPE","vocab":{},"merges":[]}}
            """#
        let url = folder.appendingPathComponent("tokenizer.json")
        try Data(json.utf8).write(to: url)
        return url
    }

    @Test func theTargetsTemplateMakesTheCountsExact() throws {
        let url = try Self.tokenizer(added: ["<s>", "</s>"])
        defer { try? FileManager.default.removeItem(at: url.deletingLastPathComponent()) }
        let target = MistralTarget()
        let data = Data(target.line(for: Sample.example("ab", "abc", system: "s"), shape: .chat))
        var context = TargetValidationContext(model: "gpt-4o")
        let estimated = target.validate(data: data, file: "f", context: context)
        #expect(estimated.statistics.tokensAreEstimated == true)
        context.tokenizerFile = url
        let exact = target.validate(data: data, file: "f", context: context)
        #expect(exact.statistics.tokensAreEstimated == false)
        // "<s>[INST] s\n\nab [/INST]abc</s>": 23 bytes and two special tokens.
        #expect(exact.statistics.tokensPerExample.max == 25)
        // "abc</s>".
        #expect(exact.statistics.assistantTokensPerExample.max == 4)
    }

    @Test func withoutTheTemplatesTokensTheMessageTextsAreAnEstimate() throws {
        let url = try Self.tokenizer(added: [])
        defer { try? FileManager.default.removeItem(at: url.deletingLastPathComponent()) }
        let target = MistralTarget()
        let data = Data(target.line(for: Sample.example("ab", "abc", system: "s"), shape: .chat))
        var context = TargetValidationContext(model: "gpt-4o")
        context.tokenizerFile = url
        let report = target.validate(data: data, file: "f", context: context)
        #expect(report.statistics.tokensAreEstimated == true)
        #expect(report.findings.contains { $0.kind == "chat_template_not_recognised" && $0.severity == .warning })
        // One token per byte of the message texts ("s", "ab", "abc").
        #expect(report.statistics.tokensPerExample.max == 6)
        #expect(report.statistics.assistantTokensPerExample.max == 3)
    }
}
