/// A topic's partition.
package struct KafkaTopicPartition: Sendable, Hashable, Comparable, CustomStringConvertible {
    package let topic: String
    package let partition: Int32

    package init(topic: String, partition: Int32) {
        self.topic = topic
        self.partition = partition
    }

    package static func < (lhs: Self, rhs: Self) -> Bool {
        (lhs.topic, lhs.partition) < (rhs.topic, rhs.partition)
    }

    package var description: String { "\(topic)[\(partition)]" }
}
