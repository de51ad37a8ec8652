import Foundation

/// A point in time, in whole milliseconds since 1970-01-01T00:00:00Z.
///
/// Events carry times as RFC 3339 strings; this type parses and writes them without Foundation's
/// date formatters, which are slow and locale-sensitive.
package struct Timestamp: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Milliseconds since the Unix epoch.
    package var millisecondsSinceEpoch: Int64

    /// Creates a timestamp from milliseconds since the Unix epoch.
    package init(millisecondsSinceEpoch: Int64) {
        self.millisecondsSinceEpoch = millisecondsSinceEpoch
    }

    /// Whole seconds since the Unix epoch, rounded down (towards the past).
    package var epochSeconds: Int {
        let seconds = millisecondsSinceEpoch / 1000
        return Int(millisecondsSinceEpoch % 1000 < 0 ? seconds - 1 : seconds)
    }

    /// This timestamp moved by `seconds`.
    package func adding(seconds: Int) -> Timestamp {
        Timestamp(millisecondsSinceEpoch: millisecondsSinceEpoch + Int64(seconds) * 1000)
    }

    /// Compares two timestamps by time.
    package static func < (lhs: Timestamp, rhs: Timestamp) -> Bool {
        lhs.millisecondsSinceEpoch < rhs.millisecondsSinceEpoch
    }

    /// The RFC 3339 form in UTC, e.g. `2015-02-24T11:15:59.000Z`.
    package var description: String { rfc3339 }
}

extension Timestamp {
    /// The current time from the system clock, truncated to the millisecond.
    package static func now() -> Timestamp {
        Timestamp(millisecondsSinceEpoch: Int64((Date().timeIntervalSince1970 * 1000).rounded(.down)))
    }

    /// The same instant as a Foundation `Date`.
    package var date: Date {
        Date(timeIntervalSince1970: Double(millisecondsSinceEpoch) / 1000)
    }
}
