import CourtesyKafka
import Synchronization
import Testing

@Suite("Consumer groups: at-least-once, never again once acknowledged", .timeLimit(.minutes(2)))
struct ConsumerGroupTests {
    @Test("a restarted member resumes exactly after the last acknowledged offset, even when acks came out of order")
    func restartResumesAfterAcknowledged() async throws {
        let kafka = try TestCluster()
        try kafka.cluster.createTopic("restart", partitions: 1)
        #expect(try await kafka.produce(1_000, to: "restart") == 0)

        let first = try kafka.consumer(group: "restart", topics: ["restart"], drainTimeout: .milliseconds(300))
        let received = try await consume(first, timeout: .seconds(30), acknowledge: false) { $0.count >= 1_000 }
        // Acknowledge 0..<600 backwards, plus 700 and 800: the gap at 600 keeps the commit at 600.
        let acknowledged =
            received.filter { $0.offset < 600 }.reversed() + received.filter { [700, 800].contains($0.offset) }
        for message in acknowledged {
            first.acknowledge(message)
        }
        await first.shutdown()

        let second = try kafka.consumer(group: "restart", topics: ["restart"])
        let resumed = try await consume(second, timeout: .seconds(30)) { $0.count >= 400 }
        await second.shutdown()
        #expect(resumed.first?.offset == 600)
        #expect(resumed.count == 400)
        #expect(Set(resumed.map(\.offset)).count == resumed.count)
    }

    @Test("two members share the partitions; one leaving hands its partitions over without repeating acknowledged work")
    func membersShareAndHandOver() async throws {
        let kafka = try TestCluster()
        try kafka.cluster.createTopic("shared", partitions: 4)
        let seen = Tally()
        // The mock coordinator waits session.timeout - 1 s for members to rejoin after any change. A member that
        // leaves says so and its partitions move after that wait; one that vanished silently would first have to
        // be missed for a whole session timeout. The longer timeout here keeps those two far apart, so that a
        // loaded machine cannot make a clean hand-over look like a silent one.
        let session = Duration.seconds(10)
        let rebalanceWait = session - .seconds(1)

        let a = try kafka.consumer(group: "shared", topics: ["shared"], sessionTimeout: session)
        let readerA = seen.read(a)
        try await waitUntil(timeout: .seconds(20)) { a.assignment.count == 4 }
        let b = try kafka.consumer(group: "shared", topics: ["shared"], sessionTimeout: session)
        let readerB = seen.read(b)
        // The second member's join waits out the rejoin window, and longer while the other suites' clusters and
        // processes load the machine: the whole suite runs beside this test in CI.
        try await waitUntil(timeout: .seconds(60)) {
            !b.assignment.isEmpty && a.assignment.count + b.assignment.count == 4
        }
        #expect(Set(a.assignment).isDisjoint(with: b.assignment))
        #expect(a.assignment.count == 2 && b.assignment.count == 2)

        #expect(try await kafka.produce(2_000, to: "shared", prefix: "before") == 0)
        try await waitUntil(timeout: .seconds(30)) { seen.distinct == 2_000 }

        let leaving = ContinuousClock.now
        await a.shutdown()
        _ = await readerA.result
        try await waitUntil(timeout: .seconds(40)) { b.assignment.count == 4 }
        // Said: about the rejoin wait, 9 s. Silent: a session timeout more, nearly 19 s (18.8 s measured with a
        // static member, which closes without a word). The bound sits between, with 8 s of room for a loaded
        // machine, and still fails a member that leaves silently.
        let handover = ContinuousClock.now - leaving
        #expect(handover < session + rebalanceWait - .seconds(2), "hand-over took \(handover)")
        #expect(try await kafka.produce(2_000, to: "shared", prefix: "after") == 0)
        try await waitUntil(timeout: .seconds(30)) { seen.distinct == 4_000 }
        // Let any redelivery show up before judging.
        try await Task.sleep(for: .seconds(1))
        await b.shutdown()
        _ = await readerB.result

        let counts = seen.snapshot
        #expect(counts.count == 4_000)
        #expect(
            counts.values.allSatisfy { $0 == 1 }, "\(counts.filter { $0.value > 1 }.count) messages delivered twice")
    }

    @Test("a paused consumer receives nothing until resumed")
    func pauseAndResume() async throws {
        let kafka = try TestCluster()
        try kafka.cluster.createTopic("paused", partitions: 2)
        let consumer = try kafka.consumer(group: "paused", topics: ["paused"])
        try await waitUntil(timeout: .seconds(20)) { consumer.assignment.count == 2 }
        consumer.pause()
        try await Task.sleep(for: .milliseconds(300))
        #expect(try await kafka.produce(100, to: "paused") == 0)
        let counted = Atomic<Int>(0)
        let reader = Task {
            for try await batch in consumer.batches {
                counted.add(batch.count, ordering: .relaxed)
                consumer.acknowledge(batch.map(\.position))
            }
        }
        try await Task.sleep(for: .seconds(1))
        #expect(counted.load(ordering: .relaxed) == 0)
        consumer.resume()
        try await waitUntil(timeout: .seconds(20)) { counted.load(ordering: .relaxed) == 100 }
        await consumer.shutdown()
        _ = await reader.result
    }

    @Test("a slow reader gets back-pressure: the buffer stays bounded and nothing is lost")
    func backPressure() async throws {
        let kafka = try TestCluster()
        #expect(try await kafka.produce(20_000, to: "slow") == 0)
        let consumer = try KafkaConsumer(
            configuration: KafkaConsumerConfiguration(
                kafka: kafka.kafka,
                groupID: "slow",
                topics: ["slow"],
                sessionTimeout: .milliseconds(6000),
                maxBufferedMessages: 500,
                maxBatchSize: 100
            ),
            logger: kafka.logger
        )
        var received = Set<String>()
        var maxOutstanding = 0
        for try await batch in consumer.batches {
            maxOutstanding = max(maxOutstanding, consumer.outstandingMessages)
            received.formUnion(batch.map(\.text))
            consumer.acknowledge(batch.map(\.position))
            if received.count < 2_000 { try await Task.sleep(for: .milliseconds(2)) }
            if received.count == 20_000 { break }
        }
        await consumer.shutdown()
        #expect(received.count == 20_000)
        // Buffered plus one batch in the reader's hands, with slack for the batch being polled when the limit hit.
        #expect(maxOutstanding <= 500 + 2 * 100)
    }

    @Test("a subscribed topic that does not exist is reported, and consumed within seconds of its creation")
    func topicCreatedLater() async throws {
        let kafka = try TestCluster()
        // The embedded broker creates topics on first use: it is told to answer that this one does not exist.
        try kafka.cluster.createTopic("late", partitions: 2)
        kafka.cluster.setTopicError("late", .unknownTopicOrPartition)
        let consumer = try kafka.consumer(group: "late", topics: ["late"])
        let seen = Tally()
        let reader = seen.read(consumer)
        try await waitUntil(timeout: .seconds(20)) { consumer.missingTopics == ["late"] }
        #expect(consumer.assignment.isEmpty)
        kafka.cluster.setTopicError("late", nil)
        let created = ContinuousClock.now
        try await waitUntil(timeout: .seconds(40)) { consumer.assignment.count == 2 }
        // librdkafka's own refresh would take up to 5 minutes; the consumer asks every 5 s.
        #expect(ContinuousClock.now - created < .seconds(30))
        #expect(consumer.missingTopics.isEmpty)
        #expect(try await kafka.produce(10, to: "late") == 0)
        try await waitUntil(timeout: .seconds(20)) { seen.distinct == 10 }
        await consumer.shutdown()
        _ = await reader.result
    }
}
