import CourtesyKafka
import CourtesyLocking
import CourtesyServices
import Synchronization

/// When each benchmark mention was sent and when the broker acknowledged what it caused, joined at the end.
///
/// Callbacks only append under a lock: the delivery threads must not wait on the bench. The join is made
/// once a phase is over, because a mention's own delivery report may arrive after the draft it caused is
/// acknowledged (different partitions, different requests).
final class PipelineRecorder: Sendable {
    private struct State {
        /// Send time of mention `n` (its delivery token), in nanoseconds since `origin`.
        var sentAt: [Int64] = []
        /// Where the broker put mention `n`: partition and offset packed into one key.
        var tokenAt: [UInt64: Int] = [:]
        /// Position key and time of each acknowledged output.
        var acknowledged: [(position: UInt64, at: Int64)] = []
    }

    private let state = Locked(State())
    private let acknowledgedCount = Atomic<Int>(0)
    private let failedCount = Atomic<Int>(0)
    private let origin = ContinuousClock.now

    init(capacity: Int) {
        state.withLock {
            $0.sentAt.reserveCapacity(capacity)
            $0.tokenAt.reserveCapacity(capacity)
            $0.acknowledged.reserveCapacity(capacity)
        }
    }

    var acknowledged: Int { acknowledgedCount.load(ordering: .relaxed) }
    var failed: Int { failedCount.load(ordering: .relaxed) }
    var sent: Int { state.withLock { $0.sentAt.count } }
    /// Mentions whose delivery report has arrived, delivered or not.
    var mentionsDeliveredCount: Int { state.withLock { $0.tokenAt.count } + failed }

    func now() -> Int64 {
        let (seconds, attoseconds) = (ContinuousClock.now - origin).components
        return seconds * 1_000_000_000 + attoseconds / 1_000_000_000
    }

    /// Notes that mention number `token` is being sent now; returns its token.
    func sending() -> UInt64 {
        let at = now()
        return state.withLock { state in
            state.sentAt.append(at)
            return UInt64(state.sentAt.count - 1)
        }
    }

    /// The delivery reports of the mentions the bench produced.
    func mentionsDelivered(_ reports: [DeliveryReport]) {
        var failures = 0
        state.withLock { state in
            for report in reports {
                if report.error != nil {
                    failures += 1
                } else {
                    state.tokenAt[Self.key(report.partition, report.offset)] = Int(report.token)
                }
            }
        }
        if failures > 0 { failedCount.add(failures, ordering: .relaxed) }
    }

    /// Outputs acknowledged by the broker, by the input position that caused them.
    func outputsAcknowledged(_ positions: [KafkaPosition]) {
        let at = now()
        state.withLock { state in
            for position in positions {
                state.acknowledged.append((Self.key(position.partition, position.offset), at))
            }
        }
        acknowledgedCount.add(positions.count, ordering: .relaxed)
    }

    /// What happened to mentions `tokens`: their latencies, and the first and last acknowledgement.
    func phase(_ tokens: Range<Int>) -> PhaseFigures {
        state.withLock { state in
            var figures = PhaseFigures()
            var first = Int64.max
            var last = Int64.min
            for (position, at) in state.acknowledged {
                guard let token = state.tokenAt[position], tokens.contains(token) else { continue }
                figures.latencies.add(nanoseconds: at - state.sentAt[token])
                figures.count += 1
                first = min(first, at)
                last = max(last, at)
            }
            if !tokens.isEmpty, tokens.lowerBound < state.sentAt.count {
                figures.firstSent = state.sentAt[tokens.lowerBound]
            }
            figures.firstAcknowledged = first == .max ? nil : first
            figures.lastAcknowledged = last == .min ? nil : last
            return figures
        }
    }

    /// The first and last of every acknowledgement, for a phase whose sends were not recorded.
    func phaseAll() -> PhaseFigures {
        state.withLock { state in
            var figures = PhaseFigures()
            figures.count = state.acknowledged.count
            figures.firstAcknowledged = state.acknowledged.map(\.at).min()
            figures.lastAcknowledged = state.acknowledged.map(\.at).max()
            return figures
        }
    }

    private static func key(_ partition: Int32, _ offset: Int64) -> UInt64 {
        UInt64(UInt32(bitPattern: partition)) << 48 | UInt64(offset)
    }
}

/// The figures of one phase of `bench pipeline`.
struct PhaseFigures {
    var latencies = LatencySample()
    var count = 0
    var firstSent: Int64?
    var firstAcknowledged: Int64?
    var lastAcknowledged: Int64?

    /// Outputs per second between the first and the last acknowledgement: the join, the prefetch and
    /// the first batch's linger are not counted.
    var acknowledgedPerSecond: Double {
        guard let first = firstAcknowledged, let last = lastAcknowledged, last > first, count > 1 else {
            return 0
        }
        return Double(count - 1) / (Double(last - first) / 1e9)
    }

    /// Outputs per second from the first mention sent to the last acknowledgement.
    var endToEndPerSecond: Double {
        guard let first = firstSent, let last = lastAcknowledged, last > first else { return 0 }
        return Double(count) / (Double(last - first) / 1e9)
    }
}
