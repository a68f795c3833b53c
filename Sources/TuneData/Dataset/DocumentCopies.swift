/// A document most of whose answers repeat another document's: the same contract filed twice, or a
/// near-copy (an amended restatement, a second exhibit of one form).
public struct DocumentCopy: Sendable, Codable, Hashable {
    /// The document whose examples were dropped (the later one in canonical order).
    public var source: String
    /// The document it repeats (whose examples were kept).
    public var copyOf: String
    /// Share of `source`'s usable examples whose answers repeat `copyOf`'s, 0...1.
    public var sharedAnswers: Double
    /// "copy" at or above ``DocumentCopies/copyShare``, else "near-copy".
    public var kind: String

    /// "a.pdf is a near-copy of b.pdf (64% of its answers repeat it)".
    public var description: String {
        "\(source) is a \(kind) of \(copyOf) (\(Int((sharedAnswers * 100).rounded()))% of its answers repeat it)"
    }
}

/// Finds copies among documents from the duplicates the Dataset stage dropped.
enum DocumentCopies {
    /// At least this share of a document's answers repeating one other document makes it a copy.
    static let copyShare = 0.9
    /// At least this share makes it a near-copy: most of its text is the other's.
    static let nearCopyShare = 0.5
    /// Documents with fewer usable examples than this are not judged (a one-page cover repeats anything).
    static let minimumExamples = 5

    /// Pairs of (dropped document source, kept document source) per cross-document duplicate, and the
    /// usable examples each document had: the documents that are copies, sorted by source.
    static func find(duplicates: [(source: String, of: String)], usable: [String: Int]) -> [DocumentCopy] {
        var shared: [String: [String: Int]] = [:]
        for pair in duplicates where pair.source != pair.of {
            shared[pair.source, default: [:]][pair.of, default: 0] += 1
        }
        var copies: [DocumentCopy] = []
        for (source, others) in shared {
            guard let total = usable[source], total >= minimumExamples,
                let best = others.max(by: { ($0.value, $1.key) < ($1.value, $0.key) })
            else { continue }
            let share = Double(best.value) / Double(total)
            guard share >= nearCopyShare else { continue }
            copies.append(
                DocumentCopy(
                    source: source, copyOf: best.key, sharedAnswers: share,
                    kind: share >= copyShare ? "copy" : "near-copy"))
        }
        return copies.sorted { $0.source < $1.source }
    }
}
