/// Where a draft stands at the desk.
package enum DraftStatus: Sendable, Hashable {
    /// Waiting for a decision; `conversation` holds every pending draft of its conversation, this one
    /// included, oldest first.
    case pending(Draft, conversation: [Draft])
    /// Decided; the draft itself is no longer kept.
    case decided(DecisionRecord)
    /// Decided by a decision that cannot be read back: it stays decided (see ``UnreadableDecision``).
    case decidedUnreadably(UnreadableDecision)
}
