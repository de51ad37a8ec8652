/// How a ``KafkaConsumer`` joins its group and reads its topics.
package struct KafkaConsumerConfiguration: Sendable, Equatable {
    /// Where the cluster is and any raw librdkafka properties.
    package var kafka: KafkaConfiguration
    /// The consumer group; members of one group share the topics' partitions.
    package var groupID: String
    /// The topics to subscribe to.
    package var topics: [String]
    /// How long the group waits for a silent member before handing its partitions to others.
    package var sessionTimeout: Duration
    /// How often acknowledged offsets are committed in the background.
    package var commitInterval: Duration
    /// Where a group with no committed offset starts: `earliest` (nothing is skipped) or `latest`.
    package var autoOffsetReset: String
    /// Messages handed out but not yet taken by the application; past this the consumer pauses fetching.
    package var maxBufferedMessages: Int
    /// The most messages in one batch.
    package var maxBatchSize: Int
    /// On shutdown or when partitions are revoked, how long to wait for messages already handed out to be
    /// acknowledged, so that their offsets are committed and they are not delivered again.
    package var drainTimeout: Duration
    /// librdkafka's prefetch: messages it keeps ready per consumer. The 100,000 default makes a fast consumer
    /// idle on a 1 s timer in librdkafka 2.0.2 (see the design notes), so Courtesy asks for more.
    package var prefetchMessages: Int
    /// librdkafka's prefetch cap in KiB.
    package var prefetchKilobytes: Int

    package init(
        kafka: KafkaConfiguration,
        groupID: String,
        topics: [String],
        sessionTimeout: Duration = .seconds(45),
        commitInterval: Duration = .seconds(1),
        autoOffsetReset: String = "earliest",
        maxBufferedMessages: Int = 20_000,
        maxBatchSize: Int = 1_000,
        drainTimeout: Duration = .seconds(5),
        prefetchMessages: Int = 1_000_000,
        prefetchKilobytes: Int = 262_144
    ) {
        self.kafka = kafka
        self.groupID = groupID
        self.topics = topics
        self.sessionTimeout = sessionTimeout
        self.commitInterval = commitInterval
        self.autoOffsetReset = autoOffsetReset
        self.maxBufferedMessages = maxBufferedMessages
        self.maxBatchSize = maxBatchSize
        self.drainTimeout = drainTimeout
        self.prefetchMessages = prefetchMessages
        self.prefetchKilobytes = prefetchKilobytes
    }

    /// Every librdkafka property this configuration sets, in the order they are applied.
    package func librdkafkaProperties() throws(KafkaError) -> [(String, String)] {
        guard !groupID.isEmpty else { throw .configuration("a consumer needs a group id") }
        guard !topics.isEmpty, topics.allSatisfy({ !$0.isEmpty }) else {
            throw .configuration("a consumer needs at least one topic, and topic names cannot be empty")
        }
        guard maxBufferedMessages > 0, maxBatchSize > 0 else {
            throw .configuration("the consumer's buffer and batch size must be positive")
        }
        let ownedOffsets = "offsets are stored only when the application acknowledges a message"
        return try kafka.merged(
            [
                ("group.id", groupID),
                ("partition.assignment.strategy", "cooperative-sticky"),
                ("session.timeout.ms", String(sessionTimeout.milliseconds)),
                ("enable.auto.commit", "true"),
                ("auto.commit.interval.ms", String(commitInterval.milliseconds)),
                ("enable.auto.offset.store", "false"),
                ("auto.offset.reset", autoOffsetReset),
                ("enable.partition.eof", "false"),
                ("queued.min.messages", String(prefetchMessages)),
                ("queued.max.messages.kbytes", String(prefetchKilobytes)),
                // Every 5 s rather than 5 min: a subscribed topic created after start-up is consumed at once.
                ("topic.metadata.refresh.interval.ms", "5000"),
            ],
            reserved: [
                "enable.auto.offset.store": ownedOffsets,
                "enable.auto.commit": "commits are periodic and asynchronous; use commitInterval",
                "group.id": "use the consumer's group setting",
                "rebalance_cb": "rebalances are handled by the adapter",
                "partition.assignment.strategy":
                    "the adapter relies on cooperative-sticky rebalancing to commit before partitions move",
            ], consumer: true)
    }
}
