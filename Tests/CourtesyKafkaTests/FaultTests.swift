import CourtesyKafka
import Synchronization
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
        let repeated = seen.snapshot.filter { $0.value > 1 }.keys.sorted()
        #expect(repeated.isEmpty, "delivered more than once: \(repeated.prefix(10)) of \(repeated.count)")
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

    @Test("a session lost while commits failed: handed back, the member resumes after what it acknowledged")
    func sessionLostWithUncommittedAcknowledgements() async throws {
        let kafka = try TestCluster()
        try kafka.cluster.createTopic("lost", partitions: 2)
        #expect(try await kafka.produce(1_000, to: "lost") == 0)
        // The coordinator refuses the next commits, so what is acknowledged now is not committed...
        kafka.cluster.injectErrors(Array(repeating: .requestTimedOut, count: 200), into: .offsetCommit)
        let seen = Tally()
        let consumer = try kafka.consumer(group: "lost", topics: ["lost"])
        let reader = seen.read(consumer)
        try await waitUntil(timeout: .seconds(20)) { seen.distinct == 1_000 }
        try await Task.sleep(for: .seconds(1))
        // ...and then the cluster is gone for longer than the session (6 s): the member's partitions are lost.
        try kafka.cluster.setBrokerDown(1)
        try await Task.sleep(for: .seconds(8))
        try kafka.cluster.setBrokerUp(1)
        try await waitUntil(timeout: .seconds(30)) { consumer.assignment.count == 2 }
        // Handed back with nothing committed: only the member's own memory says where it was.
        kafka.cluster.clearInjectedErrors(for: .offsetCommit)
        try await Task.sleep(for: .seconds(2))
        await consumer.shutdown()
        _ = await reader.result
        #expect(seen.snapshot.values.allSatisfy { $0 == 1 }, "acknowledged messages were delivered again")
        try await expectNoRedelivery(kafka, group: "lost", topic: "lost")
    }

    @Test("a session lost while fetched batches wait for the application: they are dropped, not handed out twice")
    func sessionLostWithBatchesNotYetTaken() async throws {
        let kafka = try TestCluster()
        try kafka.cluster.createTopic("held", partitions: 2)
        #expect(try await kafka.produce(1_000, to: "held") == 0)
        let consumer = try kafka.consumer(group: "held", topics: ["held"], maxBatchSize: 100)
        let seen = Tally()
        let busy = Atomic<Bool>(true)
        let reader = Task {
            for try await batch in consumer.batches {
                seen.record(batch)
                consumer.acknowledge(batch.map(\.position))
                // After the first batch the application is busy elsewhere, and the rest waits in the buffer.
                while busy.load(ordering: .relaxed) { try await Task.sleep(for: .milliseconds(20)) }
            }
        }
        try await waitUntil(timeout: .seconds(20)) { seen.distinct > 0 }
        try await waitUntil(timeout: .seconds(20)) { consumer.outstandingMessages == 1_000 - seen.distinct }
        let before = consumer.assignmentGenerations
        // Meanwhile the cluster is gone for longer than the session: the partitions are lost, then handed back.
        try kafka.cluster.setBrokerDown(1)
        try await Task.sleep(for: .seconds(8))
        try kafka.cluster.setBrokerUp(1)
        try await waitUntil(timeout: .seconds(30)) {
            let now = consumer.assignmentGenerations
            return now.count == 2 && now.allSatisfy { before[$0.key] != $0.value }
        }
        // What the buffer held was fetched under the lost assignment: only the refetch may reach the application.
        busy.store(false, ordering: .relaxed)
        try await waitUntil(timeout: .seconds(20)) { seen.distinct == 1_000 }
        try await Task.sleep(for: .seconds(2))
        await consumer.shutdown()
        _ = try await reader.value
        #expect(seen.snapshot.values.allSatisfy { $0 == 1 }, "messages fetched before the loss were handed out too")
        try await expectNoRedelivery(kafka, group: "held", topic: "held")
    }
}
