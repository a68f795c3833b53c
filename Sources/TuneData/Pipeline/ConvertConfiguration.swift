public import Foundation

/// Everything a `convert` run was asked to do: written whole into the manifest so a run can be repeated.
public struct ConvertConfiguration: Sendable, Codable {
    public var inputs: [String]
    public var templates: [String]
    public var includes: [String]
    public var chunking: ChunkingOptions
    public var dataset: DatasetConfiguration
    public var extraction: ExtractionOptions
    public var jobs: Int
    /// `K/N`: this run converts only the K-th of N deterministic slices of the inputs.
    public var shard: Shard?
    /// `--pii`, `--secrets`, `--redact-style` (absent in older manifests: the defaults).
    public var privacy: PrivacyOptions?

    public init(
        inputs: [String], templates: [String] = [], includes: [String] = [],
        chunking: ChunkingOptions = ChunkingOptions(),
        dataset: DatasetConfiguration = DatasetConfiguration(), extraction: ExtractionOptions = ExtractionOptions(),
        jobs: Int = ProcessInfo.processInfo.activeProcessorCount, shard: Shard? = nil
    ) {
        self.inputs = inputs
        self.templates = templates
        self.includes = includes
        self.chunking = chunking
        self.dataset = dataset
        self.extraction = extraction
        self.jobs = jobs
        self.shard = shard
    }
}
