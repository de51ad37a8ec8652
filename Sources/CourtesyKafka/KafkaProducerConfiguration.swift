/// How a ``KafkaProducer`` talks to the cluster.
package struct KafkaProducerConfiguration: Sendable, Equatable {
    /// Where the cluster is and any raw librdkafka properties.
    package var kafka: KafkaConfiguration
    /// Idempotent production: retries never duplicate or reorder messages within a partition.
    package var idempotent: Bool
    /// How long librdkafka waits to fill a batch before sending it.
    package var linger: Duration
    /// The most messages waiting in the client, sent or not yet acknowledged. ``KafkaProducer/send(_:token:)``
    /// suspends while the queue is full instead of growing memory without bound.
    package var maxQueuedMessages: Int
    /// Compression for message batches (`none`, `gzip`, `snappy`, `lz4`, `zstd`).
    package var compression: String
    /// How long a message may take to be acknowledged, retries included, before its delivery fails.
    package var deliveryTimeout: Duration

    package init(
        kafka: KafkaConfiguration,
        idempotent: Bool = true,
        linger: Duration = .milliseconds(5),
        maxQueuedMessages: Int = 100_000,
        compression: String = "lz4",
        deliveryTimeout: Duration = .seconds(120)
    ) {
        self.kafka = kafka
        self.idempotent = idempotent
        self.linger = linger
        self.maxQueuedMessages = maxQueuedMessages
        self.compression = compression
        self.deliveryTimeout = deliveryTimeout
    }

    /// Every librdkafka property this configuration sets, in the order they are applied.
    package func librdkafkaProperties() throws(KafkaError) -> [(String, String)] {
        guard maxQueuedMessages > 0 else {
            throw .configuration("the producer's queue must hold at least one message, not \(maxQueuedMessages)")
        }
        return try kafka.merged(
            [
                ("enable.idempotence", idempotent ? "true" : "false"),
                ("linger.ms", String(linger.milliseconds)),
                ("queue.buffering.max.messages", String(maxQueuedMessages)),
                ("compression.codec", compression),
                ("delivery.timeout.ms", String(deliveryTimeout.milliseconds)),
            ],
            reserved: [
                "dr_msg_cb": "delivery reports are handled by the adapter"
            ]
        )
    }
}
