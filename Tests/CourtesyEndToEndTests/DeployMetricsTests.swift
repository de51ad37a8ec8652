import Foundation
import Testing

/// The shipped Grafana dashboard and alert rules query only metrics the services really export.
@Suite("The deploy files' dashboard and alerts name only exported metrics", .timeLimit(.minutes(2)))
struct DeployMetricsTests {
    /// Series Prometheus itself makes for each target, which no service exports.
    private static let prometheusSeries: Set<String> = ["up"]

    private static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The metric names in the dashboard's queries and in the alert rules, by the file naming them.
    private static func references() throws -> [String: Set<String>] {
        let dashboardURL = repository.appendingPathComponent("deploy/grafana/dashboards/courtesy.json")
        let dashboard = try JSONSerialization.jsonObject(with: Data(contentsOf: dashboardURL))
        let alerts = try String(
            contentsOf: repository.appendingPathComponent("deploy/prometheus/alerts.yaml"), encoding: .utf8)
        var found: [String: Set<String>] = [:]
        for (file, expressions) in [
            ("courtesy.json", MetricReferences.dashboardExpressions(dashboard)),
            ("alerts.yaml", MetricReferences.ruleExpressions(inRulesFile: alerts)),
        ] {
            found[file] = expressions.reduce(into: Set<String>()) {
                $0.formUnion(MetricReferences.metricNames(inPromQL: $1))
            }
        }
        return found
    }

    @Test("query parsing finds metric names, not functions, keywords or labels")
    func parsing() {
        let names = MetricReferences.metricNames(
            inPromQL: #"""
                histogram_quantile(0.95, sum by (le, route) (rate(a_seconds_bucket{le=~"3(\\.0)?"}[$__rate_interval])))
                / on(job) group_left(topic) b_total offset 15m > bool 3 and max without (x) (c:recorded) unless d
                """#)
        #expect(names == ["a_seconds_bucket", "b_total", "c:recorded", "d"])
        let rules = MetricReferences.ruleExpressions(
            inRulesFile: """
                groups:
                  - rules:
                      - alert: A
                        expr: x_total > 0
                      - alert: B
                        expr: |
                          (y_total > 1)
                          and z
                        for: 5m
                """)
        #expect(rules.count == 2)
        #expect(
            rules.reduce(into: Set<String>()) { $0.formUnion(MetricReferences.metricNames(inPromQL: $1)) } == [
                "x_total", "y_total", "z",
            ])
    }

    @Test("a misspelt metric, a bare histogram name or a counter's _count is refused")
    func refusals() {
        let exposition = MetricReferences.Exposition([
            """
            # TYPE courtesy_drafts_total counter
            courtesy_drafts_total{intent="complaint"} 1
            # TYPE courtesy_mention_to_draft_seconds histogram
            courtesy_mention_to_draft_seconds_bucket{le="0.1"} 1
            courtesy_mention_to_draft_seconds_sum 0.01
            courtesy_mention_to_draft_seconds_count 1
            """
        ])
        #expect(exposition.problem(with: "courtesy_drafts_total") == nil)
        #expect(exposition.problem(with: "courtesy_mention_to_draft_seconds_bucket") == nil)
        #expect(exposition.problem(with: "courtesy_draft_total") != nil)
        #expect(exposition.problem(with: "courtesy_mention_to_draft_seconds") != nil)
        #expect(exposition.problem(with: "courtesy_drafts_total_count") != nil)
    }

    @Test(
        "every metric the dashboard and the alerts query is on a live responder's, desk's or publisher's /metrics",
        .enabled(if: Tool.find("kcat") != nil, "kcat is not installed (apt-get install kcat)")
    )
    func liveScrape() async throws {
        let references = try Self.references()
        #expect((references["courtesy.json"] ?? []).count >= 15, "the dashboard's queries: \(references)")
        #expect((references["alerts.yaml"] ?? []).count >= 7, "the alerts' queries: \(references)")

        let loop = try await LoopHarness(kcat: try #require(Tool.find("kcat")))
        defer { loop.shutdown() }
        // The Kafka adapter's gauges come from librdkafka's statistics: every 500 ms here.
        let statistics = ["--kafka-property", "statistics.interval.ms=500"]
        let desk = try await loop.startDesk(arguments: statistics)
        let responder = try await loop.startResponder(name: "responder", arguments: statistics)
        let sink = try await loop.start(
            name: "webhook-sink", ["webhook-sink", "--port", "0"], urlPrefix: "webhook: ")
        let publisher = try await loop.startPublisher(
            name: "publisher", arguments: ["--webhook", sink.base.absoluteString] + statistics)

        // A draft (with a segment), a dead letter, then an approval: every metric has a reason to appear.
        try await loop.produce([
            LoopHarness.mention("d1", text: "my parcel is 5 days late and nobody answers"),
            "x:broken|not json at all",
        ])
        let pending = try await loop.waitForPending(1, at: desk, timeout: .seconds(20))
        let draft = try #require(pending.first)
        let approved = try await loop.post(
            desk.base.appendingPathComponent("v1/drafts/\(draft)/approve"), json: "{}", token: loop.approverToken)
        #expect(approved.status == 200, "approve: \(String(decoding: approved.body, as: UTF8.self))")
        // ...and the publisher posts the reply.
        let posted = ContinuousClock.now + .seconds(20)
        while try await loop.consume("courtesy.publications").isEmpty, ContinuousClock.now < posted {
            try await Task.sleep(for: .milliseconds(250))
        }

        let wanted = references.values.reduce(into: Set<String>()) { $0.formUnion($1) }
            .subtracting(Self.prometheusSeries)
        var problems: [String] = []
        // Consumer lag appears once the group has committed and the next statistics arrive.
        let deadline = ContinuousClock.now + .seconds(15)
        repeat {
            var texts: [String] = []
            for service in [responder, desk, publisher] {
                let (status, body) = try await loop.get(service.base.appendingPathComponent("metrics"))
                #expect(status == 200)
                texts.append(String(decoding: body, as: UTF8.self))
            }
            let exposition = MetricReferences.Exposition(texts)
            problems = wanted.sorted().compactMap { exposition.problem(with: $0) }
            if problems.isEmpty { break }
            try await Task.sleep(for: .milliseconds(250))
        } while ContinuousClock.now < deadline
        #expect(problems.isEmpty, "queried by the deploy files but not exported: \(problems)")
        // Names outside the catalogue's prefix would be neither ours nor Prometheus's.
        #expect(wanted.allSatisfy { $0.hasPrefix("courtesy_") }, "\(wanted.sorted())")
    }
}
