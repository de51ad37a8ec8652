import CoreMetrics
import Foundation
import Prometheus
import Testing

@testable import CourtesyServices

@Suite("The metric catalogue: help for every metric, documented")
struct MetricCatalogueTests {
    @Test("every catalogued metric is in docs/metrics.md with its labels")
    func documented() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let document = try String(contentsOf: root.appendingPathComponent("docs/metrics.md"), encoding: .utf8)
        for metric in MetricCatalogue.all {
            let row = try #require(
                document.split(separator: "\n").first { $0.contains("`\(metric.name)`") },
                "\(metric.name) is not in docs/metrics.md"
            )
            for label in metric.labels {
                #expect(row.contains("`\(label)`"), "\(metric.name)'s label \(label) is not documented")
            }
            #expect(row.contains(metric.kind.rawValue))
        }
    }

    @Test("metrics made through swift-metrics get their HELP line and buckets from the catalogue")
    func helpFromCatalogue() {
        let registry = PrometheusCollectorRegistry()
        let factory = DescribedPrometheusFactory(registry: registry)
        factory.makeCounter(label: ServiceMetricName.deadLetters, dimensions: [("reason", "oversized")]).increment(
            by: 2)
        factory.makeTimer(label: ServiceMetricName.mentionToDraft, dimensions: []).recordNanoseconds(3_000_000)
        let text = registry.emitToString()
        #expect(text.contains("# HELP courtesy_dead_letters_total Mentions refused"))
        #expect(text.contains(#"courtesy_dead_letters_total{reason="oversized"} 2"#))
        #expect(text.contains("# TYPE courtesy_mention_to_draft_seconds histogram"))
        #expect(text.contains(#"courtesy_mention_to_draft_seconds_bucket{le="0.005"} 1"#))
    }
}
