/// A weekly working window of an agent, in the agent's time zone.
///
/// A shift whose end is not after its start runs overnight: "22:00"–"06:00" on Friday covers Friday
/// 22:00 to Saturday 06:00. The days are the days the shift starts on.
package struct AgentShift: Sendable, Hashable {
    /// The days the shift starts on.
    package var days: Set<Weekday> { Set(Weekday.allCases.filter { dayMask & (1 << UInt8($0.rawValue)) != 0 }) }
    /// Minutes after local midnight when the shift starts (0–1439).
    package let startMinute: Int
    /// Minutes after local midnight when the shift ends (1–1440); at or before `startMinute` means the next day.
    package let endMinute: Int
    /// The days as bits (`1 << Weekday.rawValue`); a plain value, so checking shifts copies no reference.
    private let dayMask: UInt8

    /// A shift; the caller (the roster parser) has checked the minutes are in range and differ.
    package init(days: Set<Weekday>, startMinute: Int, endMinute: Int) {
        self.startMinute = startMinute
        self.endMinute = endMinute
        self.dayMask = days.reduce(0) { $0 | (1 << UInt8($1.rawValue)) }
    }

    /// Whether the shift covers a local time given as a day and minutes after midnight.
    package func covers(day: Weekday, minute: Int) -> Bool {
        let today = dayMask & (1 << UInt8(day.rawValue)) != 0
        if startMinute < endMinute {
            return today && minute >= startMinute && minute < endMinute
        }
        let yesterday = dayMask & (1 << UInt8(day.previous.rawValue)) != 0
        return (today && minute >= startMinute) || (yesterday && minute < endMinute)
    }
}
