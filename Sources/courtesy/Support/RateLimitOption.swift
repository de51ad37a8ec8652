import ArgumentParser
import CourtesyServices

/// A rate limit on the command line: `RATE` (a second, bursts of twice that), `RATE/BURST`, or `off`.
struct RateLimitOption: ExpressibleByArgument, CustomStringConvertible {
    /// The limit, or `nil` for none.
    let limit: DeskRateLimits.Limit?

    init(_ limit: DeskRateLimits.Limit?) {
        self.limit = limit
    }

    init?(argument: String) {
        if argument == "off" {
            limit = nil
            return
        }
        let parts = argument.split(separator: "/", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), let rate = Double(parts[0]), rate.isFinite, rate > 0 else { return nil }
        var burst: Double?
        if parts.count == 2 {
            guard let value = Double(parts[1]), value.isFinite, value >= 1 else { return nil }
            burst = value
        }
        limit = DeskRateLimits.Limit(perSecond: rate, burst: burst)
    }

    var description: String {
        guard let limit else { return "off" }
        return "\(Self.number(limit.perSecond))/\(Self.number(limit.burst))"
    }

    private static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}
