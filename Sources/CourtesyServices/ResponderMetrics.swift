import CourtesyCore
import CourtesyLocking
import Metrics

/// The responder's metrics, created once (see ``ServiceMetricName`` and docs/metrics.md).
final class ResponderMetrics: Sendable {
    let mentionsConsumed = Counter(label: ServiceMetricName.mentionsConsumed)
    let mentionToDraft = Timer(label: ServiceMetricName.mentionToDraft)
    let repeatContacts = Counter(label: ServiceMetricName.repeatContacts)
    let conversations = Gauge(label: ServiceMetricName.memoryConversations)
    let forgotten = Counter(label: ServiceMetricName.memoryForgotten)
    let recordsRestored = Counter(label: ServiceMetricName.memoryRecordsRestored)
    let recordsUnreadable = Counter(label: ServiceMetricName.memoryRecordsUnreadable)
    let rebuild = Timer(label: ServiceMetricName.memoryRebuild)
    let deadLetters: [ResponderError.Reason: Counter] = Dictionary(
        uniqueKeysWithValues: ResponderError.Reason.allCases.map { reason in
            (reason, Counter(label: ServiceMetricName.deadLetters, dimensions: [("reason", reason.rawValue)]))
        }
    )
    private let drafts: [DraftTally.Segment: Counter] = Dictionary(
        uniqueKeysWithValues: Intent.allCases.flatMap { intent in
            PriorityLevel.allCases.map { level in
                (
                    DraftTally.Segment(intent: intent, level: level),
                    Counter(
                        label: ServiceMetricName.drafts,
                        dimensions: [("intent", intent.rawValue), ("priority", level.rawValue)]
                    )
                )
            }
        }
    )
    // Topics come from configuration, so their counters are made on first use.
    private let topics = Locked<[String: Counter]>([:])

    /// Adds what one batch drafted: drafts by intent and priority, each draft once for each of its topics,
    /// dead letters by reason, and the time from each mention to its draft.
    func record(_ tally: DraftTally) {
        for (segment, count) in tally.drafts {
            drafts[segment]?.increment(by: count)
        }
        for (reason, count) in tally.deadLetters {
            deadLetters[reason]?.increment(by: count)
        }
        for nanoseconds in tally.mentionToDraft {
            mentionToDraft.recordNanoseconds(nanoseconds)
        }
        guard !tally.topics.isEmpty else { return }
        let counters = topics.withLock { topics in
            tally.topics.map { topic, count in
                if let counter = topics[topic] { return (counter, count) }
                let counter = Counter(label: ServiceMetricName.draftTopics, dimensions: [("topic", topic)])
                topics[topic] = counter
                return (counter, count)
            }
        }
        for (counter, count) in counters {
            counter.increment(by: count)
        }
    }
}
