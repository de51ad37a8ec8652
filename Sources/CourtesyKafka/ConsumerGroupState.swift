import Foundation
import Synchronization

/// What a ``KafkaConsumer`` shares between the application, its poll thread and its rebalance callback.
final class ConsumerGroupState: Sendable {
    /// Which handed-out messages are acknowledged, per assigned partition.
    let ledger = OffsetLedger()
    /// How long a revoke or shutdown waits for handed-out messages to be acknowledged.
    let drainTimeout: Duration
    /// Messages handed out (yielded) but not yet taken by the application's iterator.
    let buffered = Atomic<Int>(0)
    /// Whether fetching is paused, by the application or by back-pressure; new partitions start paused too.
    let pausedByApplication = Atomic<Bool>(false)
    let pausedByBackPressure = Atomic<Bool>(false)

    init(drainTimeout: Duration) {
        self.drainTimeout = drainTimeout
    }

    var isPaused: Bool {
        pausedByApplication.load(ordering: .relaxed) || pausedByBackPressure.load(ordering: .relaxed)
    }

    /// Waits, blocking the calling (poll) thread, until the partitions' handed-out messages are acknowledged
    /// or the drain timeout passes. Returns how many were still outstanding.
    func waitForAcknowledgements(of partitions: [KafkaTopicPartition]?) -> Int {
        let deadline = ContinuousClock.now + drainTimeout
        var outstanding = ledger.outstanding(in: partitions)
        while outstanding > 0, ContinuousClock.now < deadline {
            Thread.sleep(forTimeInterval: 0.005)
            outstanding = ledger.outstanding(in: partitions)
        }
        return outstanding
    }
}
