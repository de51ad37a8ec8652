/// The broker's answer for one produced message.
package struct DeliveryReport: Sendable {
    /// The token given to ``KafkaProducer/send(_:token:)``, so the caller knows which message this is.
    package let token: UInt64
    /// The partition the message went to, or -1 when it never got one.
    package let partition: Int32
    /// The message's offset in its partition, or -1 when it was not written.
    package let offset: Int64
    /// Why the message was not written; `nil` when the broker acknowledged it.
    package let error: KafkaError?

    package init(token: UInt64, partition: Int32, offset: Int64, error: KafkaError?) {
        self.token = token
        self.partition = partition
        self.offset = offset
        self.error = error
    }
}
