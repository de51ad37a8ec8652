import CourtesyKafka
import Testing

@Suite("Faults: nothing lost, nothing acknowledged delivered twice", .timeLimit(.minutes(2)))
struct FaultTests {
    /// After everything was consumed and acknowledged, a new member of the group must see only new messages.
    private func expectNoRedelivery(_ kafka: TestCluster, group: String, topic: String) async throws {
        let again = try kafka.consumer(group: group, topics: [topic])
        let seen = Tally()
        let reader = seen.read(again)
        try await waitUntil(timeout: .seconds(20)) { !again.assignment.isEmpty }
        #expect(try await kafka.produce(10, to: topic, prefix: "fresh") == 0)
        try await waitUntil(timeout: .seconds(20)) { seen.distinct >= 10 }
        try await Task.sleep(for: .milliseconds(500))
        await again.shutdown()
        _ = await reader.result
        #expect(seen.snapshot.keys.allSatisfy { $0.hasPrefix("fresh-") }, "acknowledged messages were delivered again")
        #expect(seen.distinct == 10)
    }

    @Test("a broker down for several seconds: production waits, then everything arrives once")
    func brokerDown() async throws {
        let kafka = try TestCluster(brokers: 3)
        try kafka.cluster.createTopic("outage", partitions: 4, replicationFactor: 3)
        let seen = Tally()
        let consumer = try kafka.consumer(group: "outage", topics: ["outage"])
        let reader = seen.read(consumer)
        try await waitUntil(timeout: .seconds(20)) { consumer.assignment.count == 4 }

        #expect(try await kafka.produce(1_000, to: "outage", prefix: "before") == 0)
        try kafka.cluster.setBrokerDown(1)
        try kafka.cluster.setBrokerDown(2)
        try kafka.cluster.setBrokerDown(3)
        let producing = Task { try await kafka.produce(1_000, to: "outage", prefix: "during") }
        try await Task.sleep(for: .seconds(4))
        try kafka.cluster.setBrokerUp(1)
        try kafka.cluster.setBrokerUp(2)
        try kafka.cluster.setBrokerUp(3)
        #expect(try await producing.value == 0)

        try await waitUntil(timeout: .seconds(40)) { seen.distinct == 2_000 }
        await consumer.shutdown()
        _ = await reader.result
        #expect(seen.snapshot.values.allSatisfy { $0 == 1 }, "the idempotent producer wrote no duplicates")
        try await expectNoRedelivery(kafka, group: "outage", topic: "outage")
    }

    @Test("injected produce, fetch and offset-commit errors: nothing lost, acknowledged work not repeated")
    func injectedRequestErrors() async throws {
        let kafka = try TestCluster()
        try kafka.cluster.createTopic("flaky", partitions: 2)
        kafka.cluster.injectErrors(
            [.notLeaderForPartition, .requestTimedOut, .notEnoughReplicas, .leaderNotAvailable],
            into: .produce
        )
        #expect(try await kafka.produce(2_000, to: "flaky") == 0)

        kafka.cluster.injectErrors(
            [.notLeaderForPartition, .unknownTopicOrPartition, .notLeaderForPartition], into: .fetch)
        kafka.cluster.injectErrors(
            [.requestTimedOut, .coordinatorNotAvailable, .notCoordinator, .requestTimedOut],
            into: .offsetCommit
        )
        let seen = Tally()
        let consumer = try kafka.consumer(group: "flaky", topics: ["flaky"])
        let reader = seen.read(consumer)
        try await waitUntil(timeout: .seconds(40)) { seen.distinct == 2_000 }
        // Give the periodic commit time to get past the injected failures.
        try await Task.sleep(for: .seconds(2))
        await consumer.shutdown()
        _ = await reader.result
        #expect(seen.snapshot.count == 2_000)
        try await expectNoRedelivery(kafka, group: "flaky", topic: "flaky")
    }
}
