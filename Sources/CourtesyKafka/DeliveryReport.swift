/// The broker's answer for one produced message.
public struct DeliveryReport: Sendable {
    /// The token given to ``KafkaProducer/send(_:token:)``, so the caller knows which message this is.
    public let token: UInt64
    /// The partition the message went to, or -1 when it never got one.
    public let partition: Int32
    /// The message's offset in its partition, or -1 when it was not written.
    public let offset: Int64
    /// Why the message was not written; `nil` when the broker acknowledged it.
    public let error: KafkaError?

    public init(token: UInt64, partition: Int32, offset: Int64, error: KafkaError?) {
        self.token = token
        self.partition = partition
        self.offset = offset
        self.error = error
    }
}
