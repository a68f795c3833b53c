import ArgumentParser
import Foundation
import TuneData

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Rebuild report.html, the page to read, filter and judge a dataset, from a dataset folder.",
        discussion: """
            Reads manifest.json, provenance.jsonl, the split files and dropped.jsonl of a folder written by \
            convert or merge and writes DIR/report.html: one self-contained page (no network) with the run \
            summary, plots and every example, kept and dropped, to page through, search and filter.
            """
    )

    @Argument(help: "A dataset folder written by convert or merge.")
    var directory: String

    @Flag(help: "Print nothing but errors.")
    var quiet = false

    func run() throws {
        let url: URL
        do {
            url = try DatasetReportPage.write(directory: URL(fileURLWithPath: directory, isDirectory: true))
        } catch {
            printError("tunedata: \(error)")
            throw ExitCode.failure
        }
        if !quiet { print(url.path) }
    }
}
