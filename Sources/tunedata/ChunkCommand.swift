import ArgumentParser
import Foundation
import Tokenizer
import TuneData

struct ChunkCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "chunk",
        abstract: "Show the passages one file is cut into.",
        discussion: "Each passage follows the document's sections and fits the token budget of the model's encoding."
    )

    @Argument(help: "The file to chunk (HTML, PDF, .docx, .odt, text or Markdown).")
    var file: String

    @OptionGroup var budget: BudgetOptions

    @Option(help: "Output format: text or json.")
    var format: OutputStyle = .text

    @Option(help: "Password for an encrypted PDF.")
    var password: String?

    func run() throws {
        let options = try budget.chunkingOptions()
        let document = try loadDocument(file, password: password)
        let passages = Chunker(options: options).passages(of: document)
        switch format {
        case .json:
            print(try JSONOutput.string(passages))
        case .text:
            for passage in passages {
                var header = "── passage \(passage.index + 1) · \(passage.tokenCount) tokens"
                if !passage.pages.isEmpty {
                    header += " · pages \(passage.pages.map(String.init).joined(separator: ","))"
                }
                if let label = passage.label { header += " · \(label)" }
                if !passage.clauses.isEmpty {
                    header += " · clauses: \(passage.clauses.map(\.id).joined(separator: ", "))"
                }
                print(header)
                if !passage.sectionPath.isEmpty { print("   \(passage.breadcrumb)") }
                print(passage.text)
                print()
            }
            printError(
                "\(passages.count) passages, \(passages.reduce(0) { $0 + $1.tokenCount }) tokens (\(options.encoding.rawValue))"
            )
        }
    }
}

/// Token-budget options shared by `chunk`, `convert` and `templates preview`.
struct BudgetOptions: ParsableArguments {
    @Option(help: "Target model; decides the encoding tokens are counted in.")
    var model: String = ModelLimits.defaultModel

    @Option(help: "Largest passage, in tokens.")
    var maxTokens: Int = 512

    @Option(help: "Passages smaller than this merge with their neighbours under the same heading.")
    var minTokens: Int = 24

    @Option(help: "Tokens of trailing sentences repeated when a long section is split.")
    var overlap: Int = 0

    func chunkingOptions() throws -> ChunkingOptions {
        guard let encoding = ModelEncodings.encoding(forModel: model) else {
            throw ValidationError(
                "unknown model '\(model)'; use a fine-tunable OpenAI model name such as \(ModelLimits.defaultModel)")
        }
        guard maxTokens >= 16 else { throw ValidationError("--max-tokens must be at least 16") }
        guard minTokens >= 0, minTokens < maxTokens else {
            throw ValidationError("--min-tokens must be between 0 and --max-tokens")
        }
        guard overlap >= 0, overlap < maxTokens / 2 else {
            throw ValidationError("--overlap must be between 0 and half of --max-tokens")
        }
        return ChunkingOptions(maxTokens: maxTokens, minTokens: minTokens, overlapTokens: overlap, encoding: encoding)
    }
}

/// Extracts one file for the inspection commands, turning failure into a one-line error and exit 1.
func loadDocument(_ path: String, password: String?, ocr: OCROptions? = nil, timeLimit: Double? = 60) throws
    -> Document
{
    let url = URL(fileURLWithPath: path)
    let source = SourceFile(url: url, displayPath: path, documentID: DocumentID.make(relativePath: path))
    do {
        let options = ExtractionOptions(password: password, timeLimitSeconds: timeLimit)
        let document = try Extractors(options: ocr?.applied(to: options) ?? options).extract(source)
        for warning in document.warnings { printError("\(path): warning: \(warning)") }
        return document
    } catch {
        printError("\(path): \(error)")
        throw ExitCode.failure
    }
}
