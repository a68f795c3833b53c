import Foundation
import Synchronization

/// Runs a function over every index on a fixed number of threads, collecting results in index order.
///
/// Threads, not tasks: extraction is long, blocking C work, which would starve Swift's cooperative
/// pool. Each worker takes the next index when it finishes one, so a slow file never holds up the
/// others, and results land in their own slot so the output order never depends on scheduling.
enum ParallelWork {
    static func map<Result: Sendable>(
        count: Int, jobs: Int, _ body: @escaping @Sendable (Int) -> Result,
        completed: @escaping @Sendable (Int, Result) -> Void = { _, _ in }
    ) -> [Result] {
        guard count > 0 else { return [] }
        let workers = max(1, min(jobs, count))
        let next = Atomic<Int>(0)
        let slots = Mutex<[Result?]>(Array(repeating: nil, count: count))
        let group = DispatchGroup()
        let work: @Sendable () -> Void = {
            while true {
                let index = next.wrappingAdd(1, ordering: .relaxed).oldValue
                guard index < count else { return }
                let result = body(index)
                slots.withLock { $0[index] = result }
                completed(index, result)
            }
        }
        for _ in 0..<workers {
            group.enter()
            let thread = Thread {
                work()
                group.leave()
            }
            thread.stackSize = 16 << 20  // deep HTML/PDF structures recurse in C
            thread.start()
        }
        group.wait()
        // Every index below `count` was taken by exactly one worker, so every slot is filled.
        return slots.withLock { $0.compactMap { $0 } }
    }
}

extension ParallelWork {
    /// A requested thread count, or every core when none was asked for.
    static func jobs(_ requested: Int?) -> Int {
        max(1, requested ?? ProcessInfo.processInfo.activeProcessorCount)
    }

    /// Computes `transform` for every index on up to `jobs` threads and hands each result to
    /// `consume` in index order on the calling thread.
    ///
    /// Work goes in windows of `window` indices, so only one window's results are held at a time:
    /// the dataset stage uses this to count tokens and hash examples read from disk without
    /// keeping them. With one job everything runs inline.
    static func forEachInOrder<Result>(
        count: Int, jobs: Int, window: Int = 4096,
        transform: @Sendable (Int) -> Result, consume: (Int, Result) -> Void
    ) {
        guard count > 0 else { return }
        if jobs <= 1 || count == 1 {
            for index in 0..<count { consume(index, transform(index)) }
            return
        }
        let buffer = UnsafeMutableBufferPointer<Result?>.allocate(capacity: min(window, count))
        buffer.initialize(repeating: nil)
        defer {
            buffer.deinitialize()
            buffer.deallocate()
        }
        nonisolated(unsafe) let slots = buffer
        var start = 0
        while start < count {
            let first = start
            let end = min(count, start + window)
            let next = Atomic<Int>(start)
            let workers = min(jobs, end - start)
            DispatchQueue.concurrentPerform(iterations: workers) { _ in
                while true {
                    let index = next.wrappingAdd(1, ordering: .relaxed).oldValue
                    guard index < end else { return }
                    // Each index is taken by exactly one worker and written to its own slot.
                    slots[index - first] = transform(index)
                }
            }
            for index in start..<end {
                guard let value = slots[index - start].take() else {
                    preconditionFailure("every index of a window is transformed before the window is consumed")
                }
                consume(index, value)
            }
            start = end
        }
    }
}
