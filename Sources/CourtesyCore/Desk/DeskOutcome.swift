/// What a decision at the desk produces, for the service to publish in this order.
public struct DeskOutcome: Sendable, Hashable {
    /// The decision on the draft named, then the `answered` decisions for the other drafts of its
    /// conversation, if the approval answered them.
    public var decisions: [Decision]
    /// The reply to publish, for an approval; `nil` for a rejection.
    public var reply: Reply?

    /// Creates an outcome.
    public init(decisions: [Decision], reply: Reply?) {
        self.decisions = decisions
        self.reply = reply
    }
}
