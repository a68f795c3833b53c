import ArgumentParser

@main
struct TuneDataCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tunedata",
        abstract: "Turn a folder of documents into upload-ready fine-tuning JSONL.",
        subcommands: [ExtractCommand.self, TokensCommand.self]
    )
}
