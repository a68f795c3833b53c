/// Byte-level BPE merging of one piece, rank by rank, exactly as tiktoken's `byte_pair_merge`.
///
/// The lowest-ranked adjacent pair is merged first; among equal ranks the leftmost. Short pieces use
/// tiktoken's own scan over a small array (fast for the few bytes of a typical word); long pieces use
/// a linked list and a min-heap keyed by (rank, offset), which picks the same pair in O(log n), so a
/// 1 MB piece without spaces takes linear-logarithmic time instead of quadratic.
/// A merger borrows scratch space for the short-piece scan: make one per encoding call (see
/// `withMerger`), not per piece.
struct BytePairMerger {
    /// Pieces longer than this use the heap merge.
    static let heapThreshold = 128

    private let ranks: RankTable
    /// Part start offsets and pair ranks of the short-piece scan, `heapThreshold + 1` each.
    private let starts: UnsafeMutablePointer<Int>
    private let pairRanks: UnsafeMutablePointer<UInt32>

    /// Calls `body` with a merger whose scratch space lives on the stack for the call.
    static func withMerger<Result>(ranks: RankTable, _ body: (BytePairMerger) -> Result) -> Result {
        withUnsafeTemporaryAllocation(of: Int.self, capacity: heapThreshold + 1) { starts in
            withUnsafeTemporaryAllocation(of: UInt32.self, capacity: heapThreshold + 1) { pairRanks in
                body(
                    BytePairMerger(
                        ranks: ranks, starts: starts.baseAddress.unsafelyUnwrapped,
                        pairRanks: pairRanks.baseAddress.unsafelyUnwrapped))
            }
        }
    }

    private init(ranks: RankTable, starts: UnsafeMutablePointer<Int>, pairRanks: UnsafeMutablePointer<UInt32>) {
        self.ranks = ranks
        self.starts = starts
        self.pairRanks = pairRanks
    }

    /// Calls `emit` with the rank of every token of the piece, in order.
    @inline(__always)
    func merge(_ piece: UnsafePointer<UInt8>, count: Int, emit: (UInt32) -> Void) {
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
    private func scanMerge(_ piece: UnsafePointer<UInt8>, count: Int, emit: (UInt32) -> Void) {
        let ranks = self.ranks
        let starts = self.starts
        let pairRanks = self.pairRanks
        for index in 0..<count - 1 {
            starts[index] = index
            pairRanks[index] = ranks.rank(piece + index, 2)
        }
        starts[count - 1] = count - 1
        pairRanks[count - 1] = RankTable.absent
        starts[count] = count
        pairRanks[count] = RankTable.absent
        var length = count + 1

        /// The rank of merging parts `index` and `index + 1` (spanning up to part `index + 2`).
        @inline(__always)
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

    /// The same merge order with a linked list of parts and a lazily invalidated min-heap.
    private func heapMerge(_ piece: UnsafePointer<UInt8>, count: Int, emit: (UInt32) -> Void) {
        let ranks = self.ranks
        // Part `i` starts at byte `i`; `next`/`previous` link the live parts; `pairRanks[i]` is the
        // rank of part `i` merged with its successor (absent for removed parts).
        let next = UnsafeMutablePointer<Int32>.allocate(capacity: count)
        let previous = UnsafeMutablePointer<Int32>.allocate(capacity: count)
        let pairRanks = UnsafeMutablePointer<UInt32>.allocate(capacity: count)
        var heap = MinHeap(capacity: 2 * count)
        defer {
            next.deallocate()
            previous.deallocate()
            pairRanks.deallocate()
            heap.deallocate()
        }
        for index in 0..<count {
            next[index] = Int32(index + 1)
            previous[index] = Int32(index - 1)
            let rank = index + 1 < count ? ranks.rank(piece + index, 2) : RankTable.absent
            pairRanks[index] = rank
            if rank != RankTable.absent { heap.append(UInt64(rank) << 32 | UInt64(index)) }
        }
        heap.heapify()
        while let top = heap.pop() {
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
            if newRank != RankTable.absent { heap.push(UInt64(newRank) << 32 | UInt64(index)) }
            let before = Int(previous[index])
            if before >= 0 {
                let beforeRank = ranks.rank(piece + before, after - before)
                pairRanks[before] = beforeRank
                if beforeRank != RankTable.absent { heap.push(UInt64(beforeRank) << 32 | UInt64(before)) }
            }
        }
        var index = 0
        while index < count {
            let successor = Int(next[index])
            emit(ranks.rank(piece + index, successor - index))
            index = successor
        }
    }
}

/// A binary min-heap of packed (rank, offset) keys in a fixed buffer (each merge pushes at most two
/// keys and pops one, so `2 × piece length` suffices).
struct MinHeap {
    private let storage: UnsafeMutablePointer<UInt64>
    private let capacity: Int
    private(set) var count = 0

    init(capacity: Int) {
        self.capacity = capacity
        storage = .allocate(capacity: capacity)
    }

    func deallocate() { storage.deallocate() }

    /// Adds a key without restoring the heap order; call `heapify()` after the last one.
    mutating func append(_ element: UInt64) {
        precondition(count < capacity)
        storage[count] = element
        count += 1
    }

    mutating func heapify() {
        var index = count / 2
        while index > 0 {
            index -= 1
            siftDown(index)
        }
    }

    mutating func push(_ element: UInt64) {
        precondition(count < capacity)
        var child = count
        count += 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard element < storage[parent] else { break }
            storage[child] = storage[parent]
            child = parent
        }
        storage[child] = element
    }

    mutating func pop() -> UInt64? {
        guard count > 0 else { return nil }
        let top = storage[0]
        count -= 1
        if count > 0 {
            storage[0] = storage[count]
            siftDown(0)
        }
        return top
    }

    private func siftDown(_ start: Int) {
        let element = storage[start]
        var parent = start
        while true {
            let left = 2 * parent + 1
            guard left < count else { break }
            var smallest = left
            if left + 1 < count, storage[left + 1] < storage[left] { smallest = left + 1 }
            guard storage[smallest] < element else { break }
            storage[parent] = storage[smallest]
            parent = smallest
        }
        storage[parent] = element
    }
}
