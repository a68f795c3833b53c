import ArgumentParser
import Foundation
import TuneData

struct MergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Combine the parts written by `convert --shard K/N` into one dataset.",
        discussion:
            "Runs deduplication, balancing, the split and validation across all parts, as one convert would have."
    )

    @Argument(help: "Part folders written by convert --shard.")
    var parts: [String]

    @Option(name: [.customShort("o"), .long], help: "The output folder.")
    var output: String

    @Option(help: "Write for this target instead of the one the parts were made for.")
    var target: TargetChoice?

    @Flag(help: "Print nothing but errors.")
    var quiet = false

    @Option(help: "How to report warnings and validation errors: text or json.")
    var diagnostics: DiagnosticsStyle = .text

    func run() throws {
        let outcome: ConvertOutcome
        do {
            outcome = try MergeRun(parts: parts, target: target?.target.name).run(
                to: URL(fileURLWithPath: output, isDirectory: true), shownAs: output)
        } catch {
            printError(error.description)
            throw ExitCode.failure
        }
        try report(outcome, output: output, quiet: quiet, diagnostics: diagnostics)
    }
}
