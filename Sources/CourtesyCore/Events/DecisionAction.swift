/// What an approver decided about a draft.
package enum DecisionAction: String, Sendable, Hashable, Codable, CaseIterable {
    /// Post the draft's text as it is.
    case approve
    /// Post the approver's text instead of the draft's.
    case edit
    /// Post nothing; the decision carries the approver's reason.
    case reject
    /// Post nothing for this draft: the reply to another draft of the same conversation, named in
    /// ``Decision/answeredBy``, answers it.
    case answered

    /// Whether this decision publishes a reply (`approve` and `edit`).
    package var publishesReply: Bool {
        self == .approve || self == .edit
    }
}
