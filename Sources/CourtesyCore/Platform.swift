/// The channel a mention arrived on and a reply goes back to.
///
/// Every channel gets the same treatment; they differ only in how long a reply may be, and in how
/// they count that length.
package enum Platform: String, Sendable, Hashable, Codable, CaseIterable {
    case x
    case facebook
    case instagram
    case review
    case email
    case chat

    /// The longest reply the channel accepts, in its ``replyLengthUnit``.
    ///
    /// Every reply must also fit ``ReplyTextPolicy/maximumTextBytes`` in UTF-8, which email's limit
    /// can exceed: see docs/desk.md for the limits that hold.
    package var replyLengthLimit: Int {
        switch self {
        case .x: 280
        case .instagram: 2200
        case .facebook: 8000
        case .review: 4000
        case .email: 20000
        case .chat: 1000
        }
    }

    /// How the channel counts a reply's length: X weighs characters and links, Facebook and
    /// Instagram count UTF-16 code units, the others code points.
    package var replyLengthUnit: ReplyLengthUnit {
        switch self {
        case .x: .weighted
        case .facebook, .instagram: .utf16
        case .review, .email, .chat: .codePoints
        }
    }

    /// The length of `text` as the channel counts it, to compare with ``replyLengthLimit``.
    /// The platform's position in ``allCases``, without searching it.
    var ordinal: Int {
        switch self {
        case .x: 0
        case .facebook: 1
        case .instagram: 2
        case .review: 3
        case .email: 4
        case .chat: 5
        }
    }

    /// Whether the customer is already in a private conversation with the brand (chat, e-mail), so a reply
    /// never asks them to move to private messages.
    package var isPrivate: Bool { self == .email || self == .chat }

    package func replyLength(of text: String) -> Int {
        replyLengthUnit.length(of: text)
    }
}
