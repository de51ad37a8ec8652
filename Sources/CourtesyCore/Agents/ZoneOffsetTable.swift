import Foundation

/// A time zone's UTC offsets over a span of years, computed once, so that checking shifts per
/// message does not ask the time zone database each time.
///
/// The offsets are sampled daily and every change is located to the second by bisection; outside
/// the span (or for a change that reverts within a day, which no zone does) the zone is asked directly.
struct ZoneOffsetTable: Sendable {
    private let zone: TimeZone
    private let start: Int
    private let end: Int
    /// The instants (seconds since 1970) where each offset starts; the first is `start`.
    private let changes: [Int]
    private let offsets: [Int]

    /// A table for `zone` from `yearsBefore` years before `now` to `yearsAfter` years after it.
    init(zone: TimeZone, around now: Int, yearsBefore: Int = 1, yearsAfter: Int = 3) {
        self.zone = zone
        let day = 86_400
        start = now - yearsBefore * 366 * day
        end = now + yearsAfter * 366 * day
        func offset(_ instant: Int) -> Int { zone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(instant))) }
        var changes = [start]
        var offsets = [offset(start)]
        var previous = start
        var instant = start + day
        while instant < end {
            let current = offset(instant)
            if current != offsets[offsets.count - 1] {
                // The change happened in (previous, instant]: find the first second with the new offset.
                var low = previous
                var high = instant
                while high - low > 1 {
                    let middle = low + (high - low) / 2
                    if offset(middle) == current { high = middle } else { low = middle }
                }
                changes.append(high)
                offsets.append(current)
            }
            previous = instant
            instant += day
        }
        self.changes = changes
        self.offsets = offsets
    }

    /// The zone's offset from UTC, in seconds, at an instant given in seconds since 1970.
    func offset(at instant: Int) -> Int {
        guard instant >= start && instant < end else {
            return zone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(instant)))
        }
        var low = 0
        var high = changes.count
        while high - low > 1 {
            let middle = (low + high) / 2
            if changes[middle] <= instant { low = middle } else { high = middle }
        }
        return offsets[low]
    }
}
