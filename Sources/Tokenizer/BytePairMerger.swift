/// Byte-level BPE merging of one piece, rank by rank, exactly as tiktoken's `byte_pair_merge`.
///
/// The lowest-ranked adjacent pair is merged first; among equal ranks the leftmost. Short pieces use
/// tiktoken's own scan over a small array (fast for the few bytes of a typical word); long pieces use
/// a linked list and a min-heap keyed by (rank, offset), which picks the same pair in O(log n), so a
/// 1 MB piece without spaces takes linear-logarithmic time instead of quadratic.
/// A merger owns reusable scratch buffers: make one per encoding call, not per piece.
struct BytePairMerger {
    /// Pieces longer than this use the heap merge.
    static let heapThreshold = 128

    private let ranks: RankTable
    private var starts: [Int] = []
    private var pairRanks: [UInt32] = []
    private var next: [Int32] = []
    private var previous: [Int32] = []
    private var heap: [UInt64] = []

    init(ranks: RankTable) {
        self.ranks = ranks
    }

    /// Calls `emit` with the rank of every token of the piece, in order.
    @inline(__always)
    mutating func merge(_ piece: UnsafePointer<UInt8>, count: Int, emit: (UInt32) -> Void) {
        let whole = ranks.rank(piece, count)
        if whole != RankTable.absent {
            emit(whole)
        } else if count <= Self.heapThreshold {
            scanMerge(piece, count: count, emit: emit)
        } else {
            heapMerge(piece, count: count, emit: emit)
        }
    }

    /// tiktoken's O(n·m) merge: rescan all pair ranks for the minimum after each merge.
    private mutating func scanMerge(_ piece: UnsafePointer<UInt8>, count: Int, emit: (UInt32) -> Void) {
        let ranks = self.ranks
        starts.removeAll(keepingCapacity: true)
        pairRanks.removeAll(keepingCapacity: true)
        for index in 0..<count - 1 {
            starts.append(index)
            pairRanks.append(ranks.rank(piece + index, 2))
        }
        starts.append(count - 1)
        pairRanks.append(RankTable.absent)
        starts.append(count)
        pairRanks.append(RankTable.absent)

        starts.withUnsafeMutableBufferPointer { starts in
            pairRanks.withUnsafeMutableBufferPointer { pairRanks in
                var length = starts.count
                /// The rank of merging parts `index` and `index + 1` (spanning up to part `index + 2`).
                func rankAfterMerge(_ index: Int) -> UInt32 {
                    guard index + 3 < length else { return RankTable.absent }
                    return ranks.rank(piece + starts[index], starts[index + 3] - starts[index])
                }
                while true {
                    var minimum = RankTable.absent
                    var minimumIndex = 0
                    for index in 0..<length - 1 where pairRanks[index] < minimum {
                        minimum = pairRanks[index]
                        minimumIndex = index
                    }
                    guard minimum != RankTable.absent else { break }
                    if minimumIndex > 0 { pairRanks[minimumIndex - 1] = rankAfterMerge(minimumIndex - 1) }
                    pairRanks[minimumIndex] = rankAfterMerge(minimumIndex)
                    for index in (minimumIndex + 1)..<(length - 1) {
                        starts[index] = starts[index + 1]
                        pairRanks[index] = pairRanks[index + 1]
                    }
                    length -= 1
                }
                for index in 0..<length - 1 {
                    emit(ranks.rank(piece + starts[index], starts[index + 1] - starts[index]))
                }
            }
        }
    }

    /// The same merge order with a linked list of parts and a lazily invalidated min-heap.
    private mutating func heapMerge(_ piece: UnsafePointer<UInt8>, count: Int, emit: (UInt32) -> Void) {
        let ranks = self.ranks
        // Part `i` starts at byte `i`; `next`/`previous` link the live parts; `pairRanks[i]` is the
        // rank of part `i` merged with its successor.
        next = Array(1...Int32(count))
        previous = Array(-1..<Int32(count - 1))
        pairRanks = Array(repeating: RankTable.absent, count: count)
        heap.removeAll(keepingCapacity: true)
        for index in 0..<count - 1 {
            let rank = ranks.rank(piece + index, 2)
            pairRanks[index] = rank
            if rank != RankTable.absent { heap.append(UInt64(rank) << 32 | UInt64(index)) }
        }
        var minHeap = MinHeap(heap)
        while let top = minHeap.pop() {
            let rank = UInt32(truncatingIfNeeded: top >> 32)
            let index = Int(UInt32(truncatingIfNeeded: top))
            guard pairRanks[index] == rank else { continue }  // stale entry
            // Merge part `index` with its successor.
            let removed = Int(next[index])
            let after = Int(next[removed])
            next[index] = Int32(after)
            if after < count { previous[after] = Int32(index) }
            pairRanks[removed] = RankTable.absent
            let newRank = after < count ? ranks.rank(piece + index, Int(next[after]) - index) : RankTable.absent
            pairRanks[index] = newRank
            if newRank != RankTable.absent { minHeap.push(UInt64(newRank) << 32 | UInt64(index)) }
            let before = Int(previous[index])
            if before >= 0 {
                let beforeRank = ranks.rank(piece + before, after - before)
                pairRanks[before] = beforeRank
                if beforeRank != RankTable.absent { minHeap.push(UInt64(beforeRank) << 32 | UInt64(before)) }
            }
        }
        heap = minHeap.storage
        var index = 0
        while index < count {
            let successor = Int(next[index])
            emit(ranks.rank(piece + index, successor - index))
            index = successor
        }
    }
}

/// A binary min-heap of packed (rank, offset) keys.
struct MinHeap {
    var storage: [UInt64]

    init(_ elements: [UInt64]) {
        storage = elements
        var index = storage.count / 2
        while index > 0 {
            index -= 1
            siftDown(index)
        }
    }

    mutating func push(_ element: UInt64) {
        storage.append(element)
        var child = storage.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard storage[child] < storage[parent] else { break }
            storage.swapAt(child, parent)
            child = parent
        }
    }

    mutating func pop() -> UInt64? {
        guard let last = storage.popLast() else { return nil }
        guard !storage.isEmpty else { return last }
        let top = storage[0]
        storage[0] = last
        siftDown(0)
        return top
    }

    private mutating func siftDown(_ start: Int) {
        var parent = start
        let count = storage.count
        while true {
            let left = 2 * parent + 1
            guard left < count else { return }
            var smallest = left
            if left + 1 < count, storage[left + 1] < storage[left] { smallest = left + 1 }
            guard storage[smallest] < storage[parent] else { return }
            storage.swapAt(smallest, parent)
            parent = smallest
        }
    }
}
