import CourtesyKafka

/// Every metric Courtesy reports, with its help text: the source of the `# HELP` lines on `/metrics`
/// and of docs/metrics.md, which a test keeps in step.
package enum MetricCatalogue {
    /// Latency buckets, in seconds: from a millisecond to a minute.
    package static let latencyBuckets: [Double] = [
        0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60,
    ]

    /// Buckets for the human part of the loop, in seconds: from a minute to two days.
    package static let humanBuckets: [Double] = [
        60, 120, 300, 360, 600, 900, 1_200, 1_800, 3_600, 7_200, 14_400, 28_800, 86_400, 172_800,
    ]

    package static let all: [MetricDescription] = [
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
            ServiceMetricName.repeatContacts,
            .counter,
            help: "Drafts that took earlier contacts of their conversation into account."
        ),
        MetricDescription(
            ServiceMetricName.memoryConversations,
            .gauge,
            help: "Conversations the responder remembers, over the partitions it owns."
        ),
        MetricDescription(
            ServiceMetricName.memoryForgotten,
            .counter,
            help: "Conversations forgotten, oldest first, to keep the memory within its budget."
        ),
        MetricDescription(
            ServiceMetricName.memoryRecordsRestored,
            .counter,
            help: "Changelog records read back into the memory while rebuilding partitions."
        ),
        MetricDescription(
            ServiceMetricName.memoryRecordsUnreadable,
            .counter,
            help: "Changelog records that could not be read back while rebuilding, and were skipped."
        ),
        MetricDescription(
            ServiceMetricName.memoryRebuild,
            .histogram,
            help: "Seconds to rebuild the memory of newly assigned partitions from the changelog.",
            buckets: latencyBuckets
        ),
        MetricDescription(
            ServiceMetricName.toneModel,
            .gauge,
            labels: ["model"],
            help: "1, labelled with the tone model that chooses the reply's tone: its identifier, or rules."
        ),
        MetricDescription(
            ServiceMetricName.pendingDrafts,
            .gauge,
            labels: ["priority"],
            help: "Drafts waiting at the desk for a decision, by priority level."
        ),
        MetricDescription(
            ServiceMetricName.overdueDrafts,
            .gauge,
            help: "Drafts waiting at the desk past their reply-by deadline."
        ),
        MetricDescription(
            ServiceMetricName.decisions,
            .counter,
            labels: ["action", "template"],
            help: "Decisions recorded through this desk, by action and by the template the draft came from."
        ),
        MetricDescription(
            ServiceMetricName.timeToDecision,
            .histogram,
            help: "Seconds from a draft's creation to the decision on it.",
            buckets: humanBuckets
        ),
        MetricDescription(
            ServiceMetricName.timeToFirstReply,
            .histogram,
            help: "Seconds from the mention being posted to its approved reply being acknowledged by the broker.",
            buckets: humanBuckets
        ),
        MetricDescription(
            ServiceMetricName.repliesPublished,
            .counter,
            labels: ["origin"],
            help: "Replies published: on approval, or on recovery of a reply an earlier run did not publish."
        ),
        MetricDescription(
            ServiceMetricName.publisherRepliesConsumed,
            .counter,
            help: "Replies the publisher read from the replies topic."
        ),
        MetricDescription(
            ServiceMetricName.publisherPosted,
            .counter,
            labels: ["platform"],
            help: "Replies a receiver accepted (a 2xx answer), by platform."
        ),
        MetricDescription(
            ServiceMetricName.publisherRetries,
            .counter,
            labels: ["platform"],
            help:
                "Posts that failed in a way worth trying again (5xx, 408, 429, a timeout or a connection error), "
                + "by platform."
        ),
        MetricDescription(
            ServiceMetricName.publisherFailed,
            .counter,
            labels: ["platform", "reason"],
            help:
                "Replies sent to the replies' dead-letter topic, by platform and reason: refused, no-webhook or "
                + "unreadable."
        ),
        MetricDescription(
            ServiceMetricName.publisherPostDuration,
            .histogram,
            labels: ["platform"],
            help: "Seconds one post took, answer included, by platform.",
            buckets: latencyBuckets
        ),
        MetricDescription(
            ServiceMetricName.publisherApprovalToPost,
            .histogram,
            labels: ["platform"],
            help: "Seconds from a reply's approval to a receiver accepting it, by platform.",
            buckets: latencyBuckets
        ),
        MetricDescription(
            ServiceMetricName.publisherInFlight,
            .gauge,
            help:
                "Replies taken from the topic and not yet settled: being posted, waiting to be tried again, or "
                + "queued behind an earlier reply of their conversation."
        ),
        MetricDescription(
            ServiceMetricName.deskEventsRead,
            .counter,
            labels: ["topic"],
            help: "Events the desk read from its topics."
        ),
        MetricDescription(
            ServiceMetricName.deskUndecodableEvents,
            .counter,
            labels: ["topic"],
            help: "Events the desk could not decode and skipped."
        ),
        MetricDescription(
            ServiceMetricName.deskUnreadableDecisions,
            .gauge,
            help: "Drafts kept decided by a decision on the decisions topic that cannot be read back."
        ),
        MetricDescription(
            ServiceMetricName.deskCaughtUp,
            .gauge,
            help: "1 once the desk has read its topics up to where they ended when it started, 0 while it rebuilds."
        ),
        MetricDescription(
            ServiceMetricName.httpRequests,
            .counter,
            labels: ["method", "route", "status"],
            help: "HTTP requests served, by method, route and status code."
        ),
        MetricDescription(
            ServiceMetricName.httpRequestDuration,
            .histogram,
            labels: ["route"],
            help: "Seconds to answer an HTTP request, by route.",
            buckets: latencyBuckets
        ),
        MetricDescription(
            ServiceMetricName.httpOpenConnections,
            .gauge,
            labels: ["listener"],
            help: "HTTP connections open, by listener (http, or metrics for a separate metrics port)."
        ),
        MetricDescription(
            ServiceMetricName.httpConnectionsRefused,
            .counter,
            labels: ["listener"],
            help: "HTTP connections closed as soon as they were accepted because the maximum were open."
        ),
        MetricDescription(
            ServiceMetricName.httpConnectionsTimedOut,
            .counter,
            labels: ["listener", "phase"],
            help: "HTTP connections closed because the client was too slow: header, body, idle or response."
        ),
        MetricDescription(
            ServiceMetricName.tlsReloads,
            .counter,
            labels: ["outcome"],
            help: "Reloads of the TLS certificate and key on SIGHUP, by outcome (success or failure)."
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
    package static func description(of name: String) -> MetricDescription? {
        byName[name]
    }
}
