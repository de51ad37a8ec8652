import CourtesyKafka
import CourtesyLocking
import Foundation
import Logging
import Synchronization
import Testing

/// An embedded cluster and the settings tests use against it.
struct TestCluster {
    let cluster: EmbeddedKafkaCluster
    let logger: Logger

    init(brokers: Int = 1) throws {
        cluster = try EmbeddedKafkaCluster(brokers: brokers)
        var logger = Logger(label: "test")
        logger.logLevel = ProcessInfo.processInfo.environment["COURTESY_TEST_LOG"] == nil ? .critical : .debug
        self.logger = logger
    }

    var kafka: KafkaConfiguration {
        KafkaConfiguration(bootstrapServers: cluster.bootstrapServers, statisticsInterval: nil)
    }

    func producer(_ handler: KafkaProducer.DeliveryReportHandler? = nil) throws -> KafkaProducer {
        try KafkaProducer(
            configuration: KafkaProducerConfiguration(kafka: kafka, linger: .milliseconds(1)),
            logger: logger,
            deliveryReportHandler: handler
        )
    }

    /// A consumer with the short session timeout the mock cluster needs to rebalance quickly.
    func consumer(
        group: String, topics: [String], drainTimeout: Duration = .seconds(2), maxBatchSize: Int = 1_000,
        sessionTimeout: Duration = .seconds(6)
    ) throws -> KafkaConsumer {
        var kafka = self.kafka
        // Members notice a rebalance at their next heartbeat: keep it short so tests see hand-overs quickly.
        kafka.properties["heartbeat.interval.ms"] = "500"
        return try KafkaConsumer(
            configuration: KafkaConsumerConfiguration(
                kafka: kafka,
                groupID: group,
                topics: topics,
                sessionTimeout: sessionTimeout,
                commitInterval: .milliseconds(200),
                maxBatchSize: maxBatchSize,
                drainTimeout: drainTimeout
            ),
            logger: logger
        )
    }

    /// Produces `count` messages whose values are `prefix-i` (keyed to spread over partitions) and waits for
    /// every delivery report; returns how many failed.
    func produce(_ count: Int, to topic: String, prefix: String = "m", start: Int = 0) async throws -> Int {
        let failures = Atomic<Int>(0)
        let delivered = Atomic<Int>(0)
        let producer = try self.producer { reports in
            for report in reports where report.error != nil {
                failures.add(1, ordering: .relaxed)
            }
            delivered.add(reports.count, ordering: .relaxed)
        }
        for index in start..<(start + count) {
            try await producer.send(
                KafkaProducerMessage(
                    topic: topic, key: Array("k\(index % 97)".utf8), value: Array("\(prefix)-\(index)".utf8)),
                token: UInt64(index)
            )
        }
        try await waitUntil(timeout: .seconds(60)) { delivered.load(ordering: .relaxed) == count }
        await producer.shutdown()
        return failures.load(ordering: .relaxed)
    }
}

/// Polls `condition` until it holds, failing the test when `timeout` passes first.
func waitUntil(
    timeout: Duration,
    sourceLocation: SourceLocation = #_sourceLocation,
    _ condition: () -> Bool
) async throws {
    let deadline = ContinuousClock.now + timeout
    while !condition() {
        guard ContinuousClock.now < deadline else {
            Issue.record("condition not met within \(timeout)", sourceLocation: sourceLocation)
            throw CancellationError()
        }
        try await Task.sleep(for: .milliseconds(20))
    }
}

/// Reads messages from `consumer`, acknowledging each, until `stop` says so or `timeout` passes.
/// Returns the values in the order they arrived, with their positions.
func consume(
    _ consumer: KafkaConsumer,
    timeout: Duration,
    acknowledge: Bool = true,
    until stop: @escaping @Sendable ([KafkaMessage]) -> Bool
) async throws -> [KafkaMessage] {
    try await withThrowingTaskGroup(of: [KafkaMessage]?.self) { tasks in
        tasks.addTask {
            var received: [KafkaMessage] = []
            for try await batch in consumer.batches {
                received.append(contentsOf: batch)
                if acknowledge { consumer.acknowledge(batch.map(\.position)) }
                if stop(received) { break }
            }
            return received
        }
        tasks.addTask {
            try await Task.sleep(for: timeout)
            return nil
        }
        defer { tasks.cancelAll() }
        guard let first = try await tasks.next(), let received = first else {
            Issue.record("consumer did not finish within \(timeout)")
            return []
        }
        return received
    }
}

extension KafkaMessage {
    var text: String { String(decoding: value, as: UTF8.self) }
}

/// Counts how often each message value was seen, across tasks.
final class Tally: Sendable {
    private let counts = Locked<[String: Int]>([:])

    func record(_ batch: [KafkaMessage]) {
        record(values: batch.map(\.text))
    }

    func record(values: [String]) {
        counts.withLock { counts in
            for value in values { counts[value, default: 0] += 1 }
        }
    }

    var distinct: Int { counts.withLock { $0.count } }
    var snapshot: [String: Int] { counts.withLock { $0 } }

    /// Reads `consumer` until it shuts down, acknowledging every batch once recorded.
    func read(_ consumer: KafkaConsumer) -> Task<Void, any Error> {
        Task {
            for try await batch in consumer.batches {
                record(batch)
                consumer.acknowledge(batch.map(\.position))
            }
        }
    }
}
