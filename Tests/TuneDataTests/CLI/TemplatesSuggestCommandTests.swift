import Foundation
import Testing

/// `tunedata templates suggest` on a folder of documents it has never seen.
@Suite(.enabled(if: CommandRunner.isAvailable, "the tunedata executable is not built"))
struct TemplatesSuggestCommandTests {
    static func lease(_ tenant: String) -> Data {
        Data(
            """
            This Lease Agreement (the "Agreement") is entered into as of May 1, 2024 by and between Oak Properties LLC ("Landlord") and \(tenant) ("Tenant").

            1. Rent. The Tenant shall pay the rent monthly in advance on the first day of each month.

            2. Assignment. The Tenant may not assign this Agreement without the prior written consent of the Landlord.

            3. Governing Law. This Agreement shall be governed by the laws of the State of Oregon.

            """.utf8)
    }

    @Test func writesTemplatesThatLoadAndPreview() throws {
        let root = try CommandRunner.scratch([
            "leases/a.txt": Self.lease("Ann Lee"), "leases/b.txt": Self.lease("Bo Chen"),
            "leases/c.txt": Self.lease("Cy Diaz"),
        ])
        defer { try? FileManager.default.removeItem(at: root) }
        let run = try CommandRunner.run(["templates", "suggest", "leases", "-o", "suggested"], in: root)
        #expect(run.status == 0, "\(run.stderr)")
        let names = try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("suggested").path)
        #expect(names.contains("suggested-clause-anti-assignment.yaml"))
        #expect(names.contains("suggested-fact-governing-law.yaml"))
        let law = try String(
            contentsOf: root.appendingPathComponent("suggested/suggested-fact-governing-law.yaml"), encoding: .utf8)
        #expect(law.contains("# Applies to 3 of 3 documents (100%)."))
        let preview = try CommandRunner.run(
            ["templates", "preview", "suggested/suggested-fact-governing-law.yaml", "leases/a.txt"], in: root)
        #expect(preview.status == 0, "\(preview.stderr)")
        #expect(preview.stdout.contains("the State of Oregon"))
    }

    @Test func aFolderWithNothingInCommonWritesNothing() throws {
        let root = try CommandRunner.scratch(["notes/a.txt": Data("A shopping list: apples, pears and bread.".utf8)])
        defer { try? FileManager.default.removeItem(at: root) }
        let run = try CommandRunner.run(["templates", "suggest", "notes", "-o", "out"], in: root)
        #expect(run.status != 0)
        #expect(run.stderr.contains("nothing recurs"))
    }
}
