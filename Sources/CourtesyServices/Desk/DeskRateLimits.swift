/// How many requests the desk's API takes, per approver and per client address (docs/desk-api.md).
///
/// Each limit is a token bucket: `perSecond` requests a second on average, up to `burst` at once;
/// `nil` turns the limit off.
package struct DeskRateLimits: Sendable, Equatable {
    /// One limit: a sustained rate and the burst allowed above it.
    package struct Limit: Sendable, Equatable {
        /// Requests per second, sustained; more than zero.
        package var perSecond: Double
        /// Requests allowed at once, at least one.
        package var burst: Double

        /// A limit of `perSecond`, with bursts of `burst` (twice the rate when not given).
        package init(perSecond: Double, burst: Double? = nil) {
            self.perSecond = perSecond
            self.burst = max(1, burst ?? perSecond * 2)
        }
    }

    /// Decisions (approve, reject) per approver.
    package var decisions: Limit?
    /// Reads (every other `/v1` route) per approver.
    package var reads: Limit?
    /// Requests with a missing or unknown token per client address: once spent, the address is refused
    /// whatever token it sends, so guessing tokens is slowed down.
    package var failedAuthentications: Limit?

    package init(
        decisions: Limit? = Limit(perSecond: 10, burst: 20),
        reads: Limit? = Limit(perSecond: 50, burst: 100),
        failedAuthentications: Limit? = Limit(perSecond: 2, burst: 10)
    ) {
        self.decisions = decisions
        self.reads = reads
        self.failedAuthentications = failedAuthentications
    }

    /// 10 decisions a second per approver (bursts of 20), 50 reads (bursts of 100), and 2 failed
    /// authentications a second per client address (bursts of 10).
    package static let standard = DeskRateLimits()

    /// No limits at all.
    package static let unlimited = DeskRateLimits(decisions: nil, reads: nil, failedAuthentications: nil)
}
