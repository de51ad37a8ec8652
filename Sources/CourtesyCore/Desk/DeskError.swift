/// Why the desk refused a decision.
///
/// Each case carries what the caller needs to answer (an HTTP status, a CLI message); descriptions
/// never include a token, and never repeat a reply text back.
package enum DeskError: Error, Sendable, Hashable, CustomStringConvertible {
    /// No draft with this id has been seen.
    case notFound(draftId: String)
    /// The draft was already decided: the first decision wins. The record names who and when.
    case conflict(DecisionRecord)
    /// The draft was already decided, by a decision that cannot be read back: it stays decided.
    case decisionUnreadable(UnreadableDecision)
    /// The person may not decide (a viewer).
    case forbidden(approver: String, role: ApproverRole)
    /// The final reply text breaks a rule of ``ReplyTextPolicy``.
    case invalidText(TextProblem)
    /// A rejection without a reason.
    case reasonRequired
    /// The reason breaks a rule of ``ReplyTextPolicy``.
    case invalidReason(TextProblem)

    /// A one-line explanation, e.g. `draft d_… was already approved by Sam Rivera at 2025-03-01T10:05:00.000Z`.
    package var description: String {
        switch self {
        case .notFound(let draftId):
            return "no draft \(draftId)"
        case .conflict(let record):
            let verb =
                switch record.action {
                case .approve: "approved"
                case .edit: "edited and approved"
                case .reject: "rejected"
                case .answered: "answered"
                }
            var message = "draft \(record.draftId) was already \(verb) by \(record.approver) at \(record.decidedAt)"
            if let answeredBy = record.answeredBy {
                message += " (with the reply to \(answeredBy))"
            }
            return message
        case .decisionUnreadable(let unreadable):
            return "draft \(unreadable.draftId) was already decided, but its decision cannot be read back "
                + "(\(unreadable.error)); it stays decided and the desk publishes no reply for it"
        case .forbidden(let approver, let role):
            return "\(approver) is a \(role.rawValue) and may not decide"
        case .invalidText(let problem):
            return "the reply text \(problem)"
        case .reasonRequired:
            return "a rejection needs a reason"
        case .invalidReason(let problem):
            return "the reason \(problem)"
        }
    }
}
