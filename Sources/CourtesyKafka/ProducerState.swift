import CourtesyLocking
import Synchronization

/// What a ``KafkaProducer`` shares between its callers and its poll thread: who waits for queue space,
/// who waits for a broker acknowledgement, and whether it has shut down.
final class ProducerState: Sendable {
    private enum Acknowledgement {
        case expected
        case arrived(DeliveryReport)
        case awaited(CheckedContinuation<DeliveryReport, Never>)
    }

    private struct State {
        var spaceWaiters: [CheckedContinuation<Void, Never>] = []
        var acknowledgements: [UInt64: Acknowledgement] = [:]
        var nextToken = KafkaProducer.reservedTokens
    }

    private let state = Locked(State())
    private let shutDown = Atomic<Bool>(false)

    var isShutDown: Bool { shutDown.load(ordering: .acquiring) }

    func markShutDown() {
        state.withLock { _ in shutDown.store(true, ordering: .releasing) }
        resumeSpaceWaiters()
    }

    /// Suspends until the poll thread has served delivery reports (which frees queue space) or shutdown.
    func waitForSpace() async {
        await withCheckedContinuation { continuation in
            let isShutDown = state.withLock { state in
                let isShutDown = shutDown.load(ordering: .acquiring)
                if !isShutDown { state.spaceWaiters.append(continuation) }
                return isShutDown
            }
            if isShutDown { continuation.resume() }
        }
    }

    func resumeSpaceWaiters() {
        let waiters = state.withLock { state in
            defer { state.spaceWaiters = [] }
            return state.spaceWaiters
        }
        for waiter in waiters {
            waiter.resume()
        }
    }

    /// Reserves a token whose delivery report someone will await; call before the message is queued, so a
    /// report that arrives before ``acknowledgement(_:)`` is kept.
    func expectAcknowledgement() -> UInt64 {
        state.withLock { state in
            let token = state.nextToken
            state.nextToken = token == .max ? KafkaProducer.reservedTokens : token + 1
            state.acknowledgements[token] = .expected
            return token
        }
    }

    func forgetAcknowledgement(_ token: UInt64) {
        _ = state.withLock { $0.acknowledgements.removeValue(forKey: token) }
    }

    /// The delivery report for a token from ``expectAcknowledgement()``.
    func acknowledgement(_ token: UInt64) async -> DeliveryReport {
        await withCheckedContinuation { continuation in
            let arrived: DeliveryReport? = state.withLock { state in
                switch state.acknowledgements[token] {
                case .arrived(let report):
                    state.acknowledgements[token] = nil
                    return report
                case .expected, .awaited, nil:
                    if shutDown.load(ordering: .acquiring) && state.acknowledgements[token] == nil {
                        return DeliveryReport(token: token, partition: -1, offset: -1, error: .shutDown)
                    }
                    state.acknowledgements[token] = .awaited(continuation)
                    return nil
                }
            }
            if let arrived { continuation.resume(returning: arrived) }
        }
    }

    /// Hands awaited reports to their waiters; returns the reports that belong to callers' own tokens.
    func settleAcknowledgements(_ reports: [DeliveryReport]) -> [DeliveryReport] {
        guard reports.contains(where: { $0.token >= KafkaProducer.reservedTokens }) else { return reports }
        var callers: [DeliveryReport] = []
        var resumed: [(CheckedContinuation<DeliveryReport, Never>, DeliveryReport)] = []
        state.withLock { state in
            for report in reports {
                guard report.token >= KafkaProducer.reservedTokens else {
                    callers.append(report)
                    continue
                }
                switch state.acknowledgements[report.token] {
                case .awaited(let continuation):
                    state.acknowledgements[report.token] = nil
                    resumed.append((continuation, report))
                case .expected:
                    state.acknowledgements[report.token] = .arrived(report)
                case .arrived, nil:
                    break
                }
            }
        }
        for (continuation, report) in resumed {
            continuation.resume(returning: report)
        }
        return callers
    }

    /// Fails every acknowledgement still awaited, after the poll thread has stopped.
    func failAcknowledgements(with error: KafkaError) {
        let waiting = state.withLock { state in
            defer { state.acknowledgements = [:] }
            return state.acknowledgements
        }
        for case (let token, .awaited(let continuation)) in waiting {
            continuation.resume(returning: DeliveryReport(token: token, partition: -1, offset: -1, error: error))
        }
    }
}
