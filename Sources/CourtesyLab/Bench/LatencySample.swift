/// Latencies collected during a benchmark, and their percentiles.
///
/// Percentiles use the nearest-rank method on the sorted sample: p99 of 1,000 values is the 990th
/// smallest. It never interpolates, so every figure reported is a latency that was really observed.
package struct LatencySample: Sendable {
    /// The latencies in nanoseconds, in the order they were added.
    package private(set) var nanoseconds: [Int64] = []

    package init() {}

    package init(nanoseconds: [Int64]) {
        self.nanoseconds = nanoseconds
    }

    package var count: Int { nanoseconds.count }

    package mutating func add(nanoseconds value: Int64) {
        nanoseconds.append(value)
    }

    package mutating func add(_ duration: Duration) {
        let (seconds, attoseconds) = duration.components
        nanoseconds.append(seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
    }

    /// The latencies at each `fractions` (0.5 for the median, 0.999 for p99.9), in milliseconds; `nil`
    /// when the sample is empty.
    package func percentilesMillis(_ fractions: [Double]) -> [Double]? {
        guard !nanoseconds.isEmpty else { return nil }
        let sorted = nanoseconds.sorted()
        return fractions.map { fraction in
            Double(sorted[Self.rankIndex(fraction, count: sorted.count)]) / 1_000_000
        }
    }

    /// The latency at `fraction`, in milliseconds, or `nil` when the sample is empty.
    package func percentileMillis(_ fraction: Double) -> Double? {
        percentilesMillis([fraction])?.first
    }

    /// The zero-based index of the nearest rank `ceil(fraction × count)`, clamped to the sample.
    static func rankIndex(_ fraction: Double, count: Int) -> Int {
        let rank = Int((fraction * Double(count)).rounded(.up))
        return min(max(rank, 1), count) - 1
    }
}
