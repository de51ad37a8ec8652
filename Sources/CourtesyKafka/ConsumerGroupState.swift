import CourtesyLocking
import Foundation

/// What a ``KafkaConsumer`` shares between the application, its poll thread and its rebalance callback.
///
/// The flow of messages is one small state machine under one lock: how many batches wait for the
/// application, and whether fetching is paused by it or by back-pressure. The poll thread blocks on its
/// condition instead of sleeping and looking again: it is woken when the application takes a batch or
/// acknowledges messages, or when the consumer is asked to stop.
final class ConsumerGroupState: @unchecked Sendable {
    /// Which handed-out messages are acknowledged, per assigned partition.
    let ledger = OffsetLedger()
    /// How long a revoke or shutdown waits for handed-out messages to be acknowledged.
    let drainTimeout: Duration

    // Guarded by `condition`.
    private let condition = NSCondition()
    private var flow = Flow()
    /// Set by ``abandon()``: acknowledgements are no longer waited for.
    private var abandoned = false

    /// The state machine: the messages yielded but not yet taken, and why fetching is paused.
    struct Flow {
        var buffered = 0
        var pausedByApplication = false
        var pausedByBackPressure = false
        var stopping = false

        var isPaused: Bool { pausedByApplication || pausedByBackPressure }

        /// What the poll thread does when the buffer holds `buffered` messages, against `limit`.
        enum BackPressure: Equatable {
            /// Room: fetch on (and lift a pause made by back-pressure once the buffer is half empty).
            case fetch
            /// Full: wait for the application to take a batch. Once fetching is paused for it, the poll
            /// thread polls on (fetching nothing) so that rebalances are served.
            case wait
        }

        mutating func backPressure(limit: Int) -> BackPressure {
            if buffered < limit {
                if buffered <= limit / 2 { pausedByBackPressure = false }
                return .fetch
            }
            return stopping || pausedByBackPressure ? .fetch : .wait
        }
    }

    /// Subscribed topics the cluster said do not exist, until it assigns partitions of them.
    private let missing = Locked<Set<String>>([])

    /// Subscribed topics the cluster said do not exist, and has not assigned partitions of since.
    var missingTopics: Set<String> { missing.withLock { $0 } }

    /// The cluster answered that `topic`, subscribed to, does not exist.
    func topicMissing(_ topic: String) {
        missing.withLock { _ = $0.insert(topic) }
    }

    /// Partitions of `topics` were assigned: they exist.
    func topicsAssigned(_ topics: some Sequence<String>) {
        missing.withLock { $0.subtract(topics) }
    }

    init(drainTimeout: Duration) {
        self.drainTimeout = drainTimeout
    }

    private func withFlow<Result>(_ body: (inout Flow) -> Result) -> Result {
        condition.lock()
        defer { condition.unlock() }
        return body(&flow)
    }

    var isPaused: Bool { withFlow { $0.isPaused } }

    /// Pauses or resumes fetching on the application's behalf; the poll thread applies it.
    func setPausedByApplication(_ paused: Bool) {
        withFlow { $0.pausedByApplication = paused }
    }

    /// Messages yielded to the application's stream.
    func handedOut(_ count: Int) {
        withFlow { $0.buffered += count }
    }

    /// Messages the application took from the stream: room for the poll thread.
    func taken(_ count: Int) {
        condition.lock()
        flow.buffered -= count
        condition.broadcast()
        condition.unlock()
    }

    /// Blocks the poll thread while the buffer holds `limit` messages or more, for up to `stall`; when it is
    /// still full then, pauses fetching (so that rebalances and callbacks keep being served while the
    /// application is stuck). Returns at once when there is room, or when the consumer is stopping.
    func waitForRoom(limit: Int, stall: Duration) {
        let deadline = Date(
            timeIntervalSinceNow: Double(stall.components.seconds) + Double(stall.components.attoseconds) * 1e-18)
        condition.lock()
        defer { condition.unlock() }
        while flow.backPressure(limit: limit) == .wait {
            guard condition.wait(until: deadline) else {
                flow.pausedByBackPressure = true
                return
            }
        }
    }

    /// Acknowledges messages in the ledger, waking a revoke or shutdown that waits for them.
    func acknowledge<Entry: OffsetAddressable>(_ entries: [Entry], store: ([KafkaTopicPartition: Int64]) -> Void) {
        ledger.acknowledge(entries, store: store)
        condition.lock()
        condition.broadcast()
        condition.unlock()
    }

    /// Wakes whatever waits, for good: the consumer is stopping.
    func stop() {
        condition.lock()
        flow.stopping = true
        condition.broadcast()
        condition.unlock()
    }

    /// Stops, and waits for no acknowledgement any more: the application can no longer write its outputs.
    func abandon() {
        condition.lock()
        flow.stopping = true
        abandoned = true
        condition.broadcast()
        condition.unlock()
    }

    /// Waits, blocking the calling (poll) thread, until the partitions' handed-out messages are acknowledged
    /// or the drain timeout passes. Returns how many were still outstanding.
    func waitForAcknowledgements(of partitions: [KafkaTopicPartition]?) -> Int {
        let deadline = Self.date(after: drainTimeout)
        condition.lock()
        defer { condition.unlock() }
        var outstanding = ledger.outstanding(in: partitions)
        while outstanding > 0, !abandoned, condition.wait(until: deadline) {
            outstanding = ledger.outstanding(in: partitions)
        }
        return ledger.outstanding(in: partitions)
    }

    /// The moment `duration` from now, as `NSCondition` takes it.
    private static func date(after duration: Duration) -> Date {
        Date(
            timeIntervalSinceNow: Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18)
    }
}
