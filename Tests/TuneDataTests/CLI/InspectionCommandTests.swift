import Foundation
import Testing

@testable import TuneData

/// The inspection commands as a user types them.
@Suite(
    .enabled(
        if: CommandRunner.isAvailable,
        "skipped: runs the built tunedata executable, which swift test builds beside the tests and is missing"))
struct InspectionCommandTests {
    @Test func tokensCountsAndListsIdsFromStandardInput() throws {
        let count = try CommandRunner.run(["tokens", "-", "--encoding", "cl100k_base"], stdin: "hello world")
        #expect(count.status == 0)
        #expect(count.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "2")
        let ids = try CommandRunner.run(["tokens", "--model", "gpt-3.5-turbo-0125", "--ids"], stdin: "hello world")
        #expect(ids.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "15339 1917")
        let unknown = try CommandRunner.run(["tokens", "--model", "no-such-model"], stdin: "x")
        #expect(unknown.status != 0)
        #expect(unknown.stderr.contains("no-such-model"))
    }

    @Test func templatesListVariablesKeepsEachNameApartFromItsMeaning() throws {
        let root = try CommandRunner.scratch([:])
        defer { try? FileManager.default.removeItem(at: root) }
        let listed = try CommandRunner.run(["templates", "list", "--variables"], in: root)
        #expect(listed.status == 0, "\(listed.stderr)")
        let lines = listed.stdout.split(separator: "\n").filter { $0.hasPrefix("  {{") }
        #expect(lines.count == TemplateVariables.documented.count)
        #expect(lines.allSatisfy { $0.contains("}} ") })
        #expect(lines.contains { $0.hasPrefix("  {{fact.non_compete_duration_sentence}} the sentence") })
    }

    @Test func templatesInitWritesAnEditableSetThatPreviews() throws {
        let root = try CommandRunner.scratch([
            "doc.md": Data(
                "# Lease\n\n## Section 2.1 Rent\n\nThe Tenant shall pay the rent monthly in advance on the first day of each month.\n"
                    .utf8)
        ])
        defer { try? FileManager.default.removeItem(at: root) }
        let initialised = try CommandRunner.run(["templates", "init", "mine", "--domain", "generic"], in: root)
        #expect(initialised.status == 0, "\(initialised.stderr)")
        let names = try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("mine").path)
            .sorted()
        #expect(names.contains("generic-qa.yaml"))
        #expect(!names.contains { $0.hasPrefix("legal-") })
        let again = try CommandRunner.run(["templates", "init", "mine"], in: root)
        #expect(again.status != 0)
        let preview = try CommandRunner.run(["templates", "preview", "legal-section-qa", "doc.md"], in: root)
        #expect(preview.status == 0, "\(preview.stderr)")
        #expect(preview.stdout.contains("Section 2.1"))
        #expect(
            preview.stdout.contains(
                "[assistant] The Tenant shall pay the rent monthly in advance on the first day of each month."))
    }
}
