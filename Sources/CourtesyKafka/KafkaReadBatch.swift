/// What a ``KafkaTopicReader`` hands out at once: messages, and the partitions it found at their end.
public struct KafkaReadBatch: Sendable {
    /// The messages, in order within each partition.
    public let messages: [KafkaMessage]
    /// Partitions whose end the reader reached, with the offset the next message will have.
    public let reachedEnd: [KafkaTopicPartition: Int64]

    public init(messages: [KafkaMessage], reachedEnd: [KafkaTopicPartition: Int64]) {
        self.messages = messages
        self.reachedEnd = reachedEnd
    }
}
