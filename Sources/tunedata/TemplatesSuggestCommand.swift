import ArgumentParser
import Foundation
import TuneData

extension TemplatesCommand {
    struct Suggest: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write starter templates for the clause types, headings and facts a folder's documents share.",
            discussion:
                "Reads every document, finds what at least 30% of them (and two or more) hold, and writes one commented YAML template for each, with the share of documents it applies to. Preview them with `tunedata templates preview DIR FILE`."
        )

        @Argument(help: "The folder (or files) of documents to read.")
        var inputs: [String]

        @Option(name: .shortAndLong, help: "The folder to write the templates into (created; existing files are kept).")
        var output: String

        @OptionGroup var budget: BudgetOptions

        func run() throws {
            let discovered = InputDiscovery.discover(inputs)
            for skipped in discovered.skipped { printError("\(skipped.path): \(skipped.message)") }
            guard !discovered.files.isEmpty else {
                printError("no documents to read in \(inputs.joined(separator: ", "))")
                throw ExitCode.failure
            }
            let chunker = Chunker(options: try budget.chunkingOptions())
            let extractors = Extractors()
            var suggester = TemplateSuggester()
            var read = 0
            for file in discovered.files {
                do {
                    let document = try extractors.extract(file)
                    suggester.add(passages: chunker.passages(of: document), of: document)
                    read += 1
                } catch {
                    printError("\(file.displayPath): \(error)")
                }
            }
            let suggestions = suggester.suggestions
            guard read > 0, !suggestions.isEmpty else {
                printError("nothing recurs in \(read) document\(read == 1 ? "" : "s"): no templates written")
                throw ExitCode.failure
            }
            let target = URL(fileURLWithPath: output, isDirectory: true)
            try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
            var written = 0
            for suggestion in suggestions {
                let url = target.appendingPathComponent(suggestion.name + ".yaml")
                if FileManager.default.fileExists(atPath: url.path) {
                    printError("\(url.path): already exists; not overwritten")
                    continue
                }
                let yaml = TemplateSuggester.yaml(for: suggestion)
                // Every file must load: a suggestion that does not is a bug, not a user's mistake.
                _ = try TemplateLoader.parse(yaml, file: url.path)
                try yaml.write(to: url, atomically: true, encoding: .utf8)
                print("\(url.path)  (\(suggestion.documents) of \(suggestion.of) documents)")
                written += 1
            }
            printError(
                "Wrote \(written) templates from \(read) documents. Try: tunedata templates preview \(output) FILE")
        }
    }
}
