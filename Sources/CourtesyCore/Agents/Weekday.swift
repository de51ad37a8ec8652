/// A day of the week, as a shift in the roster names it.
package enum Weekday: Int, Sendable, Hashable, CaseIterable, Comparable {
    case monday = 0
    case tuesday
    case wednesday
    case thursday
    case friday
    case saturday
    case sunday

    /// The day from its English name or three-letter abbreviation, any case ("mon", "Monday").
    package init?(name: String) {
        let key = name.lowercased()
        guard let day = Weekday.allCases.first(where: { $0.name == key || $0.abbreviation == key }) else {
            return nil
        }
        self = day
    }

    /// The lowercase English name ("monday").
    package var name: String {
        switch self {
        case .monday: "monday"
        case .tuesday: "tuesday"
        case .wednesday: "wednesday"
        case .thursday: "thursday"
        case .friday: "friday"
        case .saturday: "saturday"
        case .sunday: "sunday"
        }
    }

    /// The three-letter abbreviation ("mon").
    package var abbreviation: String { String(name.prefix(3)) }

    /// The day before.
    package var previous: Weekday { Weekday(rawValue: (rawValue + 6) % 7) ?? .sunday }

    /// The day of the week of a count of days since 1970-01-01, which was a Thursday.
    static func fromDaysSinceEpoch(_ days: Int) -> Weekday {
        let index = ((days + 3) % 7 + 7) % 7
        return Weekday(rawValue: index) ?? .monday
    }

    package static func < (lhs: Weekday, rhs: Weekday) -> Bool { lhs.rawValue < rhs.rawValue }
}
