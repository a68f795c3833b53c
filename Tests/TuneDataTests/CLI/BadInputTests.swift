import Foundation
import Testing

/// Issue 2's bad-input list, end to end: each bad file gets one line naming it and the reason, the
/// good files still convert, and the run succeeds because something usable was produced.
@Suite(
    .enabled(
        if: CommandRunner.isAvailable,
        "skipped: runs the built tunedata executable, which swift test builds beside the tests and is missing"))
struct BadInputTests {
    static func fixture(_ path: String) throws -> Data {
        let url = try #require(Bundle.module.resourceURL?.appendingPathComponent("Fixtures/\(path)"))
        return try Data(contentsOf: url)
    }

    @Test func everyBadFileIsNamedWithItsReason() throws {
        let agreement = try Self.fixture("pdf/agreement.pdf")
        let files: [String: Data] = [
            "in/agreement.pdf": agreement,
            "in/truncated.pdf": agreement.prefix(900),
            "in/encrypted.pdf": try Self.fixture("pdf/encrypted.pdf"),
            "in/scanned.pdf": try Self.fixture("pdf/image-only.pdf"),
            "in/empty.html": Data(),
            "in/binary.html": Data([0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00]),
        ]
        let root = try CommandRunner.scratch(files)
        defer { try? FileManager.default.removeItem(at: root) }
        let result = try CommandRunner.run(["convert", "in", "missing-folder", "-o", "out"], in: root)
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stderr.split(separator: "\n").map(String.init)
        func line(for file: String) -> String? { lines.first { $0.contains(file + ":") } }
        #expect(line(for: "in/truncated.pdf")?.contains("corrupt") == true)
        #expect(line(for: "in/encrypted.pdf")?.contains("encrypted (give --password)") == true)
        #expect(line(for: "in/scanned.pdf")?.contains("no text layer") == true)
        // The fixture's image is blank: OCR reads nothing (or, without Tesseract, cannot run).
        #expect(line(for: "in/scanned.pdf")?.contains("OCR") == true)
        #expect(line(for: "in/empty.html")?.contains("empty") == true)
        #expect(line(for: "in/binary.html")?.contains("binary content") == true)
        #expect(line(for: "missing-folder")?.contains("no such file or folder") == true)
        let manifest =
            try JSONSerialization.jsonObject(with: Data(contentsOf: root.appendingPathComponent("out/manifest.json")))
            as? [String: Any]
        let inputs = try #require(manifest?["inputs"] as? [String: Any])
        #expect(inputs["converted"] as? Int == 1)
        #expect(inputs["skipped"] as? Int == 6)
    }
}
