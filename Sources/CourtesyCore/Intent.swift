/// What a customer is doing in a mention, as far as the reply is concerned.
package enum Intent: String, Sendable, Hashable, Codable, CaseIterable {
    case complaint
    case compliment
    case question
    case other

    /// The tone a reply to this intent needs.
    package var tone: Tone {
        switch self {
        case .complaint: .apology
        case .compliment: .thanks
        case .question, .other: .neutral
        }
    }
}
