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
    /// Follow symbolic links whose target lies outside the input folders (`--follow-symlinks`).
    public var followsOutsideLinks: Bool
    /// `--pii`, `--secrets`, `--redact-style` (absent in older manifests: the defaults).
    public var privacy: PrivacyOptions?

    public init(
        inputs: [String], templates: [String] = [], includes: [String] = [],
        chunking: ChunkingOptions = ChunkingOptions(),
        dataset: DatasetConfiguration = DatasetConfiguration(), extraction: ExtractionOptions = ExtractionOptions(),
        jobs: Int = ProcessInfo.processInfo.activeProcessorCount, shard: Shard? = nil, followsOutsideLinks: Bool = false
    ) {
        self.followsOutsideLinks = followsOutsideLinks
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

extension ConvertConfiguration {
    private enum CodingKeys: String, CodingKey {
        case inputs, templates, includes, chunking, dataset, extraction, jobs, shard, followsOutsideLinks, privacy
    }

    /// Decodes a configuration, giving keys that older manifests and parts lack their defaults.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            inputs: try container.decode([String].self, forKey: .inputs),
            templates: try container.decodeIfPresent([String].self, forKey: .templates) ?? [],
            includes: try container.decodeIfPresent([String].self, forKey: .includes) ?? [],
            chunking: try container.decodeIfPresent(ChunkingOptions.self, forKey: .chunking) ?? ChunkingOptions(),
            dataset: try container.decodeIfPresent(DatasetConfiguration.self, forKey: .dataset)
                ?? DatasetConfiguration(),
            extraction: try container.decodeIfPresent(ExtractionOptions.self, forKey: .extraction)
                ?? ExtractionOptions(),
            jobs: try container.decodeIfPresent(Int.self, forKey: .jobs) ?? 1,
            shard: try container.decodeIfPresent(Shard.self, forKey: .shard),
            followsOutsideLinks: try container.decodeIfPresent(Bool.self, forKey: .followsOutsideLinks) ?? false)
        privacy = try container.decodeIfPresent(PrivacyOptions.self, forKey: .privacy)
    }
}
