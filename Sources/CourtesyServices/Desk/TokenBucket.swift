/// A token bucket: holds up to ``burst`` tokens, refilled at ``rate`` a second; each request takes one.
///
/// A plain value with the time passed in, so that it is tested without waiting.
struct TokenBucket: Sendable, Equatable {
    /// Tokens added per second.
    let rate: Double
    /// The most tokens the bucket holds, and what a new bucket starts with.
    let burst: Double
    private var tokens: Double
    private var updated: ContinuousClock.Instant

    /// A full bucket at `now`.
    init(rate: Double, burst: Double, now: ContinuousClock.Instant) {
        self.rate = rate
        self.burst = burst
        tokens = burst
        updated = now
    }

    /// Takes one token when there is one, and returns `nil`; otherwise takes nothing and returns how long
    /// until one is there.
    mutating func take(at now: ContinuousClock.Instant) -> Duration? {
        refill(at: now)
        if tokens >= 1 {
            tokens -= 1
            return nil
        }
        return untilNextToken
    }

    /// How long until one is there, or `nil` when one is there now; takes nothing.
    mutating func wait(at now: ContinuousClock.Instant) -> Duration? {
        refill(at: now)
        return tokens >= 1 ? nil : untilNextToken
    }

    /// Whether the bucket is full at `now`: then it is no different from a new one, and can be forgotten.
    mutating func isFull(at now: ContinuousClock.Instant) -> Bool {
        refill(at: now)
        return tokens >= burst
    }

    /// How long until the bucket holds one token; an hour when it never refills (a rate of zero).
    private var untilNextToken: Duration {
        guard rate > 0, rate.isFinite else { return .seconds(3_600) }
        return .seconds(min(3_600, (1 - tokens) / rate))
    }

    private mutating func refill(at now: ContinuousClock.Instant) {
        guard now > updated else { return }
        let elapsed = now - updated
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
        tokens = min(burst, tokens + seconds * max(0, rate))
        updated = now
    }
}
