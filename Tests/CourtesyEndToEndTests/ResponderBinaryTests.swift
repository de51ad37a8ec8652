import CourtesyLab
import Foundation
import TestHTTP
import Testing

@Suite("courtesy responder as a process: metrics, health, readiness", .timeLimit(.minutes(2)))
struct ResponderBinaryTests {
    /// Runs `courtesy responder` (on its own embedded broker unless `bootstrap` is given) and returns it with
    /// its metrics URL.
    private func startResponder(bootstrap: String? = nil, arguments: [String] = []) async throws -> (Process, URL) {
        let process = Process()
        process.executableURL = Tool.courtesy
        process.arguments =
            [
                "responder", "--http-port", "0", "--http-host", "127.0.0.1",
                "--kafka-property", "statistics.interval.ms=500",
            ] + (bootstrap.map { ["--bootstrap", $0] } ?? []) + arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let lines = LineCollector(output.fileHandleForReading)
        // Looked at once more after the deadline: a task woken late must not give up on a line already written.
        let deadline = ContinuousClock.now + .seconds(20)
        while true {
            let expired = ContinuousClock.now >= deadline
            if let line = lines.first(where: { $0.hasPrefix("metrics: ") }),
                let url = line.split(separator: " ").dropFirst().first.flatMap({ URL(string: String($0)) })
            {
                return (process, url)
            }
            if expired { break }
            try await Task.sleep(for: .milliseconds(50))
        }
        process.terminate()
        throw HarnessError("the responder printed no metrics address within 20 s")
    }

    private func get(_ url: URL) async throws -> (Int, String) {
        let response = try await TestHTTP.get(url.absoluteString)
        return (response.status, response.text)
    }

    @Test("/metrics passes promtool with HELP and TYPE for every metric; /healthz and /readyz answer")
    func metricsAndHealth() async throws {
        let (responder, metrics) = try await startResponder()
        defer { responder.terminate() }
        let base = metrics.deletingLastPathComponent()

        #expect(try await get(base.appendingPathComponent("healthz")).0 == 200)
        // Ready once the group has given this instance its partitions (a few seconds on the embedded broker).
        let deadline = ContinuousClock.now + .seconds(30)
        var ready = false
        while !ready, ContinuousClock.now < deadline {
            ready = try await get(base.appendingPathComponent("readyz")).0 == 200
            if !ready { try await Task.sleep(for: .milliseconds(200)) }
        }
        #expect(ready)

        // Statistics every 500 ms: wait for the adapter's gauges to appear too.
        var text = ""
        while ContinuousClock.now < deadline, !text.contains("courtesy_kafka_broker_rtt_seconds") {
            text = try await get(metrics).1
            try await Task.sleep(for: .milliseconds(200))
        }
        #expect(text.contains("# HELP courtesy_mentions_consumed_total"))
        #expect(text.contains("courtesy_kafka_broker_rtt_seconds"))
        #expect(text.contains(#"courtesy_tone_model_info{model="rules"}"#))

        let promtool = try #require(
            Tool.find("promtool"),
            "promtool is not installed (apt-get install prometheus); cannot check the exposition format"
        )
        let checked = try await Process.run(promtool, ["check", "metrics"], input: text)
        #expect(checked.status == 0, "promtool: \(checked.output) \(checked.error)")

        responder.interrupt()
        #expect(await responder.exited() == 0)
    }
}

extension ResponderBinaryTests {
    @Test("with --tone-model, /metrics names the model by the identifier drafts record")
    func toneModelLabel() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "courtesy-model-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let model = folder.appendingPathComponent("tone.model").path
        let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("ToneCorpus/tone-corpus.pt.tsv")
        let trained = try await Process.run(
            Tool.courtesy, ["train", "--corpus", corpus.path, "--output", model, "--quiet"], timeout: .seconds(90))
        #expect(trained.status == 0, "\(trained.error)")
        let identifier = try #require(
            trained.output.split(separator: " ").drop { $0 != "model" }.dropFirst().first.map { String($0.prefix(12)) })

        let (responder, metrics) = try await startResponder(arguments: ["--tone-model", model])
        defer { responder.terminate() }
        let text = try await get(metrics).1
        #expect(text.contains(#"courtesy_tone_model_info{model="\#(identifier)"}"#), "\(identifier)")
        #expect(!text.contains(#"model="rules""#))
    }

    @Test(
        "drafts by intent, priority and topic, and dead letters by reason, move on /metrics",
        .enabled(if: Tool.find("kcat") != nil, "kcat is not installed (apt-get install kcat)")
    )
    func countersMove() async throws {
        let kcat = try #require(Tool.find("kcat"))
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("bootstrap-\(UUID().uuidString)")
        let broker = Process()
        broker.executableURL = Tool.courtesy
        broker.arguments = ["dev-broker", "--bootstrap-file", file.path]
        broker.standardOutput = FileHandle.nullDevice
        broker.standardError = FileHandle.nullDevice
        try broker.run()
        defer { broker.terminate() }
        var bootstrap = ""
        while bootstrap.isEmpty {
            try await Task.sleep(for: .milliseconds(50))
            bootstrap =
                (try? String(contentsOf: file, encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        }
        let (responder, metrics) = try await startResponder(bootstrap: bootstrap)
        defer { responder.terminate() }

        func mention(_ id: String, _ text: String) -> String {
            #"x:\#(id)|{"schema":"courtesy.mention/v1","id":"\#(id)","platform":"x","brand":"acme","author":{"id":"\#(id)","handle":"c\#(id)","displayName":"Maria Lopez"},"text":"\#(text)","createdAt":"2026-11-23T10:00:00Z"}"#
        }
        let input = [
            mention("1", "my parcel never arrived and nobody answers, this is terrible"),
            mention("2", "thank you so much, the crew was wonderful and kind"),
            "x:3|this is not an event",
        ]
        let produced = try await Process.run(
            kcat, ["-P", "-b", bootstrap, "-t", "courtesy.mentions", "-K", "|"],
            input: input.joined(separator: "\n") + "\n")
        #expect(produced.status == 0)

        let deadline = ContinuousClock.now + .seconds(40)
        var text = ""
        while ContinuousClock.now < deadline,
            !(text.contains(#"courtesy_dead_letters_total{reason="malformed-json"} 1"#)
                && text.contains(#"courtesy_drafts_total{intent="compliment""#)
                && text.contains("courtesy_mentions_consumed_total 3"))
        {
            try await Task.sleep(for: .milliseconds(200))
            text = try await get(metrics).1
        }
        #expect(text.contains("courtesy_mentions_consumed_total 3"))
        #expect(text.contains(#"courtesy_dead_letters_total{reason="malformed-json"} 1"#))
        let drafted = text.split(separator: "\n").filter { $0.hasPrefix("courtesy_drafts_total{") }
            .compactMap { $0.split(separator: " ").last.flatMap { Double($0) } }.reduce(0, +)
        #expect(drafted == 2)
        #expect(text.contains(#"intent="complaint""#) && text.contains(#"intent="compliment""#))
        #expect(text.contains(#"courtesy_draft_topics_total{topic="delivery"} 1"#))
    }
}
