/// The names of the metrics the Kafka adapter reports, in one place (see docs/metrics.md).
package enum KafkaMetricName {
    /// Messages a consumer group member is behind the partition's end, by `topic` and `partition`.
    package static let consumerLag = "courtesy_kafka_consumer_lag_messages"
    /// Messages waiting in a producer's queue, not yet acknowledged by the broker.
    package static let producerQueueMessages = "courtesy_kafka_producer_queue_messages"
    /// Bytes waiting in a producer's queue.
    package static let producerQueueBytes = "courtesy_kafka_producer_queue_bytes"
    /// Average round-trip time to a broker, in seconds, by `broker`.
    package static let brokerRoundTrip = "courtesy_kafka_broker_rtt_seconds"
}
