internal import Foundation

/// Finds near-duplicate texts with MinHash signatures and locality-sensitive hashing.
///
/// Items are taken in the order given (the caller sorts them so the copy to keep comes first). Each
/// signature is cut into `bands` bands of `rows` values; items sharing a band are candidates, and a
/// candidate is a near-duplicate when the signatures' estimated Jaccard similarity is at least the
/// threshold. An item is dropped when it is a near-duplicate of an earlier *kept* item, and the match
/// names that item. Only compact records are held: 16 bits per permutation per item plus one band's
/// sort keys at a time, so memory grows with the number of items, not the length of their texts.
public struct NearDuplicateFilter: Sendable {
    /// A dropped item and the earlier kept item it duplicates.
    public struct Match: Sendable, Hashable {
        public var index: Int
        public var original: Int
        /// Estimated Jaccard similarity of the two items' shingle sets.
        public var similarity: Double
    }

    public let threshold: Double
    public let hasher: MinHasher
    public let bands: Int
    public let rows: Int
    /// In a band bucket, each item is compared with at most this many earlier items (guards against
    /// quadratic work when many different texts share a band).
    public let bucketWindow: Int
    /// Threads that compute signatures (the result does not depend on it).
    public let jobs: Int

    public init(
        threshold: Double = 0.8, hasher: MinHasher = MinHasher(), bucketWindow: Int = 256,
        jobs: Int? = nil
    ) {
        self.threshold = threshold
        self.hasher = hasher
        self.bucketWindow = bucketWindow
        self.jobs = ParallelWork.jobs(jobs)
        (bands, rows) = Self.banding(threshold: threshold, permutations: hasher.permutations)
    }

    /// The banding for a threshold: the most rows per band (fewest chance candidates) such that a pair exactly at the
    /// threshold still becomes a candidate with probability ≥ 0.99, P = 1 − (1 − tʳ)ᵇ with b = ⌊permutations / r⌋.
    ///
    /// For t = 0.8 and 128 permutations: 21 bands × 6 rows (P(0.8) = 0.998, P(0.5) = 0.28, P(0.3) = 0.015).
    public static func banding(threshold: Double, permutations: Int) -> (bands: Int, rows: Int) {
        var best = (bands: permutations, rows: 1)
        for rows in 1...permutations {
            let bands = permutations / rows
            let p = 1 - pow(1 - pow(threshold, Double(rows)), Double(bands))
            if p >= 0.99 { best = (bands, rows) }
        }
        return best
    }

    /// Near-duplicates among `count` items whose texts `text(i)` gives, in keep-first order.
    ///
    /// Signatures are computed in parallel; the rest is sequential and deterministic.
    public func matches(count: Int, text: @Sendable (Int) -> String) -> [Match] {
        let width = hasher.permutations
        let signatures = UnsafeMutableBufferPointer<UInt16>.allocate(capacity: max(1, count * width))
        defer { signatures.deallocate() }
        let hasWords = UnsafeMutableBufferPointer<Bool>.allocate(capacity: max(1, count))
        defer { hasWords.deallocate() }
        let hasher = self.hasher
        nonisolated(unsafe) let signatureStore = signatures
        nonisolated(unsafe) let wordStore = hasWords
        // Each index writes only its own slots, so the workers need no lock.
        ParallelWork.forEachInOrder(count: count, jobs: jobs) { i in
            let slice = UnsafeMutableBufferPointer(rebasing: signatureStore[(i * width)..<((i + 1) * width)])
            wordStore[i] = hasher.compactSignature(of: text(i), into: slice)
        } consume: { _, _ in
        }
        let pairs = candidatePairs(
            count: count, signatures: UnsafeBufferPointer(signatures), hasWords: UnsafeBufferPointer(hasWords))
        var kept = [Bool](repeating: true, count: count)
        var result: [Match] = []
        var position = 0
        while position < pairs.count {
            let later = Int(pairs[position] >> 32)
            var end = position
            while end < pairs.count && Int(pairs[end] >> 32) == later { end += 1 }
            let current = UnsafeBufferPointer(rebasing: signatures[(later * width)..<((later + 1) * width)])
            for p in position..<end {
                let earlier = Int(pairs[p] & 0xffff_ffff)
                guard kept[earlier] else { continue }
                let other = UnsafeBufferPointer(rebasing: signatures[(earlier * width)..<((earlier + 1) * width)])
                let similarity = MinHasher.estimatedSimilarity(current, other)
                if similarity >= threshold {
                    kept[later] = false
                    result.append(Match(index: later, original: earlier, similarity: similarity))
                    break
                }
            }
            position = end
        }
        return result
    }

    /// Sorted, unique (later << 32 | earlier) pairs of items sharing at least one band.
    private func candidatePairs(
        count: Int, signatures: UnsafeBufferPointer<UInt16>, hasWords: UnsafeBufferPointer<Bool>
    ) -> [UInt64] {
        let width = hasher.permutations
        var pairs: [UInt64] = []
        var keys = [UInt64]()
        keys.reserveCapacity(count)
        for band in 0..<bands {
            keys.removeAll(keepingCapacity: true)
            for item in 0..<count where hasWords[item] {
                var h: UInt64 = UInt64(band) &* 0x9e37_79b9_7f4a_7c15
                let base = item * width + band * rows
                for row in 0..<rows { h = FastHash.combine(h, UInt64(signatures[base + row])) }
                keys.append((h & 0xffff_ffff_0000_0000) | UInt64(item))
            }
            keys.sort()
            var start = 0
            while start < keys.count {
                var end = start + 1
                while end < keys.count && keys[end] >> 32 == keys[start] >> 32 { end += 1 }
                if end - start > 1 {
                    for later in (start + 1)..<end {
                        for earlier in max(start, later - bucketWindow)..<later {
                            pairs.append((keys[later] & 0xffff_ffff) << 32 | (keys[earlier] & 0xffff_ffff))
                        }
                    }
                }
                start = end
            }
        }
        pairs.sort()
        var unique: [UInt64] = []
        unique.reserveCapacity(pairs.count)
        for pair in pairs where unique.last != pair { unique.append(pair) }
        return unique
    }
}
