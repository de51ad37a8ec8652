import CourtesyCore
import CourtesyDeskAPI

extension ReviewRenderer {
    /// A decision that stands: who decided what, and when.
    package func decision(_ decision: DeskAPI.DecisionView) -> [String] {
        let when =
            "\(TerminalText.oneLine(decision.decidedAt)) (\(RelativeTime.since(rfc3339: decision.decidedAt, now: now)))"
        var lines = [
            "Draft \(TerminalText.oneLine(decision.draftId)) was \(Self.verb(decision)) by "
                + "\(TerminalText.oneLine(decision.approver)) at \(when)."
        ]
        if let reason = decision.reason, !reason.isEmpty {
            lines.append("  reason  " + TerminalText.oneLine(reason))
        }
        if let text = decision.text {
            lines.append("  reply")
            lines += quoted(text)
        }
        return lines
    }

    /// One line for a draft that can no longer be decided: `draft d_… was already approved by Sam Rivera
    /// at 2026-11-23T17:55:00.000Z`.
    package func alreadyDecided(_ decision: DeskAPI.DecisionView) -> String {
        "draft \(TerminalText.oneLine(decision.draftId)) was already \(Self.verb(decision)) by "
            + "\(TerminalText.oneLine(decision.approver)) at \(TerminalText.oneLine(decision.decidedAt))"
    }

    /// What an approval or rejection recorded: the decision, the reply published, and the other drafts
    /// of the conversation the reply answered.
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
                "  reply   \(TerminalText.oneLine(reply.id)) published on \(reply.platform.rawValue), "
                    + "\(reply.text.count) characters")
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
