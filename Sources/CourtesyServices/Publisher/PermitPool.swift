import CourtesyLocking

/// A counting semaphore for tasks: ``acquire()`` waits, without holding a thread, until one of `permits`
/// is free. Waiters are served in order; a waiting task that is cancelled stops waiting and gets no permit,
/// and so does every waiter once the pool is closed.
package final class PermitPool: Sendable {
    private struct State {
        var free: Int
        var waiters: [(id: UInt64, continuation: CheckedContinuation<Bool, Never>)] = []
        var nextId: UInt64 = 0
        var closed = false
    }

    private let state: Locked<State>

    package init(permits: Int) {
        precondition(permits > 0, "a pool needs at least one permit")
        state = Locked(State(free: permits))
    }

    /// Takes a permit, waiting for one; returns `false`, with no permit, when the task is cancelled first.
    package func acquire() async -> Bool {
        let id = state.withLock { state -> UInt64? in
            if state.closed { return 0 }
            if state.free > 0, state.waiters.isEmpty {
                state.free -= 1
                return nil
            }
            state.nextId += 1
            return state.nextId
        }
        guard let id else { return true }
        guard id > 0 else { return false }
        return await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                let resumeNow = state.withLock { state -> Bool in
                    if Task.isCancelled || state.closed { return true }
                    state.waiters.append((id, continuation))
                    return false
                }
                if resumeNow { continuation.resume(returning: false) }
            }
        } onCancel: {
            let waiter = state.withLock { state -> CheckedContinuation<Bool, Never>? in
                guard let index = state.waiters.firstIndex(where: { $0.id == id }) else { return nil }
                return state.waiters.remove(at: index).continuation
            }
            waiter?.resume(returning: false)
        }
    }

    /// Wakes every waiter without a permit, and refuses every later ``acquire()``: for a reader that must
    /// stop waiting when its service stops.
    package func close() {
        let waiters = state.withLock { state -> [CheckedContinuation<Bool, Never>] in
            state.closed = true
            defer { state.waiters = [] }
            return state.waiters.map(\.continuation)
        }
        for waiter in waiters { waiter.resume(returning: false) }
    }

    /// How many permits are free now.
    package var available: Int { state.withLock { $0.free } }

    /// Gives a permit back, to the longest waiter if there is one.
    package func release() {
        let waiter = state.withLock { state -> CheckedContinuation<Bool, Never>? in
            if state.waiters.isEmpty {
                state.free += 1
                return nil
            }
            return state.waiters.removeFirst().continuation
        }
        waiter?.resume(returning: true)
    }
}
