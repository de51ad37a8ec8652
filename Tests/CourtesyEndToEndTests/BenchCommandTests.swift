import Foundation
import Testing

/// The benchmarks run to the end on small sizes and print their summary; their figures are not checked
/// (a benchmark is not a timed test).
@Suite("courtesy-lab bench pipeline and desk", .serialized, .timeLimit(.minutes(5)))
struct BenchCommandTests {
    @Test("bench pipeline --json ends with one JSON object holding the headline figures")
    func pipeline() async throws {
        let result = try await Process.run(
            Tool.courtesyLab,
            ["bench", "pipeline", "--mentions", "2000", "--offered", "1000", "--partitions", "4", "--json"],
            timeout: .seconds(240))
        #expect(result.status == 0, "\(result.error)")
        let object = try lastJSONLine(result.output)
        for key in ["mentionsPerSecond", "passthroughPerSecond", "ratioToPassthrough", "p99Millis", "peakRSSBytes"] {
            #expect(object[key] is NSNumber, "missing \(key) in \(object)")
        }
        // peakRSSBytes is the responder's own process, measured apart from the bench's.
        #expect((object["peakRSSBytes"] as? NSNumber)?.intValue ?? 0 > 0)
        #expect((object["benchProcessPeakRSSBytes"] as? NSNumber)?.intValue ?? 0 > 0)
        // Drafting costs CPU: a phase that read no CPU clock would say 0.
        #expect((object["cpuMicrosPerMention"] as? NSNumber)?.doubleValue ?? 0 > 0)
        #expect((object["passthroughCPUMicrosPerMention"] as? NSNumber)?.doubleValue ?? 0 > 0)
        #expect(result.output.contains("passthrough"))
        #expect(result.error.contains("responder process: peak RSS"))
        #expect(result.error.contains("responder"))
    }

    @Test("bench desk measures list, approve and rebuild and exits 0")
    func desk() async throws {
        let result = try await Process.run(
            Tool.courtesyLab,
            [
                "bench", "desk", "--pending", "300", "600", "--lists", "3", "--approvals", "5", "--rebuild", "1000",
                "--partitions", "4", "--json",
            ],
            timeout: .seconds(240))
        #expect(result.status == 0, "\(result.error)")
        let object = try lastJSONLine(result.output)
        for key in [
            "list300Limit100P50Millis", "list600Limit1000P99Millis", "approveP50Millis", "approveP99Millis",
            "rebuildSeconds",
        ] {
            #expect(object[key] is NSNumber, "missing \(key) in \(object)")
        }
        #expect((object["rebuildEvents"] as? NSNumber)?.intValue ?? 0 >= 1000)
    }

    private func lastJSONLine(_ output: String) throws -> [String: Any] {
        let line = try #require(output.split(separator: "\n").last)
        return try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
    }
}
