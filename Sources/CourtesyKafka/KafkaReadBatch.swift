/// What a ``KafkaTopicReader`` hands out at once: messages, and the partitions it found at their end.
package struct KafkaReadBatch: Sendable {
    /// The messages, in order within each partition.
    package let messages: [KafkaMessage]
    /// Partitions whose end the reader reached, with the offset the next message will have.
    package let reachedEnd: [KafkaTopicPartition: Int64]

    package init(messages: [KafkaMessage], reachedEnd: [KafkaTopicPartition: Int64]) {
        self.messages = messages
        self.reachedEnd = reachedEnd
    }
}
