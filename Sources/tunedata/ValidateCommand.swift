import ArgumentParser
import Foundation
import TuneData

struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check a fine-tuning JSONL file as its target would, with line numbers and statistics.",
        discussion:
            "Exits with status 1 when the file would be rejected (any error), 0 otherwise. `tunedata targets` lists the rules of each target."
    )

    @Argument(help: "The JSONL file (chat, completion or preference lines in the target's layout).")
    var file: String

    @Option(help: "The target whose rules apply: \(TargetRegistry.names.joined(separator: ", ")).")
    var target: TargetChoice = .openAI

    @Option(
        help:
            "A Hugging Face tokenizer.json (byte-level BPE) for exact counts where the target's tokenizer is not bundled."
    )
    var tokenizer: String?

    @Option(help: "The model the file is for; decides the tokenizer and the per-example token limit.")
    var model: String = ModelLimits.defaultModel

    @Option(help: "Output format: text (FILE:LINE: error: ... then statistics) or json.")
    var format: OutputStyle = .text

    func run() throws {
        if let tokenizer { try checkTokenizer(tokenizer) }
        let report: ValidationReport
        do {
            let data = try Data(contentsOf: URL(fileURLWithPath: file), options: .mappedIfSafe)
            report = target.target.validate(
                data: data, file: file,
                context: TargetValidationContext(
                    model: model, jobs: ProcessInfo.processInfo.activeProcessorCount,
                    tokenizerFile: tokenizer.map { URL(fileURLWithPath: $0) }))
        } catch {
            printError("\(file): \(DatasetValidatorError.cannotRead(path: file, reason: error.localizedDescription))")
            throw ExitCode.failure
        }
        switch format {
        case .text: print(report.text(path: file))
        case .json: print(try JSONOutput.string(report))
        }
        if !report.isAcceptable { throw ExitCode.failure }
    }
}
