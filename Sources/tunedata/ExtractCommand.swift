import ArgumentParser
import Foundation
import TuneData

struct ExtractCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Print the text blocks extracted from one file."
    )

    @Argument(help: "The file to extract (HTML, PDF, Word .docx, OpenDocument .odt, text or Markdown; .gz accepted).")
    var file: String

    @Option(help: "Output format: text (one block per paragraph) or json.")
    var format: OutputStyle = .text

    @Option(help: "Password for an encrypted PDF.")
    var password: String?

    @OptionGroup var ocr: OCROptions

    @Option(help: "Seconds the file may take to extract (a long scan read with OCR may need more).")
    var timeLimit: Double = 60

    func validate() throws {
        guard timeLimit > 0 else { throw ValidationError("--time-limit must be positive") }
    }

    func run() throws {
        let document = try loadDocument(file, password: password, ocr: ocr, timeLimit: timeLimit)
        switch format {
        case .text: print(document.plainText)
        case .json: print(try JSONOutput.string(document))
        }
    }
}
