import CourtesyCore
import CourtesyKafka
import CourtesyServices
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
}
