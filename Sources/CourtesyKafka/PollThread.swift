import CourtesyLocking
import Foundation
import Synchronization

/// A thread of its own (``BlockingWork``) for librdkafka's blocking calls (poll, flush, close), so that they
/// never occupy Swift's cooperative thread pool.
final class PollThread: Sendable {
    private let stopRequested = Atomic<Bool>(false)
    private let completion = Locked<(finished: Bool, waiters: [CheckedContinuation<Void, Never>])>((false, []))

    /// Starts `body` on a new thread; `body` should return soon after ``isStopping`` becomes true.
    init(name: String, body: @escaping @Sendable (PollThread) -> Void) {
        BlockingWork.start(name) { [self] in
            body(self)
            let waiters = completion.withLock { state in
                state.finished = true
                defer { state.waiters = [] }
                return state.waiters
            }
            for waiter in waiters {
                waiter.resume()
            }
        }
    }

    /// Whether the loop has been asked to stop.
    var isStopping: Bool { stopRequested.load(ordering: .acquiring) }

    func requestStop() {
        stopRequested.store(true, ordering: .releasing)
    }

    /// Suspends, without blocking a thread, until the loop has returned.
    func waitUntilFinished() async {
        await withCheckedContinuation { continuation in
            let finished = completion.withLock { state in
                if !state.finished { state.waiters.append(continuation) }
                return state.finished
            }
            if finished { continuation.resume() }
        }
    }
}
