public import Foundation

/// The dataset stage over the parts that `convert --shard K/N` runs wrote, as one `convert` would
/// have run it.
///
/// It owns the shard policy: parts are read in the order given, a missing or repeated shard and
/// parts made with different settings are warnings (the first part's settings win), and the
/// configuration written to the manifest is the first part's without its shard.
public struct MergeRun: Sendable {
    /// The part folders, as the user named them.
    public var parts: [String]
    /// The target to write for instead of the one the parts were made for (`merge --target`).
    public var target: String?

    public init(parts: [String], target: String? = nil) {
        self.parts = parts
        self.target = target
    }

    /// The parts read and combined, the configuration to finish them with, and the warnings.
    public struct Combined: Sendable {
        public var collected: CollectedExamples
        public var configuration: ConvertConfiguration
        public var diagnostics: [Diagnostic]
    }

    /// Reads every part and combines them.
    ///
    /// - Throws: ``ConvertRunError`` when no part is named or a part cannot be read.
    public func combine() throws(ConvertRunError) -> Combined {
        var collections: [CollectedExamples] = []
        var configurations: [ConvertConfiguration] = []
        for part in parts {
            do {
                let (collected, configuration) = try PartialResult.read(
                    from: URL(fileURLWithPath: part, isDirectory: true))
                collections.append(collected)
                configurations.append(configuration)
            } catch {
                throw ConvertRunError(description: "\(error)")
            }
        }
        guard var configuration = configurations.first else {
            throw ConvertRunError(description: "name at least one part")
        }
        var diagnostics: [Diagnostic] = []
        let shards = configurations.compactMap(\.shard)
        if let count = shards.first?.count {
            let missing = Set(1...count).subtracting(shards.map(\.index)).sorted()
            if !missing.isEmpty {
                let names = missing.map { "\($0)/\(count)" }.joined(separator: ", ")
                diagnostics.append(
                    Diagnostic(
                        severity: .warning, kind: "missing_shard",
                        message: "parts for shard\(missing.count == 1 ? "" : "s") \(names) are missing"))
            }
            if Set(shards.map(\.index)).count != shards.count {
                diagnostics.append(
                    Diagnostic(
                        severity: .warning, kind: "repeated_shard", message: "the same shard appears more than once"))
            }
        }
        if configurations.contains(where: {
            $0.dataset != configuration.dataset || $0.chunking != configuration.chunking
        }) {
            diagnostics.append(
                Diagnostic(
                    severity: .warning, kind: "different_settings",
                    message: "the parts were made with different settings; using those of \(parts[0])"))
        }
        configuration.shard = nil
        if let target {
            let resolved = TargetRegistry.resolved(target)
            guard resolved.rules.shapes.contains(configuration.dataset.format) else {
                throw ConvertRunError(
                    description:
                        "--target \(resolved.name) cannot hold the parts' \(configuration.dataset.format.rawValue) records"
                )
            }
            configuration.dataset.target = resolved.name
        }
        do {
            return Combined(
                collected: try CollectedExamples.merged(collections), configuration: configuration,
                diagnostics: diagnostics)
        } catch {
            throw ConvertRunError(description: "tunedata: \(error.localizedDescription)")
        }
    }

    /// Combines the parts and writes the dataset into `directory`.
    public func run(to directory: URL, shownAs: String? = nil) throws(ConvertRunError) -> ConvertOutcome {
        let combined = try combine()
        let modelWarnings = try ModelCheck.diagnostics(for: combined.configuration.dataset)
        let (included, includeDiagnostics) = try IncludedExamples.loadAll(
            combined.configuration.includes, model: combined.configuration.dataset.model)
        var outcome = try DatasetStage.run(
            combined.collected, included: included, configuration: combined.configuration, to: directory,
            shownAs: shownAs)
        outcome.warnings = modelWarnings + combined.diagnostics + includeDiagnostics
        return outcome
    }
}
