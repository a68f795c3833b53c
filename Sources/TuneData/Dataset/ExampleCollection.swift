/// What the dataset stage groups, sorts and splits by: an example's provenance and category,
/// without its messages.
public struct ExampleLabel: Sendable, Hashable {
    public var provenance: Provenance
    public var category: String?

    public init(provenance: Provenance, category: String?) {
        self.provenance = provenance
        self.category = category
    }

    public init(_ example: Example) {
        self.init(provenance: example.provenance, category: example.category)
    }
}

/// Examples the dataset stage can read by position.
///
/// The stage keeps only labels and small per-example records in memory and asks for an example's
/// messages when it needs them (token counts, duplicate keys, writing), so a collection may keep its
/// examples on disk (``ExampleStore``) and a run's memory grows with its compact records, not its text.
public protocol ExampleCollection: Sendable {
    var count: Int { get }
    /// The provenance and category of the example at `index`; cheap.
    func label(at index: Int) -> ExampleLabel
    /// The whole example at `index`; may read from disk.
    func example(at index: Int) -> Example
}

extension Array: ExampleCollection where Element == Example {
    public func label(at index: Int) -> ExampleLabel { ExampleLabel(self[index]) }
    public func example(at index: Int) -> Example { self[index] }
}

/// The included examples followed by the generated ones, addressed as one range of positions.
struct CombinedExamples: ExampleCollection {
    let included: [Example]
    let generated: any ExampleCollection

    var count: Int { included.count + generated.count }

    func isIncluded(_ index: Int) -> Bool { index < included.count }

    func label(at index: Int) -> ExampleLabel {
        index < included.count ? ExampleLabel(included[index]) : generated.label(at: index - included.count)
    }

    func example(at index: Int) -> Example {
        index < included.count ? included[index] : generated.example(at: index - included.count)
    }
}
