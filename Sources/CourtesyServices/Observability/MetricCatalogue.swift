import CourtesyKafka

/// Every metric Courtesy reports, with its help text: the source of the `# HELP` lines on `/metrics`
/// and of docs/metrics.md, which a test keeps in step.
public enum MetricCatalogue {
    /// Latency buckets, in seconds: from a millisecond to a minute.
    public static let latencyBuckets: [Double] = [
        0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60,
    ]

    public static let all: [MetricDescription] = [
        MetricDescription(
            ServiceMetricName.mentionsConsumed,
            .counter,
            help: "Mention events the responder read."
        ),
        MetricDescription(
            ServiceMetricName.drafts,
            .counter,
            labels: ["intent", "priority"],
            help: "Drafts written, by intent and priority level."
        ),
        MetricDescription(
            ServiceMetricName.draftTopics,
            .counter,
            labels: ["topic"],
            help: "Drafts written, counted once for each topic (segment) they mention."
        ),
        MetricDescription(
            ServiceMetricName.deadLetters,
            .counter,
            labels: ["reason"],
            help: "Mentions refused and sent to the dead-letter topic, by reason."
        ),
        MetricDescription(
            ServiceMetricName.mentionToDraft,
            .histogram,
            help: "Seconds from a mention's Kafka timestamp to its draft being handed to the producer.",
            buckets: latencyBuckets
        ),
        MetricDescription(
            KafkaMetricName.consumerLag,
            .gauge,
            labels: ["client", "topic", "partition"],
            help: "Messages between a partition's end and the group's committed offset."
        ),
        MetricDescription(
            KafkaMetricName.producerQueueMessages,
            .gauge,
            labels: ["client"],
            help: "Messages queued in a producer and not yet acknowledged by the broker."
        ),
        MetricDescription(
            KafkaMetricName.producerQueueBytes,
            .gauge,
            labels: ["client"],
            help: "Bytes of the messages queued in a producer."
        ),
        MetricDescription(
            KafkaMetricName.brokerRoundTrip,
            .gauge,
            labels: ["client", "broker"],
            help: "Average request round-trip time to a broker over the last statistics interval, in seconds."
        ),
    ]

    private static let byName = Dictionary(uniqueKeysWithValues: all.map { ($0.name, $0) })

    /// The description of `name`, if it is in the catalogue.
    public static func description(of name: String) -> MetricDescription? {
        byName[name]
    }
}
