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

    func run() throws {
        var collections: [CollectedExamples] = []
        var configurations: [ConvertConfiguration] = []
        for part in parts {
            do {
                let (collected, configuration) = try PartialResult.read(
                    from: URL(fileURLWithPath: part, isDirectory: true))
                collections.append(collected)
                configurations.append(configuration)
            } catch {
                printError("\(error)")
                throw ExitCode.failure
            }
        }
        guard var configuration = configurations.first else { throw ValidationError("name at least one part") }
        let shards = configurations.compactMap(\.shard)
        if let count = shards.first?.count {
            let missing = Set(1...count).subtracting(shards.map(\.index)).sorted()
            if !missing.isEmpty {
                printError(
                    "warning: parts for shard\(missing.count == 1 ? "" : "s") \(missing.map { "\($0)/\(count)" }.joined(separator: ", ")) are missing"
                )
            }
            if Set(shards.map(\.index)).count != shards.count {
                printError("warning: the same shard appears more than once")
            }
        }
        if configurations.contains(where: {
            $0.dataset != configuration.dataset || $0.chunking != configuration.chunking
        }) {
            printError("warning: the parts were made with different settings; using those of \(parts[0])")
        }
        configuration.shard = nil
        if let target {
            guard target.target.rules.shapes.contains(configuration.dataset.format) else {
                throw ValidationError(
                    "--target \(target.target.name) cannot hold the parts' \(configuration.dataset.format.rawValue) records"
                )
            }
            configuration.dataset.target = target.target.name
        }
        let included = try loadIncluded(configuration.includes, model: configuration.dataset.model)
        let merged: CollectedExamples
        do {
            merged = try CollectedExamples.merged(collections)
        } catch {
            printError("tunedata: \(error.localizedDescription)")
            throw ExitCode.failure
        }
        try finish(
            merged, included: included, configuration: configuration,
            output: output, quiet: quiet)
    }
}
