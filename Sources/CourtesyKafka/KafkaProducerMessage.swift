/// A message to produce.
package struct KafkaProducerMessage: Sendable {
    package var topic: String
    /// The partition to write to; `nil` lets the partitioner choose from the key.
    package var partition: Int32?
    package var key: [UInt8]?
    package var value: [UInt8]
    package var headers: [KafkaHeader]

    package init(
        topic: String, partition: Int32? = nil, key: [UInt8]? = nil, value: [UInt8], headers: [KafkaHeader] = []
    ) {
        self.topic = topic
        self.partition = partition
        self.key = key
        self.value = value
        self.headers = headers
    }
}
