import CourtesyLab
import Foundation
import TestHTTP
import Testing

@Suite("courtesy demo: the whole loop in one command", .timeLimit(.minutes(2)))
struct DemoCommandTests {
    @Test("it prints full URLs and the approver's lines, drafts its sample mentions, and stops on Ctrl-C")
    func demo() async throws {
        let process = Process()
        process.executableURL = Tool.courtesy
        process.arguments = [
            "demo", "--desk-port", "0", "--responder-port", "0", "--publisher-port", "0", "--burst", "6", "--interval",
            "0",
        ]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        defer { if process.isRunning { process.terminate() } }
        let lines = LineCollector(output.fileHandleForReading)

        func value(after prefix: String) -> String? {
            lines.first { $0.trimmingCharacters(in: .whitespaces).hasPrefix(prefix) }
                .map { $0.trimmingCharacters(in: .whitespaces).dropFirst(prefix.count) }
                .flatMap { $0.split(separator: " ").first.map(String.init) }
        }
        var export: String?
        let deadline = ContinuousClock.now + .seconds(30)
        while export == nil, ContinuousClock.now < deadline {
            export = value(after: "export ")
            try await Task.sleep(for: .milliseconds(100))
        }
        let exported = try #require(lines.first { $0.contains("export COURTESY_DESK_URL=") })
        let desk = try #require(
            exported.split(separator: " ").first { $0.hasPrefix("COURTESY_DESK_URL=") }.map {
                String($0.dropFirst("COURTESY_DESK_URL=".count))
            })
        let token = try #require(
            exported.split(separator: " ").first { $0.hasPrefix("COURTESY_TOKEN=") }.map {
                String($0.dropFirst("COURTESY_TOKEN=".count))
            })
        #expect(desk.hasPrefix("http://127.0.0.1:"))
        #expect(lines.first { $0.contains("review next") } != nil)
        let responderMetrics = try #require(value(after: "responder metrics:"))
        let deskMetrics = try #require(value(after: "desk metrics:"))
        #expect(responderMetrics.hasPrefix("http://") && responderMetrics.hasSuffix("/metrics"))
        #expect(deskMetrics == desk + "/metrics")

        // Every sample mention becomes a draft at the desk.
        var pending = 0
        let drafted = ContinuousClock.now + .seconds(40)
        while pending < 6, ContinuousClock.now < drafted {
            if let response = try? await TestHTTP.get(desk + "/v1/summary", token: token), response.status == 200,
                let summary = try JSONSerialization.jsonObject(with: Data(response.body)) as? [String: Any]
            {
                pending = summary["pending"] as? Int ?? 0
            }
            if pending < 6 { try await Task.sleep(for: .milliseconds(300)) }
        }
        #expect(pending == 6)
        let metrics = try await TestHTTP.get(responderMetrics)
        #expect(metrics.text.contains("courtesy_mentions_consumed_total 6"))
        // Each service's /metrics holds its own metrics only: a scrape of all three counts nothing twice.
        let publisherMetrics = try #require(value(after: "publisher metrics:"))
        let deskText = try await TestHTTP.get(deskMetrics).text
        let publisherText = try await TestHTTP.get(publisherMetrics).text
        #expect(!metrics.text.contains("courtesy_desk_") && !metrics.text.contains("courtesy_publisher_"))
        #expect(deskText.contains("courtesy_desk_pending_drafts") && !deskText.contains("courtesy_mentions_consumed"))
        #expect(publisherText.contains("courtesy_publisher_posted_total") && !publisherText.contains("courtesy_desk_"))
        #expect(lines.first { $0.contains("KAFKA_BOOTSTRAP=127.0.0.1:") } != nil)

        // Stopping flushes and commits four services; the bound is loose for a machine loaded by the other suites.
        process.interrupt()
        let stopped = ContinuousClock.now + .seconds(45)
        while process.isRunning, ContinuousClock.now < stopped {
            try await Task.sleep(for: .milliseconds(100))
        }
        guard !process.isRunning else {
            Issue.record("the demo did not stop within 45 s of Ctrl-C")
            kill(process.processIdentifier, SIGKILL)
            await process.exited()
            return
        }
        #expect(await process.exited() == 0)
    }

    @Test("a port already taken is one clear sentence naming the option, before anything starts")
    func portInUse() async throws {
        let socket = Foundation.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(socket) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let listening = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { raw in
                bind(socket, raw, length) == 0 && listen(socket, 1) == 0 && getsockname(socket, raw, &length) == 0
            }
        }
        try #require(listening)
        let port = Int(UInt16(bigEndian: address.sin_port))
        let result = try await Process.run(
            Tool.courtesy, ["demo", "--desk-port", String(port), "--responder-port", "0", "--publisher-port", "0"],
            timeout: .seconds(20))
        #expect(result.status == 1)
        #expect(result.error.contains("port \(port) is already in use"))
        #expect(result.error.contains("--desk-port"))
    }
}
