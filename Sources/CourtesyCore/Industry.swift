/// The business a mention is about, which decides its words: a passenger has a booking and a flight,
/// not an order and a delivery; a broadband customer has an outage, not a parcel.
///
/// A brand's profile names its industry; without one, the classifier reads it from the mention's own
/// words (`industries` in the classifier configuration), and a mention that shows none gets neutral words.
/// When a mention's words show several, the first case wins: a passenger who mentions an order is still a
/// passenger, and a hotel guest who mentions the wifi is still a guest, so retail, whose words every
/// business uses, comes last.
package enum Industry: String, Sendable, Hashable, Codable, CaseIterable {
    case airline
    case hospitality
    case telecom
    case bank
    case utility
    case software
    case retail

    /// The industry's position in ``allCases``, for tables indexed by industry: an enum with a string raw
    /// value hashes the string, which is too slow for every reply.
    var ordinal: Int {
        switch self {
        case .airline: 0
        case .hospitality: 1
        case .telecom: 2
        case .bank: 3
        case .utility: 4
        case .software: 5
        case .retail: 6
        }
    }
}
