/// How a ``KafkaTopicReader`` reads its topics.
package struct KafkaTopicReaderConfiguration: Sendable, Equatable {
    /// Where the cluster is and any raw librdkafka properties.
    package var kafka: KafkaConfiguration
    /// The topics to read, every partition, from the beginning.
    package var topics: [String]
    /// Only these partitions of each topic, when given: the way to read a changelog partition by partition.
    package var partitions: Set<Int32>?
    /// The group id librdkafka needs for its consumer API. The reader never joins the group and never
    /// commits, so instances sharing it do not share the topics: each reads everything.
    package var groupID: String
    /// Messages handed out but not yet taken by the application; past this the reader stops fetching.
    package var maxBufferedMessages: Int
    /// The most messages in one batch.
    package var maxBatchSize: Int
    /// How long to wait for the cluster when looking the topics up at start.
    package var startTimeout: Duration

    package init(
        kafka: KafkaConfiguration,
        topics: [String],
        partitions: Set<Int32>? = nil,
        groupID: String = "courtesy-topic-reader",
        maxBufferedMessages: Int = 50_000,
        maxBatchSize: Int = 5_000,
        startTimeout: Duration = .seconds(10)
    ) {
        self.kafka = kafka
        self.topics = topics
        self.partitions = partitions
        self.groupID = groupID
        self.maxBufferedMessages = maxBufferedMessages
        self.maxBatchSize = maxBatchSize
        self.startTimeout = startTimeout
    }

    /// Every librdkafka property this configuration sets, in the order they are applied.
    package func librdkafkaProperties() throws(KafkaError) -> [(String, String)] {
        guard !topics.isEmpty, topics.allSatisfy({ !$0.isEmpty }) else {
            throw .configuration("a topic reader needs at least one topic, and topic names cannot be empty")
        }
        guard maxBufferedMessages > 0, maxBatchSize > 0 else {
            throw .configuration("the topic reader's buffer and batch size must be positive")
        }
        if let partitions, partitions.isEmpty || partitions.contains(where: { $0 < 0 }) {
            throw .configuration("a topic reader's partitions, when given, must be some, and none negative")
        }
        let readsEverything = "a topic reader reads every partition from the beginning and never commits"
        return try kafka.merged(
            [
                ("group.id", groupID),
                ("enable.auto.commit", "false"),
                ("enable.auto.offset.store", "false"),
                ("enable.partition.eof", "true"),
                ("auto.offset.reset", "earliest"),
                // The topics are created on first use, like the producers' (a real cluster may forbid it).
                ("allow.auto.create.topics", "true"),
                ("queued.min.messages", "1000000"),
                ("queued.max.messages.kbytes", "262144"),
            ],
            reserved: [
                "enable.auto.commit": readsEverything,
                "enable.auto.offset.store": readsEverything,
                "auto.offset.reset": readsEverything,
                "enable.partition.eof": "the reader relies on end-of-partition events to know it has caught up",
                "group.id": "use the reader's groupID setting",
            ], consumer: true)
    }
}
