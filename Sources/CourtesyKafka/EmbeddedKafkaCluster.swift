import CRdKafka

/// librdkafka's in-process mock cluster: a Kafka that speaks the real wire protocol, on random local ports.
///
/// It powers the demo, the tests and the benchmarks, and `courtesy dev-broker`. Real clients (kcat, other
/// processes) connect to ``bootstrapServers``. Topics auto-create with 4 partitions on first use; call
/// ``createTopic(_:partitions:)`` for another count. Fault hooks take brokers down and inject request errors.
///
/// `@unchecked Sendable`: the mock cluster serialises every operation on its own thread, and the handles are
/// immutable after `init` and destroyed only in `deinit`.
package final class EmbeddedKafkaCluster: @unchecked Sendable {
    private let owner: OpaquePointer
    private let cluster: OpaquePointer
    /// The broker ids, 1 through the number of brokers.
    package let brokerIDs: [Int32]
    /// `host:port,...` to bootstrap from.
    package let bootstrapServers: String

    /// Starts a cluster of `brokers` brokers.
    package init(brokers: Int = 1) throws(KafkaError) {
        guard (1...16).contains(brokers) else {
            throw KafkaError(
                kind: .embeddedBroker, message: "the embedded cluster takes 1 to 16 brokers, not \(brokers)")
        }
        // The mock cluster needs a client handle to live in; it never produces anything.
        let conf = try RDKafkaConfig.make([("log_level", "3")])
        var errorText = [CChar](repeating: 0, count: 512)
        guard let owner = rd_kafka_new(RD_KAFKA_PRODUCER, conf, &errorText, errorText.count) else {
            rd_kafka_conf_destroy(conf)
            throw KafkaError(kind: .embeddedBroker, message: "cannot start the embedded Kafka cluster")
        }
        guard let cluster = rd_kafka_mock_cluster_new(owner, Int32(brokers)) else {
            rd_kafka_destroy(owner)
            throw KafkaError(kind: .embeddedBroker, message: "cannot start the embedded Kafka cluster")
        }
        self.owner = owner
        self.cluster = cluster
        self.brokerIDs = Array(1...Int32(brokers))
        self.bootstrapServers = String(cString: rd_kafka_mock_cluster_bootstraps(cluster))
    }

    deinit {
        rd_kafka_mock_cluster_destroy(cluster)
        rd_kafka_destroy(owner)
    }

    /// Creates `topic` with `partitions` partitions.
    package func createTopic(_ topic: String, partitions: Int, replicationFactor: Int = 1) throws(KafkaError) {
        let result = rd_kafka_mock_topic_create(cluster, topic, Int32(partitions), Int32(replicationFactor))
        guard result == RD_KAFKA_RESP_ERR_NO_ERROR else {
            throw KafkaError.response(result, "cannot create topic \"\(topic)\" with \(partitions) partitions")
        }
    }

    /// Takes a broker down: its connections close and it refuses new ones until ``setBrokerUp(_:)``.
    package func setBrokerDown(_ broker: Int32) throws(KafkaError) {
        try check(rd_kafka_mock_broker_set_down(cluster, broker), "cannot take broker \(broker) down")
    }

    /// Brings a broker back up.
    package func setBrokerUp(_ broker: Int32) throws(KafkaError) {
        try check(rd_kafka_mock_broker_set_up(cluster, broker), "cannot bring broker \(broker) up")
    }

    /// Delays every request to a broker by `rtt`.
    package func setBrokerRoundTrip(_ broker: Int32, _ rtt: Duration) throws(KafkaError) {
        try check(
            rd_kafka_mock_broker_set_rtt(cluster, broker, Int32(clamping: rtt.milliseconds)),
            "cannot set broker \(broker)'s round-trip time"
        )
    }

    /// Makes metadata answer `code` for `topic` (creating it first if need be), or answer normally again with
    /// `nil`: with ``KafkaErrorCode/unknownTopicOrPartition``, the topic looks absent to clients.
    package func setTopicError(_ topic: String, _ code: KafkaErrorCode?) {
        rd_kafka_mock_topic_set_error(cluster, topic, rd_kafka_resp_err_t(code?.rawValue ?? 0))
    }

    /// Makes the next requests of kind `request`, on any broker, fail with `errors`, one each, in order.
    package func injectErrors(_ errors: [KafkaErrorCode], into request: KafkaRequest) {
        var codes = errors.map { rd_kafka_resp_err_t($0.rawValue) }
        rd_kafka_mock_push_request_errors_array(cluster, request.rawValue, codes.count, &codes)
    }

    /// Forgets errors injected for `request` that have not fired yet.
    package func clearInjectedErrors(for request: KafkaRequest) {
        rd_kafka_mock_clear_request_errors(cluster, request.rawValue)
    }

    private func check(_ result: rd_kafka_resp_err_t, _ context: String) throws(KafkaError) {
        guard result == RD_KAFKA_RESP_ERR_NO_ERROR else { throw KafkaError.response(result, context) }
    }
}
