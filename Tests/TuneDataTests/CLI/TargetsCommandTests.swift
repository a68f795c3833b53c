import Foundation
import Testing
@testable import TuneData

/// `tunedata targets`, and `--target`/`--format` on the command line.
@Suite(.enabled(if: CommandRunner.isAvailable, "the tunedata executable is not built"))
struct TargetsCommandTests {
    @Test func targetsListsEveryRegisteredTargetWithItsDocs() throws {
        let result = try CommandRunner.run(["targets", "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        let listed = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        #expect(listed.compactMap { $0["name"] as? String } == TargetRegistry.names)
        #expect(listed.allSatisfy { !(($0["docs"] as? [String]) ?? []).isEmpty })
        let text = try CommandRunner.run(["targets"])
        #expect(text.stdout.contains("vertex-gemini — Google Vertex AI (Gemini supervised tuning)"))
        #expect(text.stdout.contains("minimum examples: not published / not found"))
    }

    @Test func aShapeTheTargetCannotHoldIsRefusedBeforeAnythingRuns() throws {
        let root = try CommandRunner.scratch(["a.md": Data("# A\n\n1.1 Term. It lasts five years.\n".utf8)])
        defer { try? FileManager.default.removeItem(at: root) }
        let result = try CommandRunner.run(
            ["convert", "a.md", "-o", "out", "--target", "mistral", "--format", "preference"], in: root)
        #expect(result.status != 0)
        #expect(result.stderr.contains("--target mistral cannot hold preference records; it takes chat"))
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("out").path))
        let messages = try CommandRunner.run(
            ["convert", "a.md", "-o", "out", "--target", "vertex-gemini", "--format", "messages"], in: root)
        #expect(messages.stderr.contains("--format messages is TRL's chat layout"))
        let shutDown = try CommandRunner.run(["convert", "a.md", "-o", "out", "--model", "gpt-4.1-nano"], in: root)
        #expect(shutDown.status != 0)
        #expect(shutDown.stderr.contains("use gpt-4.1-mini-2025-04-14"))
    }

    @Test func validateAppliesTheChosenTargetsRules() throws {
        let root = try CommandRunner.scratch([
            "gemini.jsonl": Data(#"{"contents":[{"role":"user","parts":[{"text":"q"}]}]}"#.utf8 + [0x0a])
        ])
        defer { try? FileManager.default.removeItem(at: root) }
        let result = try CommandRunner.run(["validate", "gemini.jsonl", "--target", "vertex-gemini"], in: root)
        #expect(result.status == 1)
        #expect(
            result.stdout.contains(
                "gemini.jsonl:1: error: no model turn: the example has no output to learn [missing_model_turn]"))
        let unknown = try CommandRunner.run(["validate", "gemini.jsonl", "--target", "nowhere"], in: root)
        #expect(unknown.status != 0)
        #expect(unknown.stderr.contains("llama-factory"), "the error lists the registry's names")
    }
}
