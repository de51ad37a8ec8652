/// A message read by a ``KafkaConsumer``.
///
/// The key and value of a batch's messages are slices of one buffer the batch shares: keeping one message
/// keeps that buffer alive, so copy (`Array(message.value)`) what must outlive the batch for long.
package struct KafkaMessage: Sendable {
    package let topic: String
    package let partition: Int32
    package let offset: Int64
    package let key: ArraySlice<UInt8>?
    package let value: ArraySlice<UInt8>
    package let headers: [KafkaHeader]
    /// Milliseconds since the epoch, as the producer or broker stamped it, when known.
    package let timestamp: Int64?

    package init(
        topic: String,
        partition: Int32,
        offset: Int64,
        key: ArraySlice<UInt8>?,
        value: ArraySlice<UInt8>,
        headers: [KafkaHeader] = [],
        timestamp: Int64? = nil
    ) {
        self.topic = topic
        self.partition = partition
        self.offset = offset
        self.key = key
        self.value = value
        self.headers = headers
        self.timestamp = timestamp
    }

    /// Where this message sits, which is what ``KafkaConsumer/acknowledge(_:)`` needs.
    package var position: KafkaPosition { KafkaPosition(topic: topic, partition: partition, offset: offset) }
}
