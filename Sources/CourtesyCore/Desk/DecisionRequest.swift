/// What an approver asks the desk to record for a draft.
package enum DecisionRequest: Sendable, Hashable {
    /// Approve the draft: with `text` `nil` (or the draft's own text) as drafted, which records
    /// `approve`; with other text, which records `edit`. `reason` is an optional note for the log.
    case approve(text: String? = nil, reason: String? = nil)
    /// Reject the draft; a reason is required.
    case reject(reason: String)
}
