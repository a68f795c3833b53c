import Foundation
import Testing
import Tokenizer
@testable import TuneData

/// End-to-end: the built binary on small inputs, checking files, exit codes and messages.
@Suite(
    .enabled(
        if: CommandRunner.isAvailable,
        "skipped: runs the built tunedata executable, which swift test builds beside the tests and is missing"))
struct ConvertCommandTests {
    static let contract = """
        # Consulting Agreement

        This Consulting Agreement (the "Agreement") is entered into as of June 1, 2023 by and between Alpha Ltd. ("Client") and Omega LLC ("Consultant").

        ## ARTICLE 1 SERVICES

        1.1 Scope. Consultant shall provide the advisory services described in each statement of work signed by both parties.

        1.2 Standard of Care. Consultant shall perform the services with the care and skill of an experienced professional consultant.

        ## ARTICLE 2 FEES

        2.1 Fees. Client shall pay the fees stated in each statement of work within thirty days of receiving a correct invoice.

        2.2 Expenses. Client shall reimburse reasonable travel expenses approved in writing in advance by Client.

        ## ARTICLE 3 TERM

        3.1 Term. This Agreement begins on the Effective Date and continues until terminated under this Article.

        3.2 Termination for Convenience. Either party may terminate this Agreement on sixty days' written notice to the other party.
        """

    /// The same outline in other words: three different contracts, not copies of one (copies of a
    /// document lose the examples the first one already gives).
    static let otherContracts = [
        """
        # Consulting Agreement

        This Consulting Agreement (the "Agreement") is made on March 3, 2022 between Birch Holdings plc ("Company") and Cedar Partners GmbH ("Adviser").

        ## ARTICLE 1 SERVICES

        1.1 Scope. Adviser will review Company's pricing models and deliver a written report on each market it enters.

        1.2 Standard of Care. Every report must reflect generally accepted methods and be prepared by qualified analysts.

        ## ARTICLE 2 FEES

        2.1 Fees. Company pays a fixed monthly retainer of four thousand euros, invoiced at each month's end.

        2.2 Expenses. Out-of-pocket costs above five hundred euros need Company's prior approval by email.

        ## ARTICLE 3 TERM

        3.1 Term. This engagement lasts eighteen months from signature unless renewed by mutual written consent.

        3.2 Termination for Convenience. Company may end the engagement at any time by giving Adviser ninety days' notice.
        """,
        """
        # Consulting Agreement

        This Consulting Agreement (the "Agreement") is dated September 9, 2021 by and among Delta Foods Inc. ("Customer") and Epsilon Labs LLP ("Provider").

        ## ARTICLE 1 SERVICES

        1.1 Scope. Provider designs laboratory tests for new recipes and trains Customer's kitchen staff to run them.

        1.2 Standard of Care. Provider's testing follows the food safety codes of every country where Customer sells.

        ## ARTICLE 2 FEES

        2.1 Fees. Customer owes an hourly rate of one hundred twenty dollars, billed quarterly against timesheets.

        2.2 Expenses. Laboratory materials are charged at cost with receipts attached to the quarterly bill.

        ## ARTICLE 3 TERM

        3.1 Term. Work starts on the first recipe brief and ends when the last approved test is delivered.

        3.2 Termination for Convenience. Neither side may cancel early except by paying the remaining minimum fees.
        """,
    ]

    static func contracts(_ count: Int) -> [String: Data] {
        var files: [String: Data] = [:]
        for index in 1...count {
            let base = index == 1 ? contract : otherContracts[(index - 2) % otherContracts.count]
            let text = base.replacingOccurrences(of: "Consulting Agreement", with: "Consulting Agreement No. \(index)")
            files["contracts/agreement-\(index).md"] = Data(text.utf8)
        }
        return files
    }

    @Test func convertsAFolderIntoValidatedFilesWithProvenance() throws {
        let root = try CommandRunner.scratch(Self.contracts(3))
        defer { try? FileManager.default.removeItem(at: root) }
        let result = try CommandRunner.run(
            ["convert", "contracts", "-o", "out", "--validation-fraction", "0.34"], in: root)
        #expect(result.status == 0, "\(result.stderr)")
        let out = root.appendingPathComponent("out")
        let train = try String(contentsOf: out.appendingPathComponent("train.jsonl"), encoding: .utf8)
        let lines = train.split(separator: "\n")
        #expect(lines.count >= 10)
        #expect(train.hasSuffix("\n"))
        #expect(lines[0].hasPrefix(#"{"messages":[{"role":"system","content":"#))
        let provenance = try String(contentsOf: out.appendingPathComponent("provenance.jsonl"), encoding: .utf8).split(
            separator: "\n")
        let validation =
            (try? String(contentsOf: out.appendingPathComponent("validation.jsonl"), encoding: .utf8))?.split(
                separator: "\n") ?? []
        #expect(provenance.count == lines.count + validation.count)
        #expect(provenance[0].hasPrefix(#"{"split":"train","line":1,"source":"contracts/agreement-"#))
        let manifest =
            try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("manifest.json")))
            as? [String: Any]
        let inputs = manifest?["inputs"] as? [String: Any]
        #expect(inputs?["converted"] as? Int == 3)
        #expect((manifest?["files"] as? [[String: Any]])?.first?["sha256"] as? String != nil)
        // Same inputs, same seed: byte-identical output.
        let again = try CommandRunner.run(
            ["convert", "contracts", "-o", "again", "--validation-fraction", "0.34", "--quiet"], in: root)
        #expect(again.status == 0)
        #expect(again.stderr.isEmpty)
        #expect(
            try Data(contentsOf: root.appendingPathComponent("again/train.jsonl"))
                == Data(contentsOf: out.appendingPathComponent("train.jsonl")))
        let validate = try CommandRunner.run(["validate", "out/train.jsonl"], in: root)
        #expect(validate.status == 0, "\(validate.stdout)")
    }

    @Test func outputDoesNotDependOnTheNumberOfJobsAndProgressIsReported() throws {
        let root = try CommandRunner.scratch(Self.contracts(6))
        defer { try? FileManager.default.removeItem(at: root) }
        let one = try CommandRunner.run(
            ["convert", "contracts", "-o", "one", "--jobs", "1", "--validation-fraction", "0.34"], in: root)
        #expect(one.status == 0, "\(one.stderr)")
        // Not a terminal: progress comes as plain lines, then the timing line of the summary.
        #expect(one.stderr.contains("6/6 files · "))
        #expect(!one.stderr.contains("\u{1B}["))
        #expect(one.stderr.contains("Took "))
        let four = try CommandRunner.run(
            ["convert", "contracts", "-o", "four", "--jobs", "4", "--validation-fraction", "0.34", "--quiet"], in: root)
        #expect(four.status == 0, "\(four.stderr)")
        for name in ["train.jsonl", "validation.jsonl", "provenance.jsonl", "dropped.jsonl"] {
            #expect(
                try Data(contentsOf: root.appendingPathComponent("one/\(name)"))
                    == Data(contentsOf: root.appendingPathComponent("four/\(name)")), "\(name)")
        }
    }

    @Test func badInputsAreNamedWithReasonsAndTheRestConverts() throws {
        var files = Self.contracts(2)
        files["contracts/empty.txt"] = Data()
        files["contracts/picture.html"] = Data([
            0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52,
        ])
        files["nothing-here/image.png"] = Data([0x89, 0x50])
        let root = try CommandRunner.scratch(files)
        defer { try? FileManager.default.removeItem(at: root) }
        let result = try CommandRunner.run(
            ["convert", "contracts", "nothing-here", "missing.pdf", "-o", "out"], in: root)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("contracts/empty.txt: empty (no text)"))
        #expect(result.stderr.contains("contracts/picture.html: binary content, not text or HTML"))
        #expect(result.stderr.contains("missing.pdf: no such file or folder"))
        #expect(result.stderr.contains("nothing-here: no supported files in this folder"))
        #expect(result.stderr.split(separator: "\n").last?.hasPrefix("Took ") == true)
        #expect(result.stderr.contains(" on \(ProcessInfo.processInfo.activeProcessorCount) job"))
        let manifest =
            try JSONSerialization.jsonObject(with: Data(contentsOf: root.appendingPathComponent("out/manifest.json")))
            as? [String: Any]
        let inputs = try #require(manifest?["inputs"] as? [String: Any])
        #expect(inputs["converted"] as? Int == 2)
        #expect(inputs["skipped"] as? Int == 4)
        #expect((inputs["skippedByReason"] as? [String: Int])?["binary_content"] == 1)
    }

    @Test func nothingUsableExitsNonZeroAndWritesNoDataset() throws {
        let root = try CommandRunner.scratch(["docs/empty.md": Data(), "docs/blank.txt": Data("   \n\n".utf8)])
        defer { try? FileManager.default.removeItem(at: root) }
        let result = try CommandRunner.run(["convert", "docs", "-o", "out"], in: root)
        #expect(result.status == 1)
        #expect(result.stderr.contains("docs/empty.md: empty"))
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("out/train.jsonl").path))
    }

    @Test func shardsMergeIntoTheSameDatasetAsOneRun() throws {
        let root = try CommandRunner.scratch(Self.contracts(4))
        defer { try? FileManager.default.removeItem(at: root) }
        for k in 1...2 {
            let part = try CommandRunner.run(
                ["convert", "contracts", "-o", "part\(k)", "--shard", "\(k)/2", "--quiet"], in: root)
            #expect(part.status == 0, "\(part.stderr)")
            // The workers' token counts travel with the part, so merge need not count again.
            let (collected, _) = try PartialResult.read(from: root.appendingPathComponent("part\(k)"))
            let counts = try #require(collected.tokenCounts)
            let example = collected.examples.example(at: 0)
            let turns = example.messages.map(\.chatTurn)
            #expect(counts.chatTokenCounts(turns).total == counts.encoding.chatTokenCount(turns))
        }
        let merged = try CommandRunner.run(["merge", "part1", "part2", "-o", "merged", "--quiet"], in: root)
        #expect(merged.status == 0, "\(merged.stderr)")
        let single = try CommandRunner.run(["convert", "contracts", "-o", "single", "--quiet"], in: root)
        #expect(single.status == 0)
        for name in ["train.jsonl", "provenance.jsonl"] {
            #expect(
                try Data(contentsOf: root.appendingPathComponent("merged/\(name)"))
                    == Data(contentsOf: root.appendingPathComponent("single/\(name)")))
        }
        let broken = try CommandRunner.run(["merge", "contracts", "-o", "x"], in: root)
        #expect(broken.status == 1)
        #expect(broken.stderr.contains("not a tunedata part"))
    }

    @Test func includedCorrectionsReplaceTheGeneratedExampleForTheSameQuestion() throws {
        let root = try CommandRunner.scratch(Self.contracts(3))
        defer { try? FileManager.default.removeItem(at: root) }
        let first = try CommandRunner.run(
            ["convert", "contracts", "-o", "round1", "--quiet", "--validation-fraction", "0"], in: root)
        #expect(first.status == 0, "\(first.stderr)")
        let lines = try String(contentsOf: root.appendingPathComponent("round1/train.jsonl"), encoding: .utf8).split(
            separator: "\n")
        // The reviewer corrects the answer of the first example and feeds it back.
        var corrected = try #require(try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any])
        var messages = try #require(corrected["messages"] as? [[String: Any]])
        let question = try #require(messages[1]["content"] as? String)
        messages[2]["content"] = "A corrected answer written by a reviewer."
        corrected["messages"] = messages
        let correction = try JSONSerialization.data(withJSONObject: corrected)
        try (correction + Data("\n".utf8)).write(to: root.appendingPathComponent("corrections.jsonl"))

        let second = try CommandRunner.run(
            [
                "convert", "contracts", "-o", "round2", "--quiet", "--validation-fraction", "0", "--include",
                "corrections.jsonl",
            ], in: root)
        #expect(second.status == 0, "\(second.stderr)")
        let round2 = try String(contentsOf: root.appendingPathComponent("round2/train.jsonl"), encoding: .utf8).split(
            separator: "\n")
        let withQuestion = round2.filter { $0.contains(question.replacingOccurrences(of: "\"", with: "\\\"")) }
        #expect(withQuestion.count == 1)
        #expect(withQuestion.first?.contains("A corrected answer written by a reviewer.") == true)
        // One more: an example whose answer repeated the corrected one's is no longer a duplicate of a kept one.
        #expect(round2.count == lines.count + 1)
        let provenance = try String(contentsOf: root.appendingPathComponent("round2/provenance.jsonl"), encoding: .utf8)
        #expect(provenance.contains(#""template":"included""#))
    }

    @Test func badTemplateStopsTheRunWithFileAndLine() throws {
        var files = Self.contracts(1)
        files["t/bad.yaml"] = Data("name: bad\nuser: Q\nassistant: |\n  {{passage.txt}}\n".utf8)
        let root = try CommandRunner.scratch(files)
        defer { try? FileManager.default.removeItem(at: root) }
        let result = try CommandRunner.run(["convert", "contracts", "-o", "out", "--templates", "t"], in: root)
        #expect(result.status == 1)
        #expect(
            result.stderr.contains("t/bad.yaml:4: error: unknown variable 'passage.txt' (did you mean 'passage.text'?)")
        )
    }
}

/// `--diagnostics json`: every diagnostic as one JSON array on standard output.
@Suite(.enabled(if: CommandRunner.isAvailable, "the tunedata executable is not built"))
struct DiagnosticsOutputTests {
    @Test func convertPrintsSkippedInputsAsJSON() throws {
        var files = ConvertCommandTests.contracts(3)
        files["contracts/empty.txt"] = Data()
        let root = try CommandRunner.scratch(files)
        defer { try? FileManager.default.removeItem(at: root) }
        let result = try CommandRunner.run(
            ["convert", "contracts", "-o", "out", "--diagnostics", "json", "--quiet"], in: root)
        #expect(result.status == 0, "\(result.stderr)")
        let diagnostics = try JSONDecoder().decode([Diagnostic].self, from: Data(result.stdout.utf8))
        #expect(diagnostics.compactMap(\.file) == ["contracts/empty.txt"])
        #expect(diagnostics.map(\.kind) == ["empty", "model_shutting_down"])
        #expect(result.stderr.isEmpty)
    }
}
