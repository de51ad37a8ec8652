import CourtesyCore
import CourtesyKafka
import Foundation
import Logging
import Testing

@testable import CourtesyServices

@Suite("A fatal Kafka error stops the service: logged, then exit status 3", .timeLimit(.minutes(2)))
struct FatalKafkaErrorTests {
    /// The `courtesy` binary built beside the test bundle.
    private static let courtesy = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        .appendingPathComponent("courtesy")

    @Test(
        "an idempotent producer out of step with the broker: the responder exits 3 within 10 s of the fatal error",
        .enabled(if: FileManager.default.isExecutableFile(atPath: courtesy.path), "the courtesy binary is not built"))
    func responderExits() async throws {
        var logger = Logger(label: "test")
        logger.logLevel = .critical
        let cluster = try EmbeddedKafkaCluster()
        try cluster.createTopic("courtesy.mentions", partitions: 1)
        try cluster.createTopic("courtesy.conversations", partitions: 1)
        let kafka = KafkaConfiguration(bootstrapServers: cluster.bootstrapServers, statisticsInterval: nil)
        let producer = try KafkaProducer(configuration: KafkaProducerConfiguration(kafka: kafka), logger: logger)
        let mention =
            #"{"schema":"courtesy.mention/v1","id":"m-1","platform":"x","brand":"acme","#
            + #""author":{"id":"a-1","handle":"jane","displayName":"Jane Doe"},"#
            + #""text":"my parcel is late","createdAt":"2026-11-23T10:00:00Z"}"#
        _ = try await producer.sendAndAwait(
            KafkaProducerMessage(topic: "courtesy.mentions", key: Array("x:a-1".utf8), value: Array(mention.utf8)))
        await producer.shutdown()
        // The responder's first produce request is answered as if its producer had skipped a sequence number:
        // librdkafka's idempotent producer then raises a fatal error and sends nothing more.
        cluster.injectErrors([.outOfOrderSequenceNumber], into: .produce)

        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "courtesy-fatal-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let output = directory.appendingPathComponent("stdout")
        let log = directory.appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: output.path, contents: nil)
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        let process = Process()
        process.executableURL = Self.courtesy
        process.arguments = [
            "responder", "--bootstrap", cluster.bootstrapServers, "--http-host", "127.0.0.1", "--http-port", "0",
            "--session-timeout", "6", "--kafka-property", "heartbeat.interval.ms=500",
        ]
        process.standardOutput = try FileHandle(forWritingTo: output)
        process.standardError = try FileHandle(forWritingTo: log)
        try process.run()
        defer { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }
        func text(_ file: URL) -> String { (try? String(contentsOf: file, encoding: .utf8)) ?? "" }

        let deadline = ContinuousClock.now + .seconds(60)
        while process.isRunning, ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(50))
        }
        // terminationStatus traps on a process that still runs, ending every test in the bundle.
        guard !process.isRunning else {
            Issue.record("still running 60 s after it started: \(text(log).split(separator: "\n").suffix(20))")
            return
        }

        // Timed by the responder's own log, whose lines carry the second they were written: this test's task
        // may be kept waiting by other tests, the process is not.
        let lines = text(log).split(separator: "\n")
        func second(ofLineWith words: String) -> Date? {
            lines.first { $0.contains(words) }.flatMap { try? Date(String($0.prefix(24)), strategy: .iso8601) }
        }
        let raised = try #require(
            second(ofLineWith: "Kafka client cannot continue"), "no fatal error logged: \(lines.suffix(20))")
        let stopped = try #require(
            second(ofLineWith: "stopping: the Kafka client cannot continue"), "\(lines.suffix(20))")
        #expect(process.terminationStatus == 3, "\(lines.suffix(20))")
        #expect(
            stopped.timeIntervalSince(raised) < 10, "stopped \(stopped.timeIntervalSince(raised)) s after the error")
        #expect(text(output).contains("metrics: "), "served /metrics and /healthz until then")
    }

    @Test("the desk: a decision whose publication raises a fatal error stops it, with /healthz failing")
    func deskStops() async throws {
        var logger = Logger(label: "test")
        logger.logLevel = .critical
        let cluster = try EmbeddedKafkaCluster()
        let kafka = KafkaConfiguration(bootstrapServers: cluster.bootstrapServers, statisticsInterval: nil)
        let draft = try await DeskTestServer.publishDraft(kafka, logger: logger)

        let desk = DeskService(kafka: kafka, logger: logger)
        let running = Task { try await desk.run() }
        let deadline = ContinuousClock.now + .seconds(30)
        while await !desk.isReady(), ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(50))
        }
        #expect(await desk.isReady())
        #expect(desk.failure == nil)

        // The desk's producer has sent nothing yet: its first request is answered out of sequence.
        cluster.injectErrors([.outOfOrderSequenceNumber], into: .produce)
        _ = try? await desk.decide(
            draft.id, .approve(text: nil, reason: nil), by: Approver(name: "Sam Rivera", role: .approver),
            scope: .draft)
        let stopped = ContinuousClock.now
        let failure = await #expect(throws: KafkaError.self) { try await running.value }
        #expect(failure?.kind == .fatal, "\(String(describing: failure))")
        #expect(ContinuousClock.now - stopped < .seconds(10))
        #expect(desk.failure != nil, "/healthz fails")
        #expect(await !desk.isReady())
    }
}
