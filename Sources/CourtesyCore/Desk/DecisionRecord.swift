/// What the desk keeps of a decided draft: enough to answer "who decided, when, and how".
///
/// The draft itself is dropped once decided, so a desk that has seen millions of drafts keeps only
/// the pending ones in full. The reply text is kept for `approve` and `edit`, so `show` can say what
/// was sent: a text of more than 15 UTF-8 bytes costs one heap allocation of about 32 bytes plus its
/// bytes (a 280-character reply, some 320 bytes), besides the 16 bytes the field adds to every record.
/// `answered` records do not repeat the text of the reply that answered them, and `reject` has none.
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
    /// For `approve` and `edit`, the reply text sent; `nil` for any other action.
    package var text: String?

    /// Creates a record.
    package init(
        draftId: String, decisionId: String, action: DecisionAction, approver: String, decidedAt: Timestamp,
        reason: String?, answeredBy: String?, text: String? = nil
    ) {
        self.draftId = draftId
        self.decisionId = decisionId
        self.action = action
        self.approver = approver
        self.decidedAt = decidedAt
        self.reason = reason
        self.answeredBy = answeredBy
        self.text = text
    }

    /// The record of `decision`.
    package init(_ decision: Decision) {
        self.init(
            draftId: decision.draftId, decisionId: decision.id, action: decision.action,
            approver: decision.approver, decidedAt: decision.decidedAt, reason: decision.reason,
            answeredBy: decision.answeredBy,
            text: decision.action == .approve || decision.action == .edit ? decision.text : nil)
    }

    /// Whether `decision` is this very decision again (a replay or a re-send), not a different one.
    package func isSame(as decision: Decision) -> Bool {
        decision.id == decisionId && decision.action == action && decision.approver == approver
            && decision.decidedAt == decidedAt && decision.answeredBy == answeredBy
    }
}
