/// The tone a reply needs: apologise for a complaint, thank for a compliment, neither otherwise.
package enum Tone: String, Sendable, Hashable, Codable, CaseIterable {
    case apology
    case thanks
    case neutral
}
