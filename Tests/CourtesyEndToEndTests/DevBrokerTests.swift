import Foundation
import Testing

@Suite("The courtesy binary with real external clients", .timeLimit(.minutes(2)))
struct DevBrokerTests {
    /// Starts `courtesy dev-broker` and returns it with its bootstrap address, read from the file it writes.
    private func startBroker() async throws -> (Process, String, URL) {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("bootstrap-\(UUID().uuidString)")
        let broker = Process()
        broker.executableURL = Tool.courtesy
        broker.arguments = ["dev-broker", "--bootstrap-file", file.path]
        broker.standardOutput = Pipe()
        broker.standardError = FileHandle.nullDevice
        try broker.run()
        // A start, not a measurement: a sanitizer's build of the binary takes seconds to begin.
        let deadline = ContinuousClock.now + .seconds(30)
        while ContinuousClock.now < deadline {
            if let text = try? String(contentsOf: file, encoding: .utf8), text.hasSuffix("\n") {
                return (broker, text.trimmingCharacters(in: .whitespacesAndNewlines), file)
            }
            try await Task.sleep(for: .milliseconds(50))
        }
        broker.terminate()
        throw CocoaError(.fileReadNoSuchFile)
    }

    @Test(
        "kcat produces to and consumes, in a consumer group, from courtesy dev-broker",
        .enabled(if: Tool.find("kcat") != nil, "kcat is not installed (apt-get install kcat)")
    )
    func kcatRoundTrip() async throws {
        let kcat = try #require(Tool.find("kcat"))
        let (broker, bootstrap, file) = try await startBroker()
        defer { broker.terminate() }
        #expect(bootstrap.hasPrefix("127.0.0.1:"))

        let lines = (1...50).map { "mention \($0)" }
        let produced = try await Process.run(
            kcat,
            ["-P", "-b", bootstrap, "-t", "kcat-demo", "-K", ":"],
            input: lines.map { "customer-\($0.count % 7):\($0)" }.joined(separator: "\n") + "\n"
        )
        #expect(produced.status == 0, "\(produced.error)")

        let consumed = try await Process.run(
            kcat,
            [
                "-b", bootstrap, "-G", "kcat-group", "-X", "auto.offset.reset=earliest", "-e", "-q", "-f", "%s\n",
                "kcat-demo",
            ],
            timeout: .seconds(60)
        )
        #expect(consumed.status == 0, "\(consumed.error)")
        #expect(Set(consumed.output.split(separator: "\n").map(String.init)) == Set(lines))

        broker.interrupt()
        #expect(await broker.exited() == 0)
        #expect(!FileManager.default.fileExists(atPath: file.path), "the bootstrap file is removed on exit")
    }

    @Test("an unknown --kafka-property fails at once, naming it")
    func unknownProperty() async throws {
        let started = ContinuousClock.now
        let result = try await Process.run(Tool.courtesy, ["kafka-check", "--kafka-property", "no.such.thing=1"])
        #expect(result.status != 0)
        #expect(result.error.contains("unknown Kafka property \"no.such.thing\""))
        // Under the 60 s a hang would take, with room for a loaded machine starting the binary (21 s was seen
        // with the whole suite on 2 cores).
        #expect(ContinuousClock.now - started < .seconds(45))
    }

    @Test("a malformed --kafka-property is refused")
    func malformedProperty() async throws {
        let result = try await Process.run(Tool.courtesy, ["kafka-check", "--kafka-property", "acks"])
        #expect(result.status != 0)
        #expect(result.error.contains("KEY=VALUE"))
    }

    @Test("an unreachable bootstrap fails within seconds with a clear message")
    func unreachableBootstrap() async throws {
        let started = ContinuousClock.now
        let result = try await Process.run(
            Tool.courtesy, ["kafka-check", "--bootstrap", "127.0.0.1:1", "--timeout", "2"])
        #expect(result.status != 0)
        #expect(result.error.contains("no answer from the Kafka cluster"))
        // librdkafka would retry for minutes; the 2 s timeout ends it, with room for a loaded machine
        // (about 3 s alone under ThreadSanitizer, 15 s beside the whole suite, 33 s beside it and a build).
        #expect(ContinuousClock.now - started < .seconds(60))
    }

    @Test("KAFKA_BOOTSTRAP is used when --bootstrap is absent")
    func bootstrapFromEnvironment() async throws {
        let (broker, bootstrap, _) = try await startBroker()
        defer { broker.terminate() }
        let process = Process()
        process.executableURL = Tool.courtesy
        process.arguments = ["kafka-check"]
        process.environment = ProcessInfo.processInfo.environment.merging(["KAFKA_BOOTSTRAP": bootstrap]) { $1 }
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let status = await process.exited()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(status == 0)
        #expect(text.contains("reached \(bootstrap)"))
        #expect(text.hasPrefix("librdkafka 2."), "\(text)")
        #expect(text.contains("broker API versions ("), "asked directly: \(text)")
        #expect(text.contains("Produce v0-") && text.contains("ApiVersions v0-"), "\(text)")
    }

    @Test(
        "topics create and check need a named cluster; without the admin API, create says what to do, check what is missing"
    )
    func topicsOnTheDevBroker() async throws {
        let unnamed = try await Process.run(Tool.courtesy, ["topics", "create"])
        #expect(unnamed.status == 64)
        #expect(unnamed.error.contains("--bootstrap HOST:PORT or KAFKA_BOOTSTRAP"), "\(unnamed.error)")

        let (broker, bootstrap, _) = try await startBroker()
        defer { broker.terminate() }
        let created = try await Process.run(
            Tool.courtesy, ["topics", "create", "--bootstrap", bootstrap, "--timeout", "20"])
        #expect(created.status == 64, "\(created.output) \(created.error)")
        #expect(created.error.contains("admin API"), "\(created.error)")
        #expect(created.error.contains("--topic NAME:PARTITIONS"), "\(created.error)")
        // Nothing to read settings from: every topic is reported missing, and nothing is changed.
        let checked = try await Process.run(
            Tool.courtesy, ["topics", "check", "--bootstrap", bootstrap, "--timeout", "20"])
        #expect(checked.status == 1, "\(checked.output) \(checked.error)")
        #expect(checked.output.contains("drift: courtesy.mentions does not exist"), "\(checked.output)")
        #expect(checked.output.contains("drift: courtesy.conversations does not exist"), "\(checked.output)")
    }
}
