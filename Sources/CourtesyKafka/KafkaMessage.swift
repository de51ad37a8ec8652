/// A message read by a ``KafkaConsumer``.
public struct KafkaMessage: Sendable {
    public let topic: String
    public let partition: Int32
    public let offset: Int64
    public let key: [UInt8]?
    public let value: [UInt8]
    public let headers: [KafkaHeader]
    /// Milliseconds since the epoch, as the producer or broker stamped it, when known.
    public let timestamp: Int64?

    public init(
        topic: String,
        partition: Int32,
        offset: Int64,
        key: [UInt8]?,
        value: [UInt8],
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
    public var position: KafkaPosition { KafkaPosition(topic: topic, partition: partition, offset: offset) }
}
