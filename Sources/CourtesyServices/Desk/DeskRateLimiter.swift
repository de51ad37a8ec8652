import CourtesyLocking

/// The desk's rate limits in force: one token bucket per approver and kind of request, and one per
/// client address for failed authentications.
///
/// Buckets that have refilled are forgotten once there are many, so memory follows the number of
/// approvers and addresses active in the last few seconds, not all that were ever seen.
final class DeskRateLimiter: Sendable {
    /// What a request is counted as.
    enum Kind: Hashable, Sendable {
        case decision
        case read
    }

    private enum Key: Hashable {
        case approver(String, Kind)
        case address(String)
    }

    private struct State {
        var buckets: [Key: TokenBucket] = [:]
        var pruneAt = DeskRateLimiter.minimumPruneSize
    }

    private static let minimumPruneSize = 1_024

    let limits: DeskRateLimits
    private let state = Locked(State())
    private let clock: @Sendable () -> ContinuousClock.Instant

    /// - Parameter clock: the time buckets refill by; tests move it by hand.
    init(limits: DeskRateLimits, clock: @escaping @Sendable () -> ContinuousClock.Instant = { .now }) {
        self.limits = limits
        self.clock = clock
    }

    /// Counts a request of `approver`: `nil` when it may go ahead, otherwise how long to wait.
    func admit(approver: String, _ kind: Kind) -> Duration? {
        let limit = kind == .decision ? limits.decisions : limits.reads
        guard let limit else { return nil }
        return take(.approver(approver, kind), limit: limit)
    }

    /// Counts a failed authentication (a missing, malformed or unknown token) from `address`: `nil` while
    /// the address is within its limit, otherwise how long it must wait.
    ///
    /// Only failures are counted by address: a request with a valid token is never refused because of
    /// what others at the same address sent.
    func admitFailure(address: String) -> Duration? {
        guard let limit = limits.failedAuthentications else { return nil }
        return take(.address(address), limit: limit)
    }

    private func take(_ key: Key, limit: DeskRateLimits.Limit) -> Duration? {
        let now = clock()
        return state.withLock { state in
            if state.buckets[key] == nil, state.buckets.count >= state.pruneAt {
                state.buckets = state.buckets.filter { _, bucket in
                    var bucket = bucket
                    return !bucket.isFull(at: now)
                }
                state.pruneAt = max(Self.minimumPruneSize, state.buckets.count * 2)
            }
            var bucket = state.buckets[key] ?? TokenBucket(rate: limit.perSecond, burst: limit.burst, now: now)
            let wait = bucket.take(at: now)
            state.buckets[key] = bucket
            return wait
        }
    }

    /// How many buckets are kept (for tests).
    var bucketCount: Int { state.withLock { $0.buckets.count } }
}
