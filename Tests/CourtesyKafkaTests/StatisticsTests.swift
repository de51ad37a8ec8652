import CourtesyKafka
import Metrics
import MetricsTestKit
import Testing

/// The process-wide metrics backend these tests read; swift-metrics allows one bootstrap per process.
let testMetrics: TestMetrics = {
    let metrics = TestMetrics()
    MetricsSystem.bootstrap(metrics)
    return metrics
}()

@Suite("librdkafka statistics become metrics", .timeLimit(.minutes(1)))
struct StatisticsTests {
    @Test("consumer lag per partition, producer queue depth and broker round-trip time are reported")
    func statisticsBecomeGauges() async throws {
        let metrics = testMetrics
        let kafka = try TestCluster()
        try kafka.cluster.createTopic("observed", partitions: 2)
        var settings = KafkaConfiguration(
            bootstrapServers: kafka.cluster.bootstrapServers,
            clientID: "observed-client",
            statisticsInterval: .milliseconds(200)
        )
        settings.properties["linger.ms"] = "1"
        let producer = try KafkaProducer(
            configuration: KafkaProducerConfiguration(kafka: settings), logger: kafka.logger)
        for index in 0..<500 {
            try await producer.send(
                KafkaProducerMessage(topic: "observed", partition: Int32(index % 2), value: [1, 2, 3]))
        }
        let consumer = try KafkaConsumer(
            configuration: KafkaConsumerConfiguration(
                kafka: settings,
                groupID: "observed",
                topics: ["observed"],
                sessionTimeout: .milliseconds(6000)
            ),
            logger: kafka.logger
        )
        // Read and acknowledge everything: once committed, the lag is zero.
        var iterator = consumer.batches.makeAsyncIterator()
        var received = 0
        while received < 500, let batch = try await iterator.next() {
            received += batch.count
            consumer.acknowledge(batch)
        }

        func lag(_ partition: String) -> Int64? {
            metrics.recorders(label: KafkaMetricName.consumerLag).first { recorder in
                recorder.dimensions.contains { $0 == ("partition", partition) }
                    && recorder.dimensions.contains { $0 == ("client", "observed-client") }
            }.flatMap { recorder in recorder.values.last.map { Int64($0) } }
        }
        try await waitUntil(timeout: .seconds(20)) { lag("0") == 0 && lag("1") == 0 }
        // 100 more per partition, fetched but never acknowledged, so never committed: the lag shows them.
        for index in 0..<200 {
            try await producer.send(KafkaProducerMessage(topic: "observed", partition: Int32(index % 2), value: [4]))
        }
        try await waitUntil(timeout: .seconds(20)) { lag("0") == 100 && lag("1") == 100 }
        #expect(!metrics.recorders(label: KafkaMetricName.producerQueueMessages).isEmpty)
        try await waitUntil(timeout: .seconds(10)) {
            metrics.recorders(label: KafkaMetricName.brokerRoundTrip).contains { ($0.values.last ?? 0) > 0 }
        }
        await consumer.shutdown()
        await producer.shutdown()
    }
}
