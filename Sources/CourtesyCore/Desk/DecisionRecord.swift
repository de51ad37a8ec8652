/// What the desk keeps of a decided draft: enough to answer "who decided, when, and how".
///
/// The draft itself is dropped once decided, so a desk that has seen millions of drafts keeps only
/// the pending ones in full.
package struct DecisionRecord: Sendable, Hashable {
    /// The draft decided on.
    package var draftId: String
    /// The decision's id.
    package var decisionId: String
    /// What was decided.
    package var action: DecisionAction
    /// Who decided.
    package var approver: String
    /// When.
    package var decidedAt: Timestamp
    /// The reason given, if any.
    package var reason: String?
    /// For `answered`, the draft whose reply answered this one.
    package var answeredBy: String?

    /// Creates a record.
    package init(
        draftId: String, decisionId: String, action: DecisionAction, approver: String, decidedAt: Timestamp,
        reason: String?, answeredBy: String?
    ) {
        self.draftId = draftId
        self.decisionId = decisionId
        self.action = action
        self.approver = approver
        self.decidedAt = decidedAt
        self.reason = reason
        self.answeredBy = answeredBy
    }

    /// The record of `decision`.
    package init(_ decision: Decision) {
        self.init(
            draftId: decision.draftId, decisionId: decision.id, action: decision.action,
            approver: decision.approver, decidedAt: decision.decidedAt, reason: decision.reason,
            answeredBy: decision.answeredBy)
    }

    /// Whether `decision` is this very decision again (a replay or a re-send), not a different one.
    package func isSame(as decision: Decision) -> Bool {
        decision.id == decisionId && decision.action == action && decision.approver == approver
            && decision.decidedAt == decidedAt && decision.answeredBy == answeredBy
    }
}
