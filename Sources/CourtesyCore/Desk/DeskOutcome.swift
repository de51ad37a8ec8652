/// What a decision at the desk produces, for the service to publish in this order.
package struct DeskOutcome: Sendable, Hashable {
    /// The decision on the draft named, then the `answered` decisions for the other drafts of its
    /// conversation, if the approval answered them.
    package var decisions: [Decision]
    /// The reply to publish, for an approval; `nil` for a rejection.
    package var reply: Reply?

    /// Creates an outcome.
    package init(decisions: [Decision], reply: Reply?) {
        self.decisions = decisions
        self.reply = reply
    }
}
