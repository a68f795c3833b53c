import Foundation
import Testing

/// `convert` writes report.html; `tunedata report` rebuilds the same bytes from the folder.
@Suite(.enabled(if: CommandRunner.isAvailable, "the tunedata executable is not built"))
struct ReportCommandTests {
    @Test func convertWritesTheReportAndReportRebuildsTheSameBytes() throws {
        let root = try CommandRunner.scratch(ConvertCommandTests.contracts(3))
        defer { try? FileManager.default.removeItem(at: root) }
        let converted = try CommandRunner.run(["convert", "contracts", "-o", "out", "--quiet"], in: root)
        #expect(converted.status == 0, "\(converted.stderr)")
        let out = root.appendingPathComponent("out")
        let report = out.appendingPathComponent("report.html")
        let written = try Data(contentsOf: report)
        let train = try Data(contentsOf: out.appendingPathComponent("train.jsonl"))
        let html = String(decoding: written, as: UTF8.self)
        #expect(html.contains("id=\"report-data\""))
        #expect(!html.contains("<script src") && !html.contains("<link "))
        // Sources link relative to the report: out/ → ../contracts/.
        #expect(html.contains(#""links":["../contracts/agreement-1.md""#))
        try FileManager.default.removeItem(at: report)
        let rebuilt = try CommandRunner.run(["report", "out"], in: root)
        #expect(rebuilt.status == 0, "\(rebuilt.stderr)")
        #expect(rebuilt.stdout.hasSuffix("out/report.html\n"))
        #expect(try Data(contentsOf: report) == written)
        #expect(try Data(contentsOf: out.appendingPathComponent("train.jsonl")) == train)
        // Within 2× of the JSONL it describes, page machinery included.
        #expect(written.count < 2 * train.count + 64 * 1024)
    }

    @Test func aFolderThatIsNotADatasetFailsWithItsName() throws {
        let root = try CommandRunner.scratch(["notes/a.txt": Data("x".utf8)])
        defer { try? FileManager.default.removeItem(at: root) }
        let result = try CommandRunner.run(["report", "notes"], in: root)
        #expect(result.status == 1)
        #expect(result.stderr.contains("notes has no manifest.json"))
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("notes/report.html").path))
    }
}

/// The report of corpus-samples in a real browser (headless Chromium driven by Selenium): counts,
/// search, filters, duplicate links, a source link and the console, checked by
/// `Tests/ReportBrowser/report_check.py`; screenshots go to `.build/report-screenshots/`.
@Suite(.enabled(if: ReportBrowser.missing == nil, "\(ReportBrowser.missing ?? "")"))
struct ReportBrowserTests {
    @Test func corpusSamplesReportWorksInChromium() throws {
        let root = CommandRunner.packageRoot
        let out = root.appendingPathComponent(".build/report-browser-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: out) }
        let converted = try CommandRunner.run(["convert", "corpus-samples", "-o", out.path, "--quiet"], in: root)
        #expect(converted.status == 0, "\(converted.stderr)")
        let result = try ReportBrowser.check(
            out, screenshots: root.appendingPathComponent(".build/report-screenshots"))
        #expect(result.status == 0, "\(result.stdout)\n\(result.stderr)")
        #expect(result.stdout.contains("\"ok\": true"))
        #expect(!result.stdout.contains("\"ok\": false"))
    }
}

enum ReportBrowser {
    static let script = CommandRunner.packageRoot.appendingPathComponent("Tests/ReportBrowser/report_check.py")

    /// Why the browser test cannot run here, or `nil` when chromium, chromedriver and selenium are present.
    static let missing: String? = {
        guard CommandRunner.isAvailable else { return "the tunedata executable is not built" }
        for tool in ["chromium", "chromedriver", "python3"] where which(tool) == nil {
            return "\(tool) is not installed (apt-get install chromium chromium-driver; pip install selenium)"
        }
        guard let python = which("python3"),
            (try? run(python, ["-c", "import selenium"]))?.status == 0
        else { return "selenium is not installed (pip install selenium)" }
        return nil
    }()

    static func check(_ folder: URL, screenshots: URL) throws -> CommandRunner.Output {
        try run(which("python3") ?? "/usr/bin/python3", [script.path, folder.path, "--screenshots", screenshots.path])
    }

    static func which(_ tool: String) -> String? {
        let paths = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        return paths.map { "\($0)/\(tool)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    static func run(_ executable: String, _ arguments: [String]) throws -> CommandRunner.Output {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return CommandRunner.Output(
            status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
            stderr: String(decoding: stderr, as: UTF8.self))
    }
}
