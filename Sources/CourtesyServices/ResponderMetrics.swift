import CourtesyCore
import Metrics

/// The responder's metrics, created once (see ``ServiceMetricName`` and docs/metrics.md).
struct ResponderMetrics: Sendable {
    let mentionsConsumed = Counter(label: ServiceMetricName.mentionsConsumed)
    let mentionToDraft = Timer(label: ServiceMetricName.mentionToDraft)
    let deadLetters: [ResponderError.Reason: Counter] = Dictionary(
        uniqueKeysWithValues: ResponderError.Reason.allCases.map { reason in
            (reason, Counter(label: ServiceMetricName.deadLetters, dimensions: [("reason", reason.rawValue)]))
        }
    )
}
