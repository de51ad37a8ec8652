import CourtesyCore
import Metrics
import Synchronization

/// The responder's metrics, created once (see ``ServiceMetricName`` and docs/metrics.md).
final class ResponderMetrics: Sendable {
    let mentionsConsumed = Counter(label: ServiceMetricName.mentionsConsumed)
    let mentionToDraft = Timer(label: ServiceMetricName.mentionToDraft)
    let deadLetters: [ResponderError.Reason: Counter] = Dictionary(
        uniqueKeysWithValues: ResponderError.Reason.allCases.map { reason in
            (reason, Counter(label: ServiceMetricName.deadLetters, dimensions: [("reason", reason.rawValue)]))
        }
    )
    private let drafts: [String: Counter] = Dictionary(
        uniqueKeysWithValues: Intent.allCases.flatMap { intent in
            PriorityLevel.allCases.map { level in
                (
                    "\(intent.rawValue)/\(level.rawValue)",
                    Counter(
                        label: ServiceMetricName.drafts,
                        dimensions: [("intent", intent.rawValue), ("priority", level.rawValue)]
                    )
                )
            }
        }
    )
    // Topics come from configuration, so their counters are made on first use.
    private let topics = Mutex<[String: Counter]>([:])

    /// Counts a draft by intent and priority, and once for each of its topics.
    func recordDraft(_ classification: Classification) {
        drafts["\(classification.intent.rawValue)/\(classification.priority.level.rawValue)"]?.increment()
        guard !classification.topics.isEmpty else { return }
        let counters = topics.withLock { topics in
            classification.topics.map { topic in
                if let counter = topics[topic] { return counter }
                let counter = Counter(label: ServiceMetricName.draftTopics, dimensions: [("topic", topic)])
                topics[topic] = counter
                return counter
            }
        }
        for counter in counters {
            counter.increment()
        }
    }
}
