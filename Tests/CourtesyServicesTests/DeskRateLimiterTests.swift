import CourtesyLocking
import Testing

@testable import CourtesyServices

@Suite("Token buckets and the desk's rate limiter, on a hand-moved clock", .timeLimit(.minutes(1)))
struct DeskRateLimiterTests {
    /// A clock the test moves.
    final class ManualClock: Sendable {
        private let instant = Locked(ContinuousClock.now)

        var now: ContinuousClock.Instant { instant.withLock { $0 } }

        func advance(_ duration: Duration) {
            instant.withLock { $0 += duration }
        }
    }

    @Test("a bucket gives its burst at once, then one token per 1/rate seconds, and says how long to wait")
    func bucket() {
        let start = ContinuousClock.now
        var bucket = TokenBucket(rate: 2, burst: 3, now: start)
        var waits: [Duration?] = []
        for _ in 0..<4 { waits.append(bucket.take(at: start)) }
        #expect(waits == [nil, nil, nil, .milliseconds(500)])
        let later = bucket.take(at: start + .milliseconds(250))
        #expect(later == .milliseconds(250))
        let refilled = bucket.take(at: start + .milliseconds(500))
        #expect(refilled == nil)
        let fullAfterOneSecond = bucket.isFull(at: start + .seconds(1))
        let fullAfterTwoSeconds = bucket.isFull(at: start + .seconds(2))
        #expect(!fullAfterOneSecond && fullAfterTwoSeconds)
    }

    @Test("a rate of zero, or not a number, never traps: the burst, then an hour's wait")
    func degenerateRates() {
        let start = ContinuousClock.now
        for rate in [0, -1, Double.nan] {
            var bucket = TokenBucket(rate: rate, burst: 1, now: start)
            let first = bucket.take(at: start)
            let second = bucket.take(at: start + .seconds(10))
            #expect(first == nil && second == .seconds(3_600), "rate \(rate)")
        }
    }

    @Test("decisions and reads have separate budgets per approver")
    func perApprover() {
        let clock = ManualClock()
        let limiter = DeskRateLimiter(
            limits: DeskRateLimits(
                decisions: .init(perSecond: 1, burst: 2), reads: .init(perSecond: 10, burst: 5),
                failedAuthentications: nil),
            clock: { clock.now })
        #expect(limiter.admit(approver: "Sam", .decision) == nil)
        #expect(limiter.admit(approver: "Sam", .decision) == nil)
        #expect(limiter.admit(approver: "Sam", .decision) == .seconds(1))
        #expect(limiter.admit(approver: "Ana", .decision) == nil)
        for _ in 0..<5 { #expect(limiter.admit(approver: "Sam", .read) == nil) }
        #expect(limiter.admit(approver: "Sam", .read) != nil)
        clock.advance(.seconds(1))
        #expect(limiter.admit(approver: "Sam", .decision) == nil)
    }

    @Test("failed authentications are limited once spent, and only for that address")
    func failures() {
        let clock = ManualClock()
        let limiter = DeskRateLimiter(
            limits: DeskRateLimits(decisions: nil, reads: nil, failedAuthentications: .init(perSecond: 0.5, burst: 2)),
            clock: { clock.now })
        #expect(limiter.admitFailure(address: "10.0.0.1") == nil)
        #expect(limiter.admitFailure(address: "10.0.0.1") == nil)
        #expect(limiter.admitFailure(address: "10.0.0.1") == .seconds(2))
        #expect(limiter.admitFailure(address: "10.0.0.2") == nil)
        clock.advance(.seconds(2))
        #expect(limiter.admitFailure(address: "10.0.0.1") == nil)
    }

    @Test("no limits: everything is admitted and nothing is kept")
    func unlimited() {
        let limiter = DeskRateLimiter(limits: .unlimited)
        for _ in 0..<1_000 {
            #expect(limiter.admit(approver: "Sam", .decision) == nil)
            #expect(limiter.admitFailure(address: "10.0.0.1") == nil)
        }
        #expect(limiter.bucketCount == 0)
    }

    @Test("buckets that refilled are forgotten, so many addresses do not grow memory without bound")
    func pruning() {
        let clock = ManualClock()
        let limiter = DeskRateLimiter(
            limits: DeskRateLimits(decisions: nil, reads: nil, failedAuthentications: .init(perSecond: 1, burst: 2)),
            clock: { clock.now })
        for round in 0..<10 {
            for address in 0..<1_000 {
                _ = limiter.admitFailure(address: "10.\(round).\(address / 256).\(address % 256)")
            }
            clock.advance(.seconds(5))
        }
        #expect(limiter.bucketCount < 3_000, "\(limiter.bucketCount)")
    }

    @Test("Retry-After is whole seconds, rounded up, at least one")
    func retryAfter() {
        #expect(DeskAPIError.rateLimited("x", wait: .milliseconds(1)).retryAfter == 1)
        #expect(DeskAPIError.rateLimited("x", wait: .milliseconds(2_100)).retryAfter == 3)
        #expect(DeskAPIError.rateLimited("x", wait: .seconds(5)).retryAfter == 5)
        #expect(DeskAPIError.rateLimited("x", wait: .seconds(5)).status.code == 429)
    }
}
