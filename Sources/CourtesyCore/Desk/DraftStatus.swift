/// Where a draft stands at the desk.
public enum DraftStatus: Sendable, Hashable {
    /// Waiting for a decision; `conversation` holds every pending draft of its conversation, this one
    /// included, oldest first.
    case pending(Draft, conversation: [Draft])
    /// Decided; the draft itself is no longer kept.
    case decided(DecisionRecord)
}
