/// How soon a mention needs a person, most urgent first.
package enum PriorityLevel: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    case urgent
    case high
    case normal
    case low

    /// Orders by urgency: `urgent < high < normal < low`, so sorting ascending puts the most urgent first.
    package static func < (lhs: PriorityLevel, rhs: PriorityLevel) -> Bool {
        lhs.rank < rhs.rank
    }

    private var rank: Int {
        switch self {
        case .urgent: 0
        case .high: 1
        case .normal: 2
        case .low: 3
        }
    }
}
