import ArgumentParser
import Foundation
import Tokenizer

/// `tunedata tokens`: count (or list) the tokens of a file or of standard input.
struct TokensCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tokens",
        abstract: "Print the number of tokens of a text (or the token ids).",
        discussion: """
            The encoding is o200k_base unless --encoding or --model says otherwise. Special-token \
            strings such as <|endoftext|> count as ordinary text.
            """
    )

    @Argument(help: "The UTF-8 text file to read; '-' or nothing reads standard input.")
    var file: String?

    @Option(help: "The encoding: o200k_base or cl100k_base.")
    var encoding: String?

    @Option(help: "A model name whose encoding to use (e.g. \(ModelEncodings.defaultModel)).")
    var model: String?

    @Option(help: "Count with a Hugging Face tokenizer.json (byte-level BPE) instead.")
    var tokenizer: String?

    @Flag(help: "Print the token ids, space separated, instead of their count.")
    var ids = false

    func validate() throws {
        if encoding != nil, model != nil {
            throw ValidationError("Give --encoding or --model, not both.")
        }
        if let encoding, EncodingName(rawValue: encoding) == nil {
            let known = EncodingName.allCases.map(\.rawValue).joined(separator: ", ")
            throw ValidationError("Unknown encoding '\(encoding)'. Known encodings: \(known).")
        }
        if let model, ModelEncodings.encoding(forModel: model) == nil {
            let known = ModelEncodings.knownModels.keys.sorted().joined(separator: ", ")
            throw ValidationError("Unknown model '\(model)'. Known models (and their dated versions): \(known).")
        }
    }

    func run() throws {
        let name =
            encoding.flatMap(EncodingName.init(rawValue:)) ?? model.flatMap(ModelEncodings.encoding(forModel:))
            ?? .o200kBase
        let data: Data
        do {
            if let file, file != "-" {
                data = try Data(contentsOf: URL(fileURLWithPath: file))
            } else {
                data = FileHandle.standardInput.readDataToEndOfFile()
            }
        } catch {
            printError("\(file ?? "-"): \(error.localizedDescription)")
            throw ExitCode.failure
        }
        let text = String(decoding: data, as: UTF8.self)
        if let path = self.tokenizer {
            do {
                print(try HuggingFaceBPE(contentsOf: URL(fileURLWithPath: path)).count(text))
            } catch {
                printError("\(error)")
                throw ExitCode.failure
            }
            return
        }
        let tokenizer = BPEEncoding.shared(name)
        if ids {
            print(tokenizer.encode(text).map(String.init).joined(separator: " "))
        } else {
            print(tokenizer.count(text))
        }
    }
}
