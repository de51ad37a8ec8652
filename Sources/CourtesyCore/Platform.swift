/// The channel a mention arrived on and a reply goes back to.
///
/// Every channel gets the same treatment; they differ only in how long a reply may be.
public enum Platform: String, Sendable, Hashable, Codable, CaseIterable {
    case x
    case facebook
    case instagram
    case review
    case email
    case chat

    /// The longest reply, in characters (extended grapheme clusters), the channel accepts.
    public var replyLengthLimit: Int {
        switch self {
        case .x: 280
        case .instagram: 2200
        case .facebook: 8000
        case .review: 4000
        case .email: 20000
        case .chat: 1000
        }
    }
}
