import Foundation
import Synchronization

/// A long-lived thread that runs one job at a time for a caller who waits with a deadline.
///
/// The per-file time limit needs the work off the caller's thread, so that a file stuck inside a C
/// library can be given up; starting a thread per file cost more than small files take to convert.
/// These threads are reused through ``GuardedThread/pool``; a thread whose job overran is
/// abandoned (it exits when the job ends, if ever) and the pool makes a new one.
final class GuardedThread: Sendable {
    private struct State {
        var job: (@Sendable () -> ProcessedDocument)?
        var result: ProcessedDocument?
        var abandoned = false
    }

    private let state = Mutex(State())
    private let jobReady = DispatchSemaphore(value: 0)
    private let jobDone = DispatchSemaphore(value: 0)

    /// Idle threads, taken by ``run(_:timeout:)`` and returned after a job that finished in time.
    private static let idle = Mutex<[GuardedThread]>([])

    private init() {
        let thread = Thread { [self] in loop() }
        thread.stackSize = 16 << 20  // as the pool's threads: deep HTML/PDF structures recurse in C
        thread.start()
    }

    private func loop() {
        while true {
            jobReady.wait()
            guard let job = state.withLock({ $0.job }) else { return }
            let result = job()
            let abandoned = state.withLock { state -> Bool in
                state.result = result
                state.job = nil
                return state.abandoned
            }
            if abandoned { return }
            jobDone.signal()
        }
    }

    /// Runs `job` on a pooled thread; `nil` when it did not finish within `timeout` seconds (the
    /// thread is then left to it).
    static func run(_ job: @escaping @Sendable () -> ProcessedDocument, timeout: Double) -> ProcessedDocument? {
        let worker = idle.withLock { $0.popLast() } ?? GuardedThread()
        worker.state.withLock {
            $0.job = job
            $0.result = nil
        }
        worker.jobReady.signal()
        if worker.jobDone.wait(timeout: .now() + timeout) == .success {
            let result = worker.state.withLock { $0.result }
            idle.withLock { $0.append(worker) }
            return result
        }
        // The job may have finished between the deadline and now: then take its result.
        let late = worker.state.withLock { state -> ProcessedDocument? in
            if let result = state.result { return result }
            state.abandoned = true
            return nil
        }
        guard let late else { return nil }
        worker.jobDone.wait()
        idle.withLock { $0.append(worker) }
        return late
    }
}
