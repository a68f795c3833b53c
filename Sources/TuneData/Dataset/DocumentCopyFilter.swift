/// Drops the examples of a document that repeat an earlier document it copies.
///
/// EDGAR files one contract several times, and a folder often holds a PDF and a text copy of it. Exact and
/// near-duplicate filtering catch the examples the two copies cut the same way; the rest differ only in
/// where a passage starts or ends (a text copy joins a page's paragraphs, a PDF keeps a section whole), so
/// the copy's examples teach the original's text a second time under other questions. A document is a
/// copy of an earlier one when most of its answer text appears in that document's kept answers; then each
/// of its examples whose answer the original's answers already hold is dropped, and the ones that add text
/// the original lacks (a page the PDF lost, a section cut differently) stay.
///
/// Text is compared as sets of 5-word shingles (``MinHasher/shingleHashes(of:)``), exactly, document by
/// document in canonical order, so the earlier document always wins and the result does not depend on
/// threads. The document a copy repeats is the earlier one holding most of its shingles; an example's
/// answer is held when earlier documents' kept answers hold its shingles (a file filed three times
/// keeps only the first's).
struct DocumentCopyFilter: Sendable {
    /// A document whose answers' shingles lie at least this much in one earlier document's answers is
    /// its copy: over half of what it says, the other already says (two different contracts on one
    /// form share their boilerplate but not most of their text).
    static let documentShare = 0.5
    /// An example of a copy is dropped when at least this share of its answer's shingles is in the
    /// original's answers: the same share the near-duplicate filter uses for one example against another.
    static let exampleShare = 0.8

    /// A dropped item, the earlier document it repeats and how much of its answer that document holds.
    struct Match: Sendable, Hashable {
        var index: Int
        var original: String
        var share: Double
    }

    var hasher = MinHasher()
    var jobs = 1

    /// The items to drop among `count` items in canonical order.
    ///
    /// `document(i)` names an item's document and `answer(i)` gives its answer text; items of one
    /// document need not be adjacent.
    func matches(count: Int, document: (Int) -> String, answer: @Sendable (Int) -> String) -> [Match] {
        guard count > 1 else { return [] }
        var shingles = [[UInt64]](repeating: [], count: count)
        let hasher = self.hasher
        ParallelWork.forEachInOrder(count: count, jobs: jobs) {
            Array(Set(hasher.shingleHashes(of: answer($0))))
        } consume: {
            shingles[$0] = $1
        }
        var documentOrder: [String] = []
        var members: [String: [Int]] = [:]
        for index in 0..<count {
            let name = document(index)
            if members[name] == nil { documentOrder.append(name) }
            members[name, default: []].append(index)
        }
        guard documentOrder.count > 1 else { return [] }

        // The first document (by position) that holds a shingle in a kept answer. Later holders are
        // not needed: a shingle two earlier documents hold counts for the first, and an answer is judged
        // against every earlier document's kept text.
        var holder: [UInt64: Int32] = [:]
        holder.reserveCapacity(shingles.reduce(0) { $0 + $1.count })
        var result: [Match] = []
        for (position, name) in documentOrder.enumerated() {
            let items = members[name] ?? []
            let own = items.reduce(into: Set<UInt64>()) { $0.formUnion(shingles[$1]) }
            var shared: [Int32: Int] = [:]
            for shingle in own {
                if let first = holder[shingle] { shared[first, default: 0] += 1 }
            }
            let best = shared.max { ($0.value, $1.key) < ($1.value, $0.key) }
            let isCopy =
                best.map { !own.isEmpty && Double($0.value) / Double(own.count) >= Self.documentShare } ?? false
            var kept: [Int] = []
            for item in items {
                let answer = shingles[item]
                guard isCopy, let best, !answer.isEmpty else {
                    kept.append(item)
                    continue
                }
                let held = answer.reduce(0) { $0 + (holder[$1] != nil ? 1 : 0) }
                let share = Double(held) / Double(answer.count)
                if share >= Self.exampleShare {
                    result.append(Match(index: item, original: documentOrder[Int(best.key)], share: share))
                } else {
                    kept.append(item)
                }
            }
            for item in kept {
                for shingle in shingles[item] where holder[shingle] == nil { holder[shingle] = Int32(position) }
            }
        }
        return result.sorted { $0.index < $1.index }
    }
}
