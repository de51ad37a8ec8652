/// What a reply does, which picks its template file: answer a complaint, a compliment, a question or any
/// other mention by its tone, take a serious situation seriously, or hold a mention a person must read.
///
/// A draft's `intent` stays the classifier's reading of the mention; the kind is how the reply answers it.
package enum ReplyKind: String, Sendable, Hashable, Codable, CaseIterable {
    case complaint
    case compliment
    case question
    case other
    /// A legal or regulatory threat, the press or a public escalation, a danger to safety or health, or a
    /// vulnerable customer: an apology, and a named next step with a time, never a breezy line.
    case serious
    /// A mention flagged for review whose tone is not judged (a language or script without a model): a
    /// holding reply that says a person will answer, and nothing that presumes what the mention says.
    case holding

    /// The kind that answers a mention of `intent` on tone alone.
    package init(_ intent: Intent) {
        switch intent {
        case .complaint: self = .complaint
        case .compliment: self = .compliment
        case .question: self = .question
        case .other: self = .other
        }
    }

    /// The kind's position in ``allCases``, without searching it.
    var ordinal: Int {
        switch self {
        case .complaint: 0
        case .compliment: 1
        case .question: 2
        case .other: 3
        case .serious: 4
        case .holding: 5
        }
    }

    /// The tone the reply takes.
    package var tone: Tone {
        switch self {
        case .complaint, .serious: .apology
        case .compliment: .thanks
        case .question, .other, .holding: .neutral
        }
    }
}
