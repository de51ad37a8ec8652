import CourtesyCore
import CourtesyKafka
import Logging
import Testing

@testable import CourtesyServices

@Suite("A missing input topic: named until it exists, then consumed", .timeLimit(.minutes(2)))
struct MissingInputTopicTests {
    @Test("readiness names the missing topic and the command that creates it; drafting starts within seconds of it")
    func namedThenConsumed() async throws {
        var logger = Logger(label: "test")
        logger.logLevel = .critical
        let cluster = try EmbeddedKafkaCluster()
        try cluster.createTopic("courtesy.mentions", partitions: 1)
        try cluster.createTopic("courtesy.conversations", partitions: 1)
        // The embedded broker creates topics on first use: told to answer that this one does not exist.
        cluster.setTopicError("courtesy.mentions", .unknownTopicOrPartition)
        let kafka = KafkaConfiguration(bootstrapServers: cluster.bootstrapServers, statisticsInterval: nil)
        let service = ResponderService(
            kafka: kafka, configuration: ResponderServiceConfiguration(sessionTimeout: .seconds(6)),
            responder: try Responder(configuration: ResponderConfiguration()), logger: logger)
        let running = Task { try await service.run() }

        var reason: String?
        let deadline = ContinuousClock.now + .seconds(30)
        while ContinuousClock.now < deadline {
            reason = await service.notReady()
            if reason?.contains("does not exist") == true { break }
            try await Task.sleep(for: .milliseconds(200))
        }
        #expect(reason?.contains("the input topic courtesy.mentions does not exist") == true, "\(reason ?? "ready")")
        #expect(reason?.contains("courtesy topics create") == true)

        cluster.setTopicError("courtesy.mentions", nil)
        let created = ContinuousClock.now
        while await !service.isReady(), ContinuousClock.now - created < .seconds(60) {
            try await Task.sleep(for: .milliseconds(200))
        }
        // librdkafka's own metadata refresh would take up to 5 minutes; the consumer asks every 5 s.
        #expect(await service.isReady())
        #expect(ContinuousClock.now - created < .seconds(40))
        service.stop()
        try await running.value
    }
}
