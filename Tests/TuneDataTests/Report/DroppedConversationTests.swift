import Foundation
import Testing
@testable import TuneData

/// Drops carry their conversation into `dropped.jsonl` and the report, except drops for what the text
/// holds (personal data, a secret), whose text is written nowhere.
@Suite(.enabled(if: CommandRunner.isAvailable, "the tunedata executable is not built"))
struct DroppedConversationTests {
    /// A GitHub token pattern built at run time (a literal would look like a leaked credential).
    static let token = "ghp_" + String(repeating: "Q7xZ", count: 9)

    /// Three near-identical contracts (their clauses repeat, so the dataset stage drops duplicates), each
    /// holding a credential and an e-mail address in its notice clause.
    static func contracts(withToken: Bool = true) -> [String: Data] {
        var files = ConvertCommandTests.contracts(3)
        for (path, data) in files {
            files[path] = Data(
                String(decoding: data, as: UTF8.self).replacingOccurrences(
                    of: "3.2 Termination for Convenience.",
                    with: """
                        3.2 Notices. Send notices to jane.roe@example.com\(withToken ? "; the portal key is \(token)" : "").

                        3.3 Termination for Convenience.
                        """
                ).utf8)
        }
        return files
    }

    static func lines(_ url: URL) throws -> [[String: Any]] {
        try String(contentsOf: url, encoding: .utf8).split(separator: "\n").map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
    }

    @Test func aDuplicateHoldingPersonalDataLeftInByPIIReportKeepsItsTextOutOfTheDropFile() throws {
        let root = try CommandRunner.scratch(Self.contracts(withToken: false))
        defer { try? FileManager.default.removeItem(at: root) }
        // The same notice clause in every contract: its copies are dropped as duplicates.
        let result = try CommandRunner.run(["convert", "contracts", "-o", "out", "--pii", "report"], in: root)
        #expect(result.status == 0, "\(result.stderr)")
        let out = root.appendingPathComponent("out")
        let train =
            try String(contentsOf: out.appendingPathComponent("train.jsonl"), encoding: .utf8)
            + ((try? String(contentsOf: out.appendingPathComponent("validation.jsonl"), encoding: .utf8)) ?? "")
        #expect(train.contains("jane.roe@example.com"))
        let dropped = try String(contentsOf: out.appendingPathComponent("dropped.jsonl"), encoding: .utf8)
        #expect(!dropped.contains("jane.roe@example.com"))
        let drops = try Self.lines(out.appendingPathComponent("dropped.jsonl"))
        #expect(drops.contains { $0["messages"] != nil })
        let screened = drops.filter { ($0["detail"] as? String)?.contains("text not kept (holds email") == true }
        #expect(screened.allSatisfy { $0["messages"] == nil })
    }

    /// The conversation column of the page's data block.
    static func conversationColumn(_ page: String) throws -> [String: Any]? {
        let start = try #require(page.range(of: "id=\"report-data\">"))
        let end = try #require(page.range(of: "</script>", range: start.upperBound..<page.endIndex))
        let table = try JSONSerialization.jsonObject(with: Data(page[start.upperBound..<end.lowerBound].utf8))
        return ((table as? [String: Any])?["columns"] as? [[String: Any]])?.first {
            $0["key"] as? String == "conversation"
        }
    }

    @Test func dropsCarryTheirConversationButNotTextDroppedForWhatItHolds() throws {
        let root = try CommandRunner.scratch(Self.contracts())
        defer { try? FileManager.default.removeItem(at: root) }
        let result = try CommandRunner.run(["convert", "contracts", "-o", "out", "--pii", "drop"], in: root)
        #expect(result.status == 0, "\(result.stderr)")
        let out = root.appendingPathComponent("out")
        let drops = try Self.lines(out.appendingPathComponent("dropped.jsonl"))
        let withheld = drops.filter { ["secret", "personal_data"].contains($0["reason"] as? String) }
        let others = drops.filter { !["secret", "personal_data"].contains($0["reason"] as? String) }
        #expect(withheld.contains { $0["reason"] as? String == "secret" })
        #expect(withheld.allSatisfy { $0["messages"] == nil })
        #expect(!others.isEmpty)
        // Every other drop carries the example's own conversation, with an answer.
        for drop in others {
            let messages = try #require(drop["messages"] as? [[String: Any]])
            #expect(
                messages.contains {
                    $0["role"] as? String == "assistant" && !(($0["content"] as? String) ?? "").isEmpty
                })
        }
        let dropped = try String(contentsOf: out.appendingPathComponent("dropped.jsonl"), encoding: .utf8)
        let page = try String(contentsOf: out.appendingPathComponent("report.html"), encoding: .utf8)
        for text in [dropped, page] {
            #expect(!text.contains(Self.token))
            #expect(!text.contains("jane.roe@example.com"))
        }
        #expect(page.contains("text not kept (it holds what it was dropped for)"))
        // A dropped duplicate's answer is in the page (once, in the shared texts, when its kept example has it).
        let duplicate = try #require(others.first { $0["duplicateOf"] != nil })
        let answer = try #require(
            (duplicate["messages"] as? [[String: Any]])?.last { $0["role"] as? String == "assistant" }?["content"]
                as? String)
        let column = try #require(try Self.conversationColumn(page))
        let texts =
            (column["shared"] as? [String] ?? [])
            + (column["values"] as? [[Any]] ?? []).flatMap { $0.compactMap { $0 as? String } }
        #expect(texts.contains(answer))
    }
}
