import CourtesyKafka
import Testing

@Suite("Produce and consume through the adapter", .timeLimit(.minutes(2)))
struct RoundTripTests {
    @Test("100,000 messages: none lost, order kept within each partition")
    func hundredThousandMessages() async throws {
        let kafka = try TestCluster()
        let count = 100_000
        let failures = try await kafka.produce(count, to: "round-trip")
        #expect(failures == 0)

        let consumer = try kafka.consumer(group: "round-trip", topics: ["round-trip"])
        let received = try await consume(consumer, timeout: .seconds(60)) { $0.count >= count }
        await consumer.shutdown()

        #expect(received.count == count)
        #expect(Set(received.map(\.text)).count == count)
        // Within a partition, offsets rise by one and values of one key keep their production order.
        var lastOffset: [Int32: Int64] = [:]
        var lastIndexForKey: [String: Int] = [:]
        for message in received {
            if let previous = lastOffset[message.partition] {
                #expect(message.offset == previous + 1)
            }
            lastOffset[message.partition] = message.offset
            let key = String(decoding: message.key ?? [], as: UTF8.self)
            let index = Int(message.text.dropFirst(2)) ?? -1
            #expect(index > lastIndexForKey[key, default: -1])
            lastIndexForKey[key] = index
        }
        #expect(lastOffset.count == 4, "the mock cluster auto-creates 4 partitions")
    }

    @Test("sendAndAwait returns the partition and offset the broker assigned")
    func sendAndAwait() async throws {
        let kafka = try TestCluster()
        try kafka.cluster.createTopic("acknowledged", partitions: 1)
        let producer = try kafka.producer()
        let first = try await producer.sendAndAwait(KafkaProducerMessage(topic: "acknowledged", value: Array("a".utf8)))
        let second = try await producer.sendAndAwait(
            KafkaProducerMessage(
                topic: "acknowledged",
                value: Array("b".utf8),
                headers: [KafkaHeader(key: "reason", value: "test")]
            )
        )
        #expect(first.partition == 0 && second.partition == 0)
        #expect(second.offset == first.offset + 1)
        await producer.shutdown()

        let consumer = try kafka.consumer(group: "acknowledged", topics: ["acknowledged"])
        let received = try await consume(consumer, timeout: .seconds(30)) { $0.count >= 2 }
        await consumer.shutdown()
        #expect(received.map(\.text) == ["a", "b"])
        #expect(received.last?.headers == [KafkaHeader(key: "reason", value: "test")])
    }

    @Test("a send after shutdown fails instead of hanging")
    func sendAfterShutdown() async throws {
        let kafka = try TestCluster()
        let producer = try kafka.producer()
        await producer.shutdown()
        await #expect(throws: KafkaError.self) {
            try await producer.send(KafkaProducerMessage(topic: "closed", value: [1]))
        }
    }

    @Test("a full producer queue makes send wait instead of failing or growing")
    func producerBackPressure() async throws {
        let kafka = try TestCluster()
        try kafka.cluster.createTopic("bounded", partitions: 2)
        try kafka.cluster.setBrokerRoundTrip(1, .milliseconds(20))
        let delivered = Tally()
        let producer = try KafkaProducer(
            configuration: KafkaProducerConfiguration(
                kafka: kafka.kafka, linger: .milliseconds(1), maxQueuedMessages: 50),
            logger: kafka.logger
        ) { reports in
            delivered.record(values: reports.filter { $0.error == nil }.map { "\($0.token)" })
        }
        var deepest = 0
        for index in 0..<3_000 {
            try await producer.send(
                KafkaProducerMessage(topic: "bounded", value: [UInt8(index % 256)]), token: UInt64(index))
            deepest = max(deepest, producer.queuedMessages)
        }
        try await waitUntil(timeout: .seconds(60)) { delivered.distinct == 3_000 }
        await producer.shutdown()
        // rd_kafka_outq_len counts the messages librdkafka holds (at most the 50 allowed) plus delivery-report
        // events not yet served, so it may read a little over the bound; without back-pressure it would
        // reach the thousands.
        #expect(deepest <= 60)
    }
}
