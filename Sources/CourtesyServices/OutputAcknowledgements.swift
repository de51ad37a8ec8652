import CourtesyKafka
import CourtesyLocking

/// Which mentions have every output acknowledged by the broker, from the delivery reports of their outputs.
///
/// A mention drafted with a memory has two outputs: its draft, and its state write (its conversation's
/// record on the changelog). Its position may be acknowledged to the consumer, and so committed, only once
/// both are: otherwise a crash after the commit would leave the next owner of the partition a changelog
/// without the contact, and it would draft the conversation's next mentions differently. A dead letter, or
/// a draft made without a memory, is a mention's only output.
///
/// The two reports come in either order, in the same delivery batch or not: the first waits here, keyed by
/// its mention's token, for the second. One lock per delivery batch. The same table counts the state writes
/// in flight, so that a rebuild of the memory can wait until the changelog holds everything this instance sent.
final class OutputAcknowledgements: Sendable {
    private enum Half {
        case output
        case stateWrite
    }

    private struct State {
        var waiting: [KafkaInputToken: Half] = [:]
        var stateWritesInFlight = 0
        var settledWaiters: [CheckedContinuation<Void, Never>] = []
    }

    private let state = Locked(State())

    /// Notes a state write about to be sent; its report must reach ``complete(_:isOnlyOutput:)``.
    func stateWriteSending() {
        state.withLock { $0.stateWritesInFlight += 1 }
    }

    /// Notes a state write whose sending failed before the producer took it: no report will come.
    func stateWriteNotSent() {
        settle(stateWrites: 1)
    }

    /// The tokens of the mentions whose outputs are now all acknowledged, in report order.
    /// - Parameters:
    ///   - reports: the tokens of the reports of one delivery batch, each with whether the broker acknowledged it.
    ///   - isOnlyOutput: whether a report's output (never a state write) is its mention's only one.
    func complete(
        _ reports: [(token: KafkaInputToken, acknowledged: Bool)], isOnlyOutput: (KafkaInputToken) -> Bool
    ) -> [KafkaInputToken] {
        var completed: [KafkaInputToken] = []
        completed.reserveCapacity(reports.count)
        var resumed: [CheckedContinuation<Void, Never>] = []
        state.withLock { state in
            var stateWrites = 0
            for report in reports {
                let isStateWrite = report.token.isSecondOutput
                if isStateWrite { stateWrites += 1 }
                guard report.acknowledged else { continue }
                let mention = report.token.input
                if !isStateWrite, isOnlyOutput(report.token) {
                    completed.append(mention)
                    continue
                }
                let half: Half = isStateWrite ? .stateWrite : .output
                switch state.waiting[mention] {
                case .some(let other) where other != half:
                    state.waiting[mention] = nil
                    completed.append(mention)
                case .some:
                    // The same output acknowledged twice (a mention sent again while its first outputs were
                    // in flight): still waiting for the other one.
                    break
                case .none:
                    state.waiting[mention] = half
                }
            }
            if stateWrites > 0 {
                state.stateWritesInFlight -= stateWrites
                if state.stateWritesInFlight <= 0 {
                    state.stateWritesInFlight = 0
                    swap(&resumed, &state.settledWaiters)
                }
            }
        }
        for waiter in resumed { waiter.resume() }
        return completed
    }

    /// Returns once every state write sent so far has its delivery report (acknowledged or not).
    func stateWritesSettled() async {
        await withCheckedContinuation { continuation in
            let settled = state.withLock { state in
                if state.stateWritesInFlight == 0 { return true }
                state.settledWaiters.append(continuation)
                return false
            }
            if settled { continuation.resume() }
        }
    }

    /// Mentions with one output acknowledged and the other not yet.
    var halfAcknowledged: Int { state.withLock { $0.waiting.count } }

    /// State writes sent whose reports have not come yet.
    var stateWritesInFlight: Int { state.withLock { $0.stateWritesInFlight } }

    private func settle(stateWrites: Int) {
        let resumed: [CheckedContinuation<Void, Never>] = state.withLock { state in
            state.stateWritesInFlight = max(0, state.stateWritesInFlight - stateWrites)
            guard state.stateWritesInFlight == 0 else { return [] }
            defer { state.settledWaiters = [] }
            return state.settledWaiters
        }
        for waiter in resumed { waiter.resume() }
    }
}
