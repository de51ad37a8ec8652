import CourtesyKafka
import Testing

@Suite("Reading whole topics from the beginning", .timeLimit(.minutes(1)))
struct TopicReaderTests {
    @Test("a reader sees every message of every partition, knows where the topics ended, and follows them")
    func readsEverythingThenFollows() async throws {
        let kafka = try TestCluster()
        try kafka.cluster.createTopic("reader.a", partitions: 3)
        try kafka.cluster.createTopic("reader.b", partitions: 2)
        let producer = try kafka.producer()
        for index in 0..<300 {
            let topic = index.isMultiple(of: 3) ? "reader.b" : "reader.a"
            _ = try await producer.sendAndAwait(
                KafkaProducerMessage(topic: topic, key: Array("k\(index % 7)".utf8), value: Array("m\(index)".utf8)))
        }

        let reader = try await KafkaTopicReader(
            configuration: KafkaTopicReaderConfiguration(kafka: kafka.kafka, topics: ["reader.a", "reader.b"]),
            logger: kafka.logger)
        #expect(reader.endOffsets.count == 5)
        #expect(reader.backlog == 300)

        var seen: [String] = []
        var positions: [KafkaTopicPartition: Int64] = [:]
        var caughtUp = false
        var followed = false
        for try await batch in reader.batches {
            for message in batch.messages {
                seen.append(String(decoding: message.value, as: UTF8.self))
                positions[KafkaTopicPartition(topic: message.topic, partition: message.partition)] = message.offset + 1
            }
            for (partition, offset) in batch.reachedEnd {
                positions[partition] = max(positions[partition] ?? 0, offset)
            }
            if !caughtUp, reader.endOffsets.allSatisfy({ positions[$0.key, default: 0] >= $0.value }) {
                caughtUp = true
                #expect(seen.count == 300)
                _ = try await producer.sendAndAwait(KafkaProducerMessage(topic: "reader.a", value: Array("late".utf8)))
            }
            if seen.contains("late") {
                followed = true
                break
            }
        }
        await reader.shutdown()
        await producer.shutdown()
        #expect(caughtUp && followed)
        #expect(Set(seen).count == 301)
    }

    @Test("empty and new topics: the reader creates them and is caught up at once")
    func emptyTopics() async throws {
        let kafka = try TestCluster()
        let reader = try await KafkaTopicReader(
            configuration: KafkaTopicReaderConfiguration(kafka: kafka.kafka, topics: ["reader.fresh"]),
            logger: kafka.logger)
        #expect(reader.backlog == 0)
        #expect(reader.endOffsets.count == 4, "the mock cluster creates topics with 4 partitions")
        #expect(try await reader.readToEnd().isEmpty)
        await reader.shutdown()
    }

    @Test("readToEnd returns what the topics held at start, and stops there")
    func readToEnd() async throws {
        let kafka = try TestCluster()
        try kafka.cluster.createTopic("reader.snapshot", partitions: 3)
        let producer = try kafka.producer()
        for index in 0..<90 {
            _ = try await producer.sendAndAwait(
                KafkaProducerMessage(
                    topic: "reader.snapshot", key: Array("k\(index)".utf8), value: Array("\(index)".utf8)))
        }
        let reader = try await KafkaTopicReader(
            configuration: KafkaTopicReaderConfiguration(kafka: kafka.kafka, topics: ["reader.snapshot"]),
            logger: kafka.logger)
        _ = try await producer.sendAndAwait(KafkaProducerMessage(topic: "reader.snapshot", value: Array("later".utf8)))
        let messages = try await reader.readToEnd()
        await reader.shutdown()
        await producer.shutdown()
        #expect(messages.count == 90)
        #expect(Set(messages.map { String(decoding: $0.value, as: UTF8.self) }) == Set((0..<90).map(String.init)))
    }

    @Test("a reader of chosen partitions reads only those, to where they ended; a partition the topic lacks is refused")
    func chosenPartitions() async throws {
        let kafka = try TestCluster()
        try kafka.cluster.createTopic("reader.partitions", partitions: 3)
        let producer = try kafka.producer()
        for index in 0..<60 {
            _ = try await producer.sendAndAwait(
                KafkaProducerMessage(
                    topic: "reader.partitions", partition: Int32(index % 3), value: Array("\(index)".utf8)))
        }
        let reader = try await KafkaTopicReader(
            configuration: KafkaTopicReaderConfiguration(
                kafka: kafka.kafka, topics: ["reader.partitions"], partitions: [0, 2]),
            logger: kafka.logger)
        #expect(reader.partitionCounts == ["reader.partitions": 3])
        #expect(Set(reader.endOffsets.keys.map(\.partition)) == [0, 2])
        var runs = 0
        var read: [KafkaMessage] = []
        try await reader.readToEnd { messages in
            runs += 1
            read += messages
        }
        await reader.shutdown()
        #expect(runs >= 1)
        #expect(read.count == 40)
        #expect(read.allSatisfy { $0.partition != 1 })
        #expect(Set(read.map { Int(String(decoding: $0.value, as: UTF8.self))! % 3 }) == [0, 2])

        await #expect(throws: KafkaError.self) {
            _ = try await KafkaTopicReader(
                configuration: KafkaTopicReaderConfiguration(
                    kafka: kafka.kafka, topics: ["reader.partitions"], partitions: [3]),
                logger: kafka.logger)
        }
        await producer.shutdown()
    }
}
