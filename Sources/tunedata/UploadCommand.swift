import ArgumentParser
import Foundation
import TuneData

/// `tunedata upload DIR`: sends train.jsonl and validation.jsonl for fine-tuning, once each.
struct UploadCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "upload",
        abstract: "Upload an output folder's train.jsonl and validation.jsonl with purpose fine-tune.",
        discussion: """
            A file the validator rejects is not sent. File ids, sizes and SHA-256 go into DIR/uploads.json; \
            a file whose SHA-256 is recorded there and which the provider still has is not sent again. \
            Files above 512 MB go through the Uploads API in 64 MB parts.
            """
    )

    @Argument(help: "The output folder of `tunedata convert`.")
    var directory: String

    @Option(help: "The model the files are for (the validator's token limit).")
    var model: String = "gpt-4o-mini-2024-07-18"

    @OptionGroup var provider: ProviderOptions

    func run() async throws {
        let folder = URL(fileURLWithPath: directory)
        try await reportingProviderErrors {
            let uploader = DatasetUploader(client: try provider.client(), model: model)
            let outcomes = try await uploader.upload(directory: folder) { printError($0) }
            for outcome in outcomes { print(Self.line(outcome)) }
        }
    }

    static func line(_ outcome: DatasetUploader.Outcome) -> String {
        switch outcome {
        case .uploaded(let entry): "\(entry.name): uploaded as \(entry.fileID) (\(entry.bytes) bytes)"
        case .alreadyUploaded(let entry): "\(entry.name): already uploaded as \(entry.fileID), not sent again"
        case .skippedMissing(let name): "\(name): not in the folder, skipped"
        }
    }
}
