import Foundation
import Testing
@testable import TuneData

@Suite struct DatasetWriterTests {
    static let tricky = Example(
        messages: [
            Message(role: .system, content: "Answer from the contract."),
            Message(role: .user, content: "Quote §\u{00A0}5 \"Notice\" and/or\ttab\nnext"),
            Message(role: .assistant, content: "Café — “fine” \\ done\u{01}", name: "clerk", weight: 1),
        ],
        provenance: Provenance(
            source: "contracts/a.pdf", documentID: "d1", pages: [3, 4], section: "Section 5.2",
            template: "legal-section-qa", variant: 1, passageIndex: 2))

    @Test func chatLineIsExact() {
        let line = String(decoding: JSONLEncoding.chatLine(for: Self.tricky, openAIKeys: true), as: UTF8.self)
        #expect(
            line
                == #"{"messages":[{"role":"system","content":"Answer from the contract."},{"role":"user","content":"Quote §\#u{00A0}5 \"Notice\" and/or\ttab\nnext"},{"role":"assistant","content":"Café — “fine” \\ done\u0001","name":"clerk","weight":1}]}"#
                + "\n")
        let messages = String(decoding: JSONLEncoding.chatLine(for: Self.tricky, openAIKeys: false), as: UTF8.self)
        #expect(!messages.contains("\"name\"") && !messages.contains("\"weight\""))
        let parsed = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
        let contents = (parsed?["messages"] as? [[String: Any]])?.compactMap { $0["content"] as? String }
        #expect(contents == Self.tricky.messages.map(\.content))
    }

    @Test func completionLineUsesSeparatorAndStop() {
        let line = String(
            decoding: JSONLEncoding.completionLine(for: Sample.example("What is the term?", "Five years.")),
            as: UTF8.self)
        #expect(
            line
                == #"{"prompt":"You answer questions about contracts.\n\nWhat is the term?\n\n###\n\n","completion":" Five years. END"}"#
                + "\n")
    }

    @Test func writesTrainValidationProvenanceAtomically() throws {
        let directory = try Sample.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try Data("stale".utf8).write(to: directory.appendingPathComponent("validation.jsonl"))
        try Data("keep".utf8).write(to: directory.appendingPathComponent("notes.txt"))
        let dataset = BuiltDataset(
            train: [Self.tricky, Sample.example("Q", "A", passage: 5)], validation: [], report: DatasetReport())
        let records = try DatasetWriter().write(dataset, to: directory)
        #expect(records.map(\.name) == ["train.jsonl", "provenance.jsonl"])
        #expect(records.map(\.lines) == [2, 2])
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
        #expect(names == ["notes.txt", "provenance.jsonl", "train.jsonl"])
        let provenance = try String(contentsOf: directory.appendingPathComponent("provenance.jsonl"), encoding: .utf8)
        #expect(
            provenance.split(separator: "\n").first
                == #"{"split":"train","line":1,"source":"contracts/a.pdf","document":"d1","pages":[3,4],"section":"Section 5.2","template":"legal-section-qa","variant":1,"passage":2}"#
        )
        let train = try Data(contentsOf: directory.appendingPathComponent("train.jsonl"))
        #expect(records[0].bytes == train.count)
        #expect(!train.starts(with: [0xef, 0xbb, 0xbf]))
        #expect(!train.contains(0x0d))
        if let digest = Self.sha256sum(directory.appendingPathComponent("train.jsonl")) {
            #expect(records[0].sha256 == digest)
        }
    }

    @Test func shardsWhenOverTheSizeLimit() throws {
        let directory = try Sample.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let train = (0..<10).map { Sample.example("Q\($0)", Sample.text(seed: $0, words: 20), passage: $0) }
        let validation = [Sample.example("V", "answer", source: "b.pdf")]
        let lineBytes = JSONLEncoding.chatLine(for: train[0], openAIKeys: true).count
        let records = try DatasetWriter(maxFileBytes: lineBytes * 4 + 10).write(
            BuiltDataset(train: train, validation: validation, report: DatasetReport()), to: directory)
        #expect(
            records.map(\.name) == [
                "train-001.jsonl", "train-002.jsonl", "train-003.jsonl", "validation.jsonl", "provenance.jsonl",
            ])
        #expect(records.map(\.lines) == [4, 4, 2, 1, 11])
        let provenance = try String(contentsOf: directory.appendingPathComponent("provenance.jsonl"), encoding: .utf8)
            .split(separator: "\n")
        #expect(provenance[4].hasPrefix(#"{"split":"train","file":"train-002.jsonl","line":1,"#))
        #expect(provenance[10].hasPrefix(#"{"split":"validation","line":1,"source":"b.pdf""#))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasPrefix(".") }
        #expect(leftovers.isEmpty)
    }

    @Test func writtenChatFileValidates() throws {
        let directory = try Sample.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let train = (0..<12).map { Sample.example("Q\($0)", Sample.text(seed: $0), passage: $0) } + [Self.tricky]
        _ = try DatasetWriter().write(
            BuiltDataset(train: train, validation: [], report: DatasetReport()), to: directory)
        let report = try DatasetValidator().validate(fileAt: directory.appendingPathComponent("train.jsonl"))
        #expect(report.findings.map(\.kind) == ["model_shutting_down"])
        #expect(report.statistics.validExamples == 13)
    }

    static func sha256sum(_ url: URL) -> String? {
        let tool = URL(fileURLWithPath: "/usr/bin/sha256sum")
        guard FileManager.default.isExecutableFile(atPath: tool.path) else { return nil }
        let process = Process()
        process.executableURL = tool
        process.arguments = [url.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        guard (try? process.run()) != nil else { return nil }
        process.waitUntilExit()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        return output.split(separator: " ").first.map(String.init)
    }
}
