import ArgumentParser

@main
struct TuneDataCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tunedata",
        abstract: "Turn a folder of documents into upload-ready fine-tuning JSONL.",
        subcommands: [
            ConvertCommand.self, ExtractCommand.self, ChunkCommand.self, TokensCommand.self, ValidateCommand.self,
            TemplatesCommand.self, MergeCommand.self, TargetsCommand.self, ReportCommand.self,
            UploadCommand.self, TrainCommand.self, CompareCommand.self, ScanCommand.self,
        ]
    )
}
