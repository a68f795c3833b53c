import ArgumentParser
import Foundation
import TuneData

struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check a fine-tuning JSONL file as OpenAI would, with line numbers and statistics.",
        discussion: "Exits with status 1 when the file would be rejected (any error), 0 otherwise."
    )

    @Argument(help: "The JSONL file (chat or legacy prompt/completion lines).")
    var file: String

    @Option(help: "The model the file is for; decides the tokenizer and the per-example token limit.")
    var model: String = ModelLimits.defaultModel

    @Option(help: "Output format: text (FILE:LINE: error: ... then statistics) or json.")
    var format: OutputStyle = .text

    func run() throws {
        let report: ValidationReport
        do {
            report = try DatasetValidator(model: model).validate(fileAt: URL(fileURLWithPath: file))
        } catch {
            printError("\(file): \(error)")
            throw ExitCode.failure
        }
        switch format {
        case .text: print(report.text(path: file))
        case .json: print(try JSONOutput.string(report))
        }
        if !report.isAcceptable { throw ExitCode.failure }
    }
}
