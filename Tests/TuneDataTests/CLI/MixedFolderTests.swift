import Foundation
import Testing
@testable import TuneData

/// Issue 20's "done when": a folder mixing Word, OpenDocument, PDF, legacy files and links converts
/// what it can read, names the rest with reasons, and leaks nothing from outside the folder.
@Suite(.enabled(if: CommandRunner.isAvailable, "the tunedata executable is not built"))
struct MixedFolderTests {
    @Test func convertsWhatItCanAndNamesTheRest() throws {
        let clauses = (1...12).map { number in
            OfficeFixture.p(
                "The Licensee shall pay the fee number \(number) within thirty days of the invoice date, "
                    + "and interest accrues on late amounts at the statutory rate.", numID: 1, level: 0)
        }
        let numbering = """
            <w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/>\
            <w:lvlText w:val="%1."/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
            """
        let docx = try OfficeFixture.docx(
            body: OfficeFixture.p("Licence Agreement", style: "Title") + clauses.joined(), numbering: numbering)
        let odt = try OfficeFixture.odt(
            "<text:h text:outline-level=\"1\">Services Agreement</text:h><text:p>The Supplier shall perform the "
                + "services with reasonable skill and care.</text:p>")
        let agreement = try BadInputTests.fixture("pdf/agreement.pdf")
        let root = try CommandRunner.scratch([
            "in/licence.docx": docx, "in/services.odt": odt, "in/agreement.pdf": agreement,
            "in/old.doc": Data(LegacyWordRefusal.compoundFileMagic + Array(repeating: 0, count: 504)),
            "in/~$licence.docx": Data("lock".utf8), "in/.git/config.txt": Data("secret".utf8),
            "in/broken.docx": Data("PK\u{3}\u{4}garbage".utf8), "in/empty.docx": Data(),
            "outside/passwd.txt": Data("root:x:0:0:swordfish".utf8),
        ])
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createSymbolicLink(
            atPath: root.appendingPathComponent("in/passwd.txt").path,
            withDestinationPath: root.appendingPathComponent("outside/passwd.txt").path)
        let result = try CommandRunner.run(["convert", "in", "-o", "in/out"], in: root)
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stderr.split(separator: "\n").map(String.init)
        func line(for file: String) -> String? { lines.first { $0.contains(file + ":") } }
        #expect(line(for: "in/old.doc")?.contains("legacy Word .doc") == true)
        #expect(line(for: "in/broken.docx")?.contains("corrupt (not a readable ZIP archive)") == true)
        #expect(line(for: "in/empty.docx")?.contains("empty") == true)
        #expect(line(for: "in/passwd.txt")?.contains("outside the input folders") == true)
        #expect(line(for: "in/.git")?.contains("hidden") == true)
        #expect(line(for: "in/~$licence.docx")?.contains("lock file") == true)
        let train = try String(contentsOf: root.appendingPathComponent("in/out/train.jsonl"), encoding: .utf8)
        // validation.jsonl is written only when some document is held out.
        let validation =
            (try? String(contentsOf: root.appendingPathComponent("in/out/validation.jsonl"), encoding: .utf8)) ?? ""
        #expect(!(train + validation).contains("swordfish"))
        #expect((train + validation).contains("fee number"))
        let manifest = try String(contentsOf: root.appendingPathComponent("in/out/manifest.json"), encoding: .utf8)
        #expect(manifest.contains("\"docx\""))
        #expect(manifest.contains("\"odt\""))

        // A second run into the same output folder does not read the first run's report.html.
        let again = try CommandRunner.run(["convert", "in", "-o", "in/out"], in: root)
        #expect(again.stderr.contains("in/out: the run's own output folder; not read"))
    }
}
