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
