/// A draft waiting at the desk, with what the desk knows beside it.
struct PendingDraft: Sendable, Hashable {
    /// The draft.
    var draft: Draft
    /// When its mention was posted, if the desk was told.
    var mentionCreatedAt: Timestamp?
}
