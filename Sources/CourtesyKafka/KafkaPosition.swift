/// A message's place: topic, partition and offset.
package struct KafkaPosition: Sendable, Hashable {
    package let topic: String
    package let partition: Int32
    package let offset: Int64

    package init(topic: String, partition: Int32, offset: Int64) {
        self.topic = topic
        self.partition = partition
        self.offset = offset
    }
}
