import CourtesyCommandSupport
import Foundation
import Testing

@Suite(
    "A real Prometheus server scrapes every service",
    .timeLimit(.minutes(2)),
    .enabled(if: Tool.find("kcat") != nil, "kcat is not installed (apt-get install kcat)"),
    .enabled(if: Tool.find("prometheus") != nil, "prometheus is not installed (apt-get install prometheus)"),
    .enabled(if: Tool.find("promtool") != nil, "promtool is not installed (apt-get install prometheus)")
)
struct PrometheusScrapeTests {
    @Test("promtool accepts each /metrics, and Prometheus scrapes the responder and the desk with up == 1")
    func scrape() async throws {
        let loop = try await LoopHarness(kcat: try #require(Tool.find("kcat")))
        defer { loop.shutdown() }
        let desk = try await loop.startDesk()
        let responder = try await loop.startResponder(name: "responder")
        try await loop.produce([LoopHarness.mention("p1", text: "the app keeps crashing, fix it please")])
        _ = try await loop.waitForPending(1, at: desk)

        let promtool = try #require(Tool.find("promtool"))
        for service in [responder, desk] {
            let text = try await loop.get(service.base.appendingPathComponent("metrics")).body
            let checked = try await Process.run(
                promtool, ["check", "metrics"], input: String(decoding: text, as: UTF8.self))
            #expect(checked.status == 0, "\(service.base): \(checked.output)\(checked.error)")
        }

        let port = try PortCheck.freePort()
        let targets = [responder, desk].map { "'\($0.base.host ?? "127.0.0.1"):\($0.base.port ?? 0)'" }
        let configuration = loop.directory.appendingPathComponent("prometheus.yml")
        try Data(
            """
            global:
              scrape_interval: 1s
            scrape_configs:
              - job_name: courtesy
                static_configs:
                  - targets: [\(targets.joined(separator: ", "))]
            """.utf8
        ).write(to: configuration)
        let server: URL = try #require(Tool.find("prometheus"))
        let prometheus = Process()
        prometheus.executableURL = server
        prometheus.arguments = [
            "--config.file=\(configuration.path)",
            "--storage.tsdb.path=\(loop.directory.appendingPathComponent("tsdb").path)",
            "--web.listen-address=127.0.0.1:\(port)",
        ]
        prometheus.standardOutput = FileHandle.nullDevice
        prometheus.standardError = FileHandle.nullDevice
        try prometheus.run()
        defer {
            // SIGKILL: a graceful stop would hold a shared thread while Prometheus closes its database.
            Foundation.kill(prometheus.processIdentifier, SIGKILL)
            prometheus.waitForExit()
        }

        let query = try #require(URL(string: "http://127.0.0.1:\(port)/api/v1/query?query=up"))
        var values: [String: String] = [:]
        let deadline = ContinuousClock.now + .seconds(60)
        while ContinuousClock.now < deadline {
            if let (status, body) = try? await loop.get(query), status == 200 {
                values = Self.upValues(body)
                if values.count == 2, values.values.allSatisfy({ $0 == "1" }) { break }
            }
            try await Task.sleep(for: .milliseconds(500))
        }
        #expect(values.count == 2, "Prometheus saw \(values)")
        #expect(values.values.allSatisfy { $0 == "1" }, "up by target: \(values)")
    }

    /// `up` by instance, from the query API's JSON.
    private static func upValues(_ body: Data) -> [String: String] {
        guard let object = try? JSONSerialization.jsonObject(with: body) as? [String: Any],
            let data = object["data"] as? [String: Any], let result = data["result"] as? [[String: Any]]
        else { return [:] }
        var values: [String: String] = [:]
        for series in result {
            guard let metric = series["metric"] as? [String: String], let instance = metric["instance"],
                let value = series["value"] as? [Any], let number = value.last as? String
            else { continue }
            values[instance] = number
        }
        return values
    }
}
