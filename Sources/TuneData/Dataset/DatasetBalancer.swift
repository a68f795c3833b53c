/// Caps how many examples one document, template or category contributes.
///
/// Caps apply in turn: per document (`maxPerDocument`, or `maxDocumentShare` of the examples
/// entering this step, whichever is smaller), then per template, then per category. A group over its
/// cap keeps a stratified, seeded sample: its examples are dealt into strata (passages for a document
/// cap, documents for a template cap, templates for a category cap), each stratum shuffled by a hash
/// of the seed, and the sample takes the first of every stratum, then the second of every stratum,
/// and so on — so it stays spread across passages, documents and variants.
struct DatasetBalancer: Sendable {
    /// An example removed by a cap, and which cap.
    struct Drop: Sendable, Hashable {
        var index: Int
        var detail: String
    }

    var configuration: DatasetConfiguration

    init(configuration: DatasetConfiguration) {
        self.configuration = configuration
    }

    /// Applies the caps to `indices` (into `labels`), keeping their order.
    func balance(_ indices: [Int], labels: [ExampleLabel]) -> (kept: [Int], dropped: [Drop]) {
        var kept = indices
        var dropped: [Drop] = []
        var documentCap = configuration.maxPerDocument
        if let share = configuration.maxDocumentShare {
            let shareCap = max(1, Int((share * Double(kept.count)).rounded(.down)))
            documentCap = min(documentCap ?? shareCap, shareCap)
        }
        let steps: [(cap: Int?, name: String, group: (ExampleLabel) -> String, stratum: (ExampleLabel) -> String)] = [
            (documentCap, "document", { $0.provenance.documentID }, { String($0.provenance.passageIndex) }),
            (configuration.maxPerTemplate, "template", { $0.provenance.template }, { $0.provenance.documentID }),
            (configuration.maxPerCategory, "category", { $0.category ?? "(none)" }, { $0.provenance.template }),
        ]
        for step in steps {
            guard let cap = step.cap else { continue }
            let result = apply(cap: max(0, cap), to: kept, labels: labels, group: step.group, stratum: step.stratum)
            kept = result.kept
            dropped += result.dropped.map { Drop(index: $0.index, detail: "\(step.name) cap \(cap) (\($0.group))") }
        }
        return (kept, dropped)
    }

    private func apply(
        cap: Int, to indices: [Int], labels: [ExampleLabel], group: (ExampleLabel) -> String,
        stratum: (ExampleLabel) -> String
    ) -> (kept: [Int], dropped: [(index: Int, group: String)]) {
        var groups: [String: [Int]] = [:]
        for index in indices { groups[group(labels[index]), default: []].append(index) }
        var removed = Set<Int>()
        var dropped: [(index: Int, group: String)] = []
        for name in groups.keys.sorted() {
            guard let members = groups[name], members.count > cap else { continue }
            let seed = configuration.seed
            // Rank within stratum by a seeded hash, then deal across strata.
            var strata: [String: [(hash: UInt64, index: Int)]] = [:]
            for index in members {
                let p = labels[index].provenance
                let key = "\(p.source)\u{1}\(p.passageIndex)\u{1}\(p.template)\u{1}\(p.variant)\u{1}\(index)"
                strata[stratum(labels[index]), default: []].append((FastHash.hash(key, seed: seed), index))
            }
            var ranked: [(rank: Int, stratumHash: UInt64, index: Int)] = []
            for (stratumName, entries) in strata {
                let stratumHash = FastHash.hash(stratumName, seed: seed)
                for (rank, entry) in entries.sorted(by: { ($0.hash, $0.index) < ($1.hash, $1.index) }).enumerated() {
                    ranked.append((rank, stratumHash, entry.index))
                }
            }
            ranked.sort { ($0.rank, $0.stratumHash, $0.index) < ($1.rank, $1.stratumHash, $1.index) }
            for entry in ranked.dropFirst(cap) {
                removed.insert(entry.index)
                dropped.append((entry.index, name))
            }
        }
        dropped.sort { $0.index < $1.index }
        return (indices.filter { !removed.contains($0) }, dropped)
    }
}

/// Splits examples into training and validation by document, so no document is in both.
///
/// Documents are ordered by a hash of their id keyed by the seed; the first
/// `round(fraction × documents)` go to validation (always leaving one for training). With fewer than
/// two documents, or a fraction that rounds to no document, there is no validation split and a warning
/// says why. Included examples always go to training.
struct DocumentSplitter: Sendable {
    var fraction: Double
    var seed: UInt64

    init(fraction: Double, seed: UInt64) {
        self.fraction = fraction
        self.seed = seed
    }

    /// Splits `indices` (into `labels`), keeping their order within each split.
    func split(
        _ indices: [Int], labels: [ExampleLabel], isIncluded: (Int) -> Bool
    ) -> (train: [Int], validation: [Int], warnings: [String]) {
        let documents = Set(indices.filter { !isIncluded($0) }.map { labels[$0].provenance.documentID })
        var warnings: [String] = []
        guard fraction > 0 else { return (indices, [], []) }
        guard documents.count >= 2 else {
            warnings.append(
                "too few documents for a validation split (\(documents.count)); no validation file written")
            return (indices, [], warnings)
        }
        var count = Int((fraction * Double(documents.count)).rounded())
        if count == 0 {
            warnings.append(
                "validation fraction \(fraction) of \(documents.count) documents rounds to none; no validation file written"
            )
            return (indices, [], warnings)
        }
        count = min(count, documents.count - 1)
        let ordered = documents.sorted { (FastHash.hash($0, seed: seed), $0) < (FastHash.hash($1, seed: seed), $1) }
        let validationDocuments = Set(ordered.prefix(count))
        var train: [Int] = []
        var validation: [Int] = []
        for index in indices {
            if !isIncluded(index) && validationDocuments.contains(labels[index].provenance.documentID) {
                validation.append(index)
            } else {
                train.append(index)
            }
        }
        return (train, validation, warnings)
    }
}
