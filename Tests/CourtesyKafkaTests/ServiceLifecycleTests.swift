import CourtesyKafka
import ServiceLifecycle
import Testing

@Suite("Producer and consumer as services", .timeLimit(.minutes(1)))
struct ServiceLifecycleTests {
    @Test("graceful shutdown flushes the producer, commits, and ends the consumer's batches")
    func gracefulShutdown() async throws {
        let kafka = try TestCluster()
        try kafka.cluster.createTopic("lifecycle", partitions: 2)
        let producer = try kafka.producer()
        let consumer = try kafka.consumer(group: "lifecycle", topics: ["lifecycle"])
        let group = ServiceGroup(
            configuration: ServiceGroupConfiguration(services: [producer, consumer], logger: kafka.logger)
        )
        let running = Task { try await group.run() }
        for index in 0..<200 {
            try await producer.send(KafkaProducerMessage(topic: "lifecycle", value: Array("s-\(index)".utf8)))
        }
        let seen = Tally()
        let reader = seen.read(consumer)
        try await waitUntil(timeout: .seconds(20)) { seen.distinct == 200 }

        await group.triggerGracefulShutdown()
        try await running.value
        // The batches end once the consumer has left the group.
        try await reader.value
        await #expect(throws: KafkaError.self) {
            try await producer.send(KafkaProducerMessage(topic: "lifecycle", value: [0]))
        }

        let next = try kafka.consumer(group: "lifecycle", topics: ["lifecycle"])
        let again = Tally()
        let nextReader = again.read(next)
        try await waitUntil(timeout: .seconds(20)) { !next.assignment.isEmpty }
        try await Task.sleep(for: .seconds(1))
        await next.shutdown()
        try await nextReader.value
        #expect(again.distinct == 0, "everything was acknowledged and committed before shutdown")
    }
}
