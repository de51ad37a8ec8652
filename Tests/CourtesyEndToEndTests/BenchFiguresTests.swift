import Foundation
import Testing

@testable import CourtesyLab

@Suite("Benchmark figures: percentiles and the JSON summary line")
struct BenchFiguresTests {
    @Test("Percentiles are nearest-rank values that were really observed")
    func nearestRank() throws {
        let sample = LatencySample(nanoseconds: (1...1000).reversed().map { Int64($0) * 1_000_000 })
        let figures = try #require(sample.percentilesMillis([0.5, 0.99, 0.999, 1]))
        #expect(figures == [500, 990, 999, 1000])
    }

    @Test("Small samples: the median of two is the lower, p99 of ten is the largest")
    func smallSamples() {
        #expect(LatencySample(nanoseconds: [2_000_000, 1_000_000]).percentileMillis(0.5) == 1)
        #expect(LatencySample(nanoseconds: (1...10).map { Int64($0) * 1_000_000 }).percentileMillis(0.99) == 10)
        #expect(LatencySample(nanoseconds: [3_000_000]).percentileMillis(0) == 3)
        #expect(LatencySample().percentileMillis(0.5) == nil)
    }

    @Test("Durations are added in nanoseconds")
    func durations() {
        var sample = LatencySample()
        sample.add(.microseconds(1500))
        sample.add(.seconds(2))
        #expect(sample.nanoseconds == [1_500_000, 2_000_000_000])
    }

    @Test("The summary is one line of JSON with sorted keys; whole numbers print as integers, others as null")
    func summaryLine() throws {
        var summary = BenchSummary()
        summary["mentionsPerSecond"] = 123_456
        summary["ratioToPassthrough"] = 0.5
        summary["p99Millis"] = .infinity
        summary.set("source", text: "generated")
        let line = summary.line()
        #expect(!line.contains("\n"))
        #expect(line == #"{"mentionsPerSecond":123456,"p99Millis":null,"ratioToPassthrough":0.5,"source":"generated"}"#)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        #expect(object["p99Millis"] is NSNull)
    }
}
