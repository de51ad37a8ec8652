import CourtesyCore
import CourtesyKafka
import CourtesyLocking
import CourtesyServices
import Crypto
import Foundation
import HostileCorpus
import Logging
import Testing

@Suite("Hostile input through the responder service on the embedded broker", .timeLimit(.minutes(2)))
struct HostileResponderServiceTests {
    private let logger: Logger = {
        var logger = Logger(label: "test")
        logger.logLevel = ProcessInfo.processInfo.environment["COURTESY_TEST_LOG"] == nil ? .critical : .debug
        return logger
    }()

    /// Every message of `topic` from the beginning, read by a fresh group, until `count` have arrived.
    private func read(_ topic: String, count: Int, kafka: KafkaConfiguration) async throws -> [KafkaMessage] {
        var settings = KafkaConsumerConfiguration(
            kafka: kafka, groupID: "reader-\(UUID().uuidString)", topics: [topic], sessionTimeout: .seconds(6))
        settings.kafka.properties["heartbeat.interval.ms"] = "500"
        let consumer = try KafkaConsumer(configuration: settings, logger: logger)
        let received = Collected()
        let reader = Task {
            for try await batch in consumer.batches {
                received.append(batch)
                consumer.acknowledge(batch)
            }
        }
        let deadline = ContinuousClock.now + .seconds(60)
        while received.count < count, ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(50))
        }
        try await Task.sleep(for: .milliseconds(500))
        await consumer.shutdown()
        try await reader.value
        return received.messages
    }

    @Test("every hostile event gives a safe draft or a dead letter with its reason; nothing is lost, nothing hangs")
    func corpus() async throws {
        // 10 MB is over the broker's message size; the largest event a producer may send stands in for it.
        let large = HostileMention(
            "text-900KB",
            HostileMention.event(text: "\"" + String(repeating: "my parcel is late ", count: 50_000) + "\""),
            expected: .refused("oversized"))
        let corpus = HostileMention.corpus + [large]
        let cluster = try EmbeddedKafkaCluster()
        let kafka = KafkaConfiguration(bootstrapServers: cluster.bootstrapServers, statisticsInterval: nil)
        let producer = try KafkaProducer(configuration: KafkaProducerConfiguration(kafka: kafka), logger: logger)
        for (index, hostile) in corpus.enumerated() {
            try await producer.send(
                KafkaProducerMessage(
                    topic: "courtesy.mentions", key: Array("x:h-\(index % 7)".utf8), value: hostile.bytes))
        }

        let service = ResponderService(
            kafka: kafka, configuration: ResponderServiceConfiguration(sessionTimeout: .seconds(6)),
            responder: try Responder(configuration: ResponderConfiguration()), logger: logger)
        let running = Task { try await service.run() }
        let expectedDrafts = corpus.filter { $0.expected == .draft }.count
        let drafts = try await read("courtesy.drafts", count: expectedDrafts, kafka: kafka)
        let deadLetters = try await read("courtesy.mentions.dlq", count: corpus.count - expectedDrafts, kafka: kafka)
        service.stop()
        try await running.value
        await producer.shutdown()

        #expect(drafts.count == expectedDrafts)
        #expect(deadLetters.count == corpus.count - expectedDrafts)
        for draft in drafts {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(draft.value)) as? [String: Any])
            let text = try #require(object["text"] as? String)
            let name = (object["customer"] as? [String: Any])?["name"] as? String
            let problems = DraftSafety.problems(text: text, customerName: name)
            #expect(problems.isEmpty, "\(object["mentionId"] ?? "?"): \(problems) in \(text)")
        }
        for letter in deadLetters {
            let hostile = try #require(
                corpus.first { $0.bytes == Array(letter.value) }, "a dead letter keeps the bytes")
            let reason = letter.headers.first { $0.key == DeadLetterHeader.reason }?.value.map {
                String(decoding: $0, as: UTF8.self)
            }
            #expect(reason == hostile.expected.reason, "\(hostile.name)")
        }
    }

    /// A mention event of exactly `size` bytes whose text is "A"s: the shape of the reported poison record.
    private static func event(bytes size: Int, id: String) -> [UInt8] {
        let empty = HostileMention.event(id: "\"\(id)\"", text: "\"\"")
        let padding = size - empty.utf8.count
        return Array(
            HostileMention.event(id: "\"\(id)\"", text: "\"" + String(repeating: "A", count: padding) + "\"").utf8)
    }

    private static func header(_ name: String, of message: KafkaMessage) -> String? {
        message.headers.first { $0.key == name }?.value.map { String(decoding: $0, as: UTF8.self) }
    }

    @Test(
        "a record at the broker's limit, or with a key too large to draft under, is dead-lettered and drafting goes on")
    func poisonRecords() async throws {
        let cluster = try EmbeddedKafkaCluster()
        let kafka = KafkaConfiguration(bootstrapServers: cluster.bootstrapServers, statisticsInterval: nil)
        // Apache Kafka's default broker limit (1,048,588 bytes), the reported 1,000,151-byte mention, one just
        // over the responder's 64 KiB event limit, and a small mention under a 1 MB key; then a good one.
        let atBrokerLimit = Self.event(bytes: 1_048_588, id: "p-1")
        let reported = Self.event(bytes: 1_000_151, id: "p-2")
        let overEventLimit = Self.event(bytes: EventLimits.standard.maxEventBytes + 1, id: "p-3")
        let hugeKey = [UInt8](repeating: UInt8(ascii: "k"), count: 1_000_000)
        let inputs: [(key: [UInt8], value: [UInt8])] = [
            (Array("x:p".utf8), atBrokerLimit), (Array("x:p".utf8), reported), (Array("x:p".utf8), overEventLimit),
            (hugeKey, Array(HostileMention.event(id: "\"p-4\"").utf8)),
            (Array("x:p".utf8), Array(HostileMention.event(id: "\"p-5\"").utf8)),
        ]
        var producerKafka = kafka
        producerKafka.properties["message.max.bytes"] = "5000000"
        let producer = try KafkaProducer(
            configuration: KafkaProducerConfiguration(kafka: producerKafka), logger: logger)
        for input in inputs {
            try await producer.sendAndAwait(
                KafkaProducerMessage(topic: "courtesy.mentions", partition: 0, key: input.key, value: input.value))
        }
        await producer.shutdown()

        let service = ResponderService(
            kafka: kafka, configuration: ResponderServiceConfiguration(sessionTimeout: .seconds(6)),
            responder: try Responder(configuration: ResponderConfiguration()), logger: logger)
        let running = Task { try await service.run() }
        let drafts = try await read("courtesy.drafts", count: 1, kafka: kafka)
        let deadLetters = try await read("courtesy.mentions.dlq", count: 4, kafka: kafka)
        service.stop()
        try await running.value

        #expect(drafts.count == 1)
        #expect(
            drafts.first.map { String(decoding: $0.value, as: UTF8.self).contains("\"mentionId\":\"p-5\"") } == true)
        let letters = deadLetters.sorted {
            Int(Self.header(DeadLetterHeader.sourceOffset, of: $0) ?? "") ?? 0
                < Int(Self.header(DeadLetterHeader.sourceOffset, of: $1) ?? "") ?? 0
        }
        try #require(letters.count == 4)
        for (letter, original) in zip(letters[0...1], [atBrokerLimit, reported]) {
            #expect(Self.header(DeadLetterHeader.reason, of: letter) == "oversized")
            #expect(Self.header(DeadLetterHeader.truncated, of: letter) == "true")
            #expect(Self.header(DeadLetterHeader.originalSize, of: letter) == String(original.count))
            #expect(Self.header(DeadLetterHeader.originalSHA256, of: letter) == Self.sha256Hex(original))
            let keepsPrefix = letter.value.elementsEqual(original.prefix(4_096))
            #expect(keepsPrefix, "the first 4 KiB, not \(letter.value.count) bytes")
            #expect(letter.key.map { String(decoding: $0, as: UTF8.self) } == "x:p")
        }
        let keepsOriginal = letters[2].value.elementsEqual(overEventLimit)
        #expect(keepsOriginal, "a dead letter that fits keeps the original bytes")
        #expect(Self.header(DeadLetterHeader.truncated, of: letters[2]) == nil)
        #expect(Self.header(DeadLetterHeader.field, of: letters[3]) == "key")
        #expect(Self.header(DeadLetterHeader.originalKeySize, of: letters[3]) == "1000000")
        #expect(Self.header(DeadLetterHeader.originalKeySHA256, of: letters[3]) == Self.sha256Hex(hugeKey))
        #expect(letters[3].key.map(\.count) == 4_096)
    }

    @Test("a dead letter the broker refuses as too large is sent again, summarised, and its mention acknowledged")
    func deadLetterRefusedByTheBroker() async throws {
        let cluster = try EmbeddedKafkaCluster()
        let kafka = KafkaConfiguration(bootstrapServers: cluster.bootstrapServers, statisticsInterval: nil)
        let original = Self.event(bytes: 200_000, id: "p-6")
        let producer = try KafkaProducer(configuration: KafkaProducerConfiguration(kafka: kafka), logger: logger)
        try await producer.sendAndAwait(
            KafkaProducerMessage(topic: "courtesy.mentions", partition: 0, key: Array("x:p".utf8), value: original))
        await producer.shutdown()

        let acknowledged = Locked<[KafkaPosition]>([])
        let service = ResponderService(
            kafka: kafka, configuration: ResponderServiceConfiguration(sessionTimeout: .seconds(6)),
            responder: try Responder(configuration: ResponderConfiguration()), logger: logger,
            onAcknowledged: { positions in acknowledged.withLock { $0 += positions } })
        // The next produce request (the dead letter's: nothing else is produced) is refused as a topic with a
        // lower max.message.bytes would refuse it.
        cluster.injectErrors([.messageTooLarge], into: .produce)
        let running = Task { try await service.run() }
        let deadLetters = try await read("courtesy.mentions.dlq", count: 1, kafka: kafka)
        let deadline = ContinuousClock.now + .seconds(20)
        while acknowledged.withLock(\.isEmpty), ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(50))
        }
        service.stop()
        try await running.value

        try #require(deadLetters.count == 1)
        #expect(Self.header(DeadLetterHeader.truncated, of: deadLetters[0]) == "true")
        #expect(Self.header(DeadLetterHeader.originalSize, of: deadLetters[0]) == "200000")
        let keepsPrefix = deadLetters[0].value.elementsEqual(original.prefix(4_096))
        #expect(keepsPrefix, "the first 4 KiB, not \(deadLetters[0].value.count) bytes")
        #expect(acknowledged.withLock { $0 } == [KafkaPosition(topic: "courtesy.mentions", partition: 0, offset: 0)])
    }

    private static func sha256Hex(_ bytes: [UInt8]) -> String {
        SHA256.hash(data: bytes).map { String(format: "%02x", $0) }.joined()
    }
}
