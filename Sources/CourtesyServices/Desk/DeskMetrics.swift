import CourtesyCore
import CourtesyLocking
import Metrics

/// The desk's metrics, created once (see ``ServiceMetricName`` and docs/metrics.md).
final class DeskMetrics: Sendable {
    let overdue = Gauge(label: ServiceMetricName.overdueDrafts)
    let caughtUp = Gauge(label: ServiceMetricName.deskCaughtUp)
    let unreadableDecisions = Gauge(label: ServiceMetricName.deskUnreadableDecisions)
    let timeToDecision = Timer(label: ServiceMetricName.timeToDecision)
    let timeToFirstReply = Timer(label: ServiceMetricName.timeToFirstReply)
    let repliesOnApproval = Counter(label: ServiceMetricName.repliesPublished, dimensions: [("origin", "approval")])
    let repliesOnRecovery = Counter(label: ServiceMetricName.repliesPublished, dimensions: [("origin", "recovery")])
    private let pending: [PriorityLevel: Gauge] = Dictionary(
        uniqueKeysWithValues: PriorityLevel.allCases.map { level in
            (level, Gauge(label: ServiceMetricName.pendingDrafts, dimensions: [("priority", level.rawValue)]))
        }
    )
    private let eventsRead: [String: Counter]
    private let undecodable: [String: Counter]
    // Templates come from the template library, so their counters are made on first use.
    private let decisions = Locked<[String: Counter]>([:])

    init(topics: [String]) {
        eventsRead = Dictionary(
            uniqueKeysWithValues: topics.map {
                ($0, Counter(label: ServiceMetricName.deskEventsRead, dimensions: [("topic", $0)]))
            })
        undecodable = Dictionary(
            uniqueKeysWithValues: topics.map {
                ($0, Counter(label: ServiceMetricName.deskUndecodableEvents, dimensions: [("topic", $0)]))
            })
        caughtUp.record(0)
        unreadableDecisions.record(0)
    }

    func recordPending(_ counts: [PriorityLevel: Int]) {
        for (level, gauge) in pending {
            gauge.record(counts[level] ?? 0)
        }
    }

    func recordRead(_ count: Int, undecodable skipped: Int, topic: String) {
        if count > 0 { eventsRead[topic]?.increment(by: count) }
        if skipped > 0 { undecodable[topic]?.increment(by: skipped) }
    }

    func recordDecision(_ decision: Decision, draftCreatedAt: Timestamp) {
        let key = "\(decision.action.rawValue)/\(decision.template.name)"
        let counter = decisions.withLock { counters in
            if let counter = counters[key] { return counter }
            let counter = Counter(
                label: ServiceMetricName.decisions,
                dimensions: [("action", decision.action.rawValue), ("template", decision.template.name)])
            counters[key] = counter
            return counter
        }
        counter.increment()
        let waited = decision.decidedAt.millisecondsSinceEpoch - draftCreatedAt.millisecondsSinceEpoch
        timeToDecision.recordNanoseconds(max(0, waited) * 1_000_000)
    }
}
