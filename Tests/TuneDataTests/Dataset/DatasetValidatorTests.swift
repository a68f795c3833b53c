import Foundation
import Testing
import Tokenizer
@testable import TuneData

@Suite struct DatasetValidatorTests {
    /// Each broken fixture has one bad line, line 6, with the error its name says.
    @Test(arguments: [
        "invalid_json", "data_type", "missing_messages_list", "message_missing_key", "message_unrecognized_key",
        "unrecognized_role", "missing_content", "example_missing_assistant_message", "special_token",
        "invalid_weight", "weight_not_on_assistant",
    ])
    func brokenFixture(kind: String) throws {
        let report = try DatasetValidator().validate(fileAt: Sample.fixture("dataset/broken/\(kind).jsonl"))
        #expect(!report.isAcceptable)
        let errors = report.findings.filter { $0.severity == .error }
        #expect(errors.contains { $0.kind == kind && $0.line == 6 })
        #expect(errors.allSatisfy { $0.line == 6 })
        #expect(report.statistics.validExamples == 11)
    }

    @Test func validAndTooFew() throws {
        let valid = try DatasetValidator().validate(fileAt: Sample.fixture("dataset/broken/valid.jsonl"))
        #expect(valid.isAcceptable)
        #expect(valid.findings.map(\.kind) == ["model_shutting_down"], "the default model shuts down on 2027-01-14")
        #expect(valid.statistics.messagesPerExample.max == 3)
        let few = try DatasetValidator().validate(fileAt: Sample.fixture("dataset/broken/too_few_examples.jsonl"))
        #expect(few.findings.map(\.kind) == ["too_few_examples", "model_shutting_down"])
        #expect(few.findings.first?.line == nil)
    }

    @Test func statisticsUseTheTokenizer() throws {
        let lines = (0..<10).map { i in
            #"{"messages":[{"role":"user","content":"Question \#(i)"},{"role":"assistant","content":"\#(String(repeating: "answer ", count: i + 1))"}]}"#
        }
        let report = DatasetValidator().validate(
            data: Data((lines.joined(separator: "\n") + "\n").utf8), file: "x.jsonl")
        let encoding = BPEEncoding.shared(.o200kBase)
        let totals = (0..<10).map { i in
            encoding.chatTokenCount([
                ChatTurn(role: "user", content: "Question \(i)"),
                ChatTurn(role: "assistant", content: String(repeating: "answer ", count: i + 1)),
            ])
        }
        #expect(report.statistics.tokensPerExample == Summary(totals))
        #expect(
            report.statistics.assistantTokensPerExample.max == encoding.count(String(repeating: "answer ", count: 10)))
        #expect(report.statistics.examplesWithoutSystem == 10)
        #expect(report.findings.map(\.kind) == ["model_shutting_down", "missing_system_message"])
        #expect(report.findings.first?.severity == .warning)
        #expect(report.statistics.estimate.epochs == 10)
        #expect(report.isAcceptable)
    }

    @Test func overLimitIsAWarningWithTheLine() throws {
        var lines = (0..<10).map {
            #"{"messages":[{"role":"user","content":"Q\#($0)"},{"role":"assistant","content":"A"}]}"#
        }
        lines[3] =
            #"{"messages":[{"role":"user","content":"Q"},{"role":"assistant","content":"\#(String(repeating: "word ", count: 30_000))"}]}"#
        let report = DatasetValidator(model: "gpt-3.5-turbo-0613").validate(
            data: Data(lines.joined(separator: "\n").utf8), file: "x")
        let over = report.findings.filter { $0.kind == "over_token_limit" }
        #expect(over.map(\.line) == [4])
        #expect(over.first?.severity == .warning)
        #expect(report.statistics.examplesOverLimit == 1)
        #expect(report.statistics.estimate.tokensPerEpoch < report.statistics.tokensPerExample.max)
    }

    @Test func completionFiles() throws {
        var lines = (0..<10).map { #"{"prompt":"Term of clause \#($0)?\n\n###\n\n","completion":" Five years. END"}"# }
        lines.append(#"{"prompt":"x","answer":"y"}"#)
        let report = DatasetValidator().validate(data: Data(lines.joined(separator: "\n").utf8), file: "c.jsonl")
        #expect(report.statistics.layout == "completion")
        #expect(report.statistics.validExamples == 10)
        #expect(
            Set(report.findings.compactMap { $0.line == 11 ? $0.kind : nil }) == [
                "completion_unrecognized_key", "completion_missing_key",
            ])
        #expect(!report.isAcceptable)
    }

    @Test func blankLinesInsideAreErrorsButTrailingOnesAreNot() {
        let line = #"{"messages":[{"role":"user","content":"Q"},{"role":"assistant","content":"A"}]}"#
        let text =
            Array(repeating: line, count: 5).joined(separator: "\n") + "\n\n"
            + Array(repeating: line, count: 5).joined(separator: "\n") + "\n\n"
        let report = DatasetValidator().validate(data: Data(text.utf8), file: "x")
        #expect(report.findings.filter { $0.severity == .error }.map(\.line) == [6])
    }

    @Test func textOutputHasFileLineSeverity() throws {
        let report = try DatasetValidator().validate(fileAt: Sample.fixture("dataset/broken/unrecognized_role.jsonl"))
        let text = report.text(path: "f.jsonl")
        #expect(
            text.hasPrefix("f.jsonl:6: error: message 1 has unrecognised role developer_notes [unrecognized_role]\n"))
        #expect(text.hasSuffix("f.jsonl: would be rejected"))
    }

    @Test func includedExamplesSkipInvalidLines() throws {
        let directory = try Sample.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = directory.appendingPathComponent("mine.jsonl")
        let text = """
            {"messages":[{"role":"user","content":"Q1"},{"role":"assistant","content":"A1"}]}
            not json
            {"messages":[{"role":"tool","content":"x"},{"role":"assistant","content":"A3"}]}
            {"messages":[{"role":"user","content":"Q4"}]}

            """
        try Data(text.utf8).write(to: url)
        let (examples, findings) = try IncludedExamples.load(from: url)
        #expect(examples.map { $0.messages.last?.content } == ["A1"])
        #expect(examples.first?.provenance.template == "included")
        #expect(examples.first?.provenance.source == url.path)
        #expect(findings.map(\.line) == [2, 3, 4])

        let completion = directory.appendingPathComponent("c.jsonl")
        try Data(#"{"prompt":"What?\n\n###\n\n","completion":" This. END"}"#.utf8).write(to: completion)
        let (converted, none) = try IncludedExamples.load(from: completion)
        #expect(none.isEmpty)
        #expect(converted.first?.messages.map(\.content) == ["What?", "This."])
    }
}

@Suite struct TokenCountMemoTests {
    @Test func remembersCountsWithoutChangingThem() {
        let encoding = BPEEncoding.shared(.o200kBase)
        let memo = TokenCountMemo(encoding: encoding, capacity: 2)
        let texts = (0..<4).map {
            "Clause \($0): the Supplier shall deliver the Goods to the address stated in the Order, in full."
        }
        for _ in 0..<2 {
            for text in texts + ["short"] { #expect(memo.count(text) == encoding.count(text)) }
        }
        let turns = [ChatTurn(role: "system", content: "You answer."), ChatTurn(role: "assistant", content: texts[0])]
        #expect(memo.chatTokenCounts(turns).total == encoding.chatTokenCount(turns))
        #expect(memo.chatTokenCounts(turns).contents == turns.map { encoding.count($0.content) })
    }

    @Test func aRememberedCountIsTheOneGiven() {
        let memo = TokenCountMemo(encoding: BPEEncoding.shared(.o200kBase))
        let passage = String(repeating: "The Supplier shall deliver the Goods. ", count: 3)
        memo.remember(passage, tokens: 7)
        #expect(memo.count(passage) == 7)
    }

    @Test func savedCountsComeBackAndMerge() throws {
        let memo = TokenCountMemo(encoding: BPEEncoding.shared(.cl100kBase))
        let passages = (0..<3).map { String(repeating: "Clause \($0) binds the Supplier and the Buyer. ", count: 3) }
        for (index, passage) in passages.enumerated() { memo.remember(passage, tokens: 100 + index) }
        let restored = try #require(TokenCountMemo.deserialized(memo.serialized()))
        #expect(restored.encoding === BPEEncoding.shared(.cl100kBase))
        #expect(passages.map(restored.count) == [100, 101, 102])
        #expect(TokenCountMemo.deserialized(Data("not counts\n".utf8)) == nil)
        #expect(TokenCountMemo.deserialized(memo.serialized().dropLast()) == nil)
        // Merging parts: counts absorbed into a new memo.
        let merged = TokenCountMemo(encoding: BPEEncoding.shared(.cl100kBase))
        merged.absorb(restored)
        #expect(merged.count(passages[2]) == 102)
    }

    @Test func contentKeysTellNearTextsApart() {
        let a = FastHash.contentKey("The Licensee shall pay the fees.")
        #expect(a == FastHash.contentKey("The Licensee shall pay the fees."))
        #expect(a != FastHash.contentKey("The Licensee shall pay the fees!"))
        #expect(FastHash.contentKey("") != FastHash.contentKey("\0"))
    }
}
