import Foundation
import Testing

/// HTML declared in a legacy encoding converts with its characters intact.
@Suite(
    .enabled(
        if: CommandRunner.isAvailable,
        "skipped: runs the built tunedata executable, which swift test builds beside the tests and is missing"))
struct DeclaredEncodingTests {
    static func page(charset: String, body: Data) -> Data {
        Data("<html><head><meta charset=\"\(charset)\"><title>Terms</title></head><body><main><h1>Terms</h1><p>".utf8)
            + body + Data("</p></main></body></html>".utf8)
    }

    @Test func windows1252AndShiftJISDecode() throws {
        // "Café «déjà vu» — prix 10 €" in Windows-1252.
        let cp1252: [UInt8] = [
            0x43, 0x61, 0x66, 0xE9, 0x20, 0xAB, 0x64, 0xE9, 0x6A, 0xE0, 0x20, 0x76, 0x75, 0xBB, 0x20, 0x97, 0x20, 0x70,
            0x72, 0x69, 0x78, 0x20, 0x31, 0x30, 0x20, 0x80,
        ]
        // "利用規約" (terms of use) in Shift_JIS.
        let shiftJIS: [UInt8] = [0x97, 0x98, 0x97, 0x70, 0x8B, 0x4B, 0x96, 0xF1]
        let root = try CommandRunner.scratch([
            "a.html": Self.page(charset: "windows-1252", body: Data(cp1252)),
            "b.html": Self.page(charset: "Shift_JIS", body: Data(shiftJIS)),
        ])
        defer { try? FileManager.default.removeItem(at: root) }
        let western = try CommandRunner.run(["extract", "a.html"], in: root)
        #expect(western.status == 0, "\(western.stderr)")
        #expect(western.stdout.contains("Café «déjà vu» — prix 10 €"))
        let japanese = try CommandRunner.run(["extract", "b.html"], in: root)
        #expect(japanese.status == 0, "\(japanese.stderr)")
        #expect(japanese.stdout.contains("利用規約"))
    }
}
