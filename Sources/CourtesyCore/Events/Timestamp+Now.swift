import Foundation

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
