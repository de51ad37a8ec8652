/// The pending drafts of one conversation (one customer on one platform), shown together so one
/// reply can answer them all.
package struct ConversationGroup: Sendable, Hashable {
    /// The conversation key, `platform:authorId`.
    package var conversation: String
    /// The pending drafts, oldest first (by draft time, then id).
    package var drafts: [Draft]

    /// Creates a group.
    package init(conversation: String, drafts: [Draft]) {
        self.conversation = conversation
        self.drafts = drafts
    }

    /// The earliest reply-by deadline of the group.
    package var replyBy: Timestamp? {
        drafts.map(\.replyBy).min()
    }

    /// The most urgent priority level of the group.
    package var priority: PriorityLevel? {
        drafts.map(\.priority.level).min()
    }

    /// The draft the queue would show first: earliest deadline, then most urgent, then id.
    package var mostUrgent: Draft? {
        drafts.min(by: DeskQueue.comesFirst)
    }
}
