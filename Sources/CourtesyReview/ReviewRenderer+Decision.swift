import CourtesyCore
import CourtesyDeskAPI

extension ReviewRenderer {
    /// A decision that stands: who decided what, and when; for an approval, what became of the reply
    /// (`publication`, nil while it is queued for posting) and the text sent.
    package func decision(_ decision: DeskAPI.DecisionView, publication: DeskAPI.PublicationView? = nil) -> [String] {
        var lines = [
            "Draft \(TerminalText.oneLine(decision.draftId)) was \(Self.verb(decision)) by "
                + "\(TerminalText.oneLine(decision.approver)) at \(moment(decision.decidedAt))."
        ]
        if let reason = decision.reason, !reason.isEmpty {
            lines.append("  reason  " + TerminalText.oneLine(reason))
        }
        if decision.action == .approve || decision.action == .edit {
            lines.append("  status  " + status(publication))
        }
        if let text = decision.text {
            lines.append("  reply (sent by \(TerminalText.oneLine(decision.approver)))")
            lines += quoted(text)
        }
        return lines
    }

    /// What became of an approved reply: queued until the publisher reports, then posted or failed.
    func status(_ publication: DeskAPI.PublicationView?) -> String {
        guard let publication else { return "approved; queued for posting" }
        switch publication.outcome {
        case "posted":
            let post = publication.postId.map { ", post \(TerminalText.oneLine($0))" } ?? ""
            return "posted at \(moment(publication.at))\(post)"
        case "failed":
            let reason = publication.reason.map { ": " + TerminalText.oneLine($0) } ?? ""
            let status = publication.status.map { " (HTTP \($0))" } ?? ""
            return "posting failed at \(moment(publication.at))\(reason)\(status)"
        default:
            return "\(TerminalText.oneLine(publication.outcome)) at \(moment(publication.at))"
        }
    }

    /// An RFC 3339 time as given, and how long ago it was.
    func moment(_ rfc3339: String) -> String {
        "\(TerminalText.oneLine(rfc3339)) (\(RelativeTime.since(rfc3339: rfc3339, now: now)))"
    }

    /// One line for a draft that can no longer be decided: `draft d_… was already approved by Sam Rivera
    /// at 2026-11-23T17:55:00.000Z`.
    package func alreadyDecided(_ decision: DeskAPI.DecisionView) -> String {
        "draft \(TerminalText.oneLine(decision.draftId)) was already \(Self.verb(decision)) by "
            + "\(TerminalText.oneLine(decision.approver)) at \(TerminalText.oneLine(decision.decidedAt))"
    }

    /// What an approval or rejection recorded: the decision, the reply queued for posting, and the other
    /// drafts of the conversation the reply answered.
    package func result(_ result: DeskAPI.DecisionResult) -> [String] {
        guard let first = result.decisions.first else { return ["The desk recorded nothing."] }
        let id = TerminalText.oneLine(first.draftId)
        let headline =
            switch first.action {
            case .approve: "Approved \(id)"
            case .edit: "Approved \(id) with edited text"
            case .reject: "Rejected \(id)"
            case .answered: "Answered \(id)"
            }
        var lines = [
            "\(headline) as \(TerminalText.oneLine(first.approver)) at \(TerminalText.oneLine(first.decidedAt))."
        ]
        if let reason = first.reason, !reason.isEmpty {
            lines.append("  reason  " + TerminalText.oneLine(reason))
        }
        if let reply = result.reply {
            lines.append(
                "  reply   approved; queued for posting on \(reply.platform.rawValue) "
                    + "(\(reply.text.count) characters)")
        }
        let answered = result.decisions.dropFirst().filter { $0.action == .answered }
        if !answered.isEmpty {
            lines.append(
                "  also answered  " + answered.map { TerminalText.oneLine($0.draftId) }.joined(separator: ", "))
        }
        return lines
    }

    /// The decision's action as a past participle.
    static func verb(_ decision: DeskAPI.DecisionView) -> String {
        switch decision.action {
        case .approve: "approved"
        case .edit: "approved with edited text"
        case .reject: "rejected"
        case .answered:
            decision.answeredBy.map { "answered with the reply to \(TerminalText.oneLine($0))" } ?? "answered"
        }
    }
}
