import CourtesyCore
import CourtesyKafka
import CourtesyLocking
import CourtesyServices
import Foundation
import Logging
import Testing

@Suite("The responder service against the embedded broker", .timeLimit(.minutes(2)))
struct ResponderServiceTests {
    private let logger: Logger = {
        var logger = Logger(label: "test")
        logger.logLevel = ProcessInfo.processInfo.environment["COURTESY_TEST_LOG"] == nil ? .critical : .debug
        return logger
    }()

    private func mention(_ index: Int, text: String = "my parcel is late again, 3 days now") -> String {
        #"{"schema":"courtesy.mention/v1","id":"m-\#(index)","platform":"x","brand":"acme","#
            + #""author":{"id":"a-\#(index % 17)","handle":"user\#(index)","displayName":"Jane Doe"},"#
            + #""text":"\#(text)","createdAt":"2026-11-23T10:00:00Z"}"#
    }

    /// Every message of `topic` from the beginning, read by a fresh group, until `count` have arrived.
    private func read(_ topic: String, count: Int, kafka: KafkaConfiguration) async throws -> [KafkaMessage] {
        var settings = KafkaConsumerConfiguration(
            kafka: kafka,
            groupID: "reader-\(UUID().uuidString)",
            topics: [topic],
            sessionTimeout: .seconds(6)
        )
        settings.kafka.properties["heartbeat.interval.ms"] = "500"
        let consumer = try KafkaConsumer(configuration: settings, logger: logger)
        let received = Collected()
        let reader = Task {
            for try await batch in consumer.batches {
                received.append(batch)
                consumer.acknowledge(batch)
            }
        }
        let deadline = ContinuousClock.now + .seconds(40)
        while received.count < count, ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(50))
        }
        // Anything past `count` (a duplicate) has time to show up too.
        try await Task.sleep(for: .milliseconds(500))
        await consumer.shutdown()
        try await reader.value
        return received.messages
    }

    private func mentionIDs(_ drafts: [KafkaMessage]) -> [String] {
        drafts.compactMap { draft in
            do {
                let object = try JSONSerialization.jsonObject(with: Data(draft.value)) as? [String: Any]
                return object?["mentionId"] as? String
            } catch {
                Issue.record(
                    "a draft is not JSON (\(error)): \(String(decoding: draft.value.prefix(400), as: UTF8.self))")
                return nil
            }
        }
    }

    @Test("one draft per mention, bad input to the dead-letter topic with its reason, offsets committed")
    func draftsAndDeadLetters() async throws {
        let cluster = try EmbeddedKafkaCluster()
        let kafka = KafkaConfiguration(bootstrapServers: cluster.bootstrapServers, statisticsInterval: nil)
        let producer = try KafkaProducer(configuration: KafkaProducerConfiguration(kafka: kafka), logger: logger)
        var inputs: [[UInt8]] = (0..<200).map { Array(mention($0).utf8) }
        let bad: [(String, [UInt8])] = [
            ("malformed-json", Array("{not json".utf8)),
            ("unknown-schema", Array(mention(900).replacingOccurrences(of: "mention/v1", with: "mention/v9").utf8)),
            ("oversized", Array(mention(901, text: String(repeating: "a", count: 20_000)).utf8)),
            ("invalid-utf8", Array(mention(902, text: "bad").utf8).map { $0 == UInt8(ascii: "b") ? 0xFF : $0 }),
            ("missing-field", Array(mention(903).replacingOccurrences(of: #""id":"m-903","#, with: "").utf8)),
        ]
        inputs.insert(contentsOf: bad.map(\.1), at: 50)
        for (index, input) in inputs.enumerated() {
            let key = Array("x:a-\(index % 17)".utf8)
            try await producer.send(KafkaProducerMessage(topic: "courtesy.mentions", key: key, value: input))
        }

        let configuration = ResponderServiceConfiguration(sessionTimeout: .seconds(6))
        let builtResponder = try Responder(configuration: ResponderConfiguration())
        let service = ResponderService(
            kafka: kafka, configuration: configuration, responder: builtResponder, logger: logger)
        let running = Task { try await service.run() }

        let drafts = try await read("courtesy.drafts", count: 200, kafka: kafka)
        let deadLetters = try await read("courtesy.mentions.dlq", count: bad.count, kafka: kafka)
        service.stop()
        try await running.value

        #expect(drafts.count == 200)
        #expect(Set(mentionIDs(drafts)) == Set((0..<200).map { "m-\($0)" }))
        #expect(drafts.allSatisfy { $0.key.map { String(decoding: $0, as: UTF8.self).hasPrefix("x:a-") } == true })

        #expect(deadLetters.count == bad.count)
        func header(_ message: KafkaMessage, _ name: String) -> String? {
            message.headers.first { $0.key == name }?.value.map { String(decoding: $0, as: UTF8.self) }
        }
        #expect(deadLetters.compactMap { header($0, DeadLetterHeader.reason) }.sorted() == bad.map(\.0).sorted())
        for letter in deadLetters {
            #expect(header(letter, DeadLetterHeader.sourceTopic) == "courtesy.mentions")
            #expect(header(letter, DeadLetterHeader.sourceOffset) != nil)
            #expect(bad.contains { $0.1 == Array(letter.value) }, "the dead letter keeps the original bytes")
        }

        // A new instance of the group starts after everything the first one acknowledged.
        let again = ResponderService(
            kafka: kafka, configuration: configuration, responder: builtResponder, logger: logger)
        let rerun = Task { try await again.run() }
        for index in 200..<210 {
            try await producer.send(KafkaProducerMessage(topic: "courtesy.mentions", value: Array(mention(index).utf8)))
        }
        let all = try await read("courtesy.drafts", count: 210, kafka: kafka)
        try await Task.sleep(for: .seconds(1))
        again.stop()
        try await rerun.value
        await producer.shutdown()
        #expect(all.count == 210, "no mention drafted twice after the restart")
        #expect(Set(mentionIDs(all)) == Set((0..<210).map { "m-\($0)" }))
    }
}

/// Messages gathered by a reading task.
final class Collected: Sendable {
    private let storage = Locked<[KafkaMessage]>([])

    func append(_ batch: [KafkaMessage]) {
        storage.withLock { $0 += batch }
    }

    var count: Int { storage.withLock { $0.count } }
    var messages: [KafkaMessage] { storage.withLock { $0 } }
}
