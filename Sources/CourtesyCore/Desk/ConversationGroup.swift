/// The pending drafts of one conversation (one customer on one platform), shown together so one
/// reply can answer them all.
public struct ConversationGroup: Sendable, Hashable {
    /// The conversation key, `platform:authorId`.
    public var conversation: String
    /// The pending drafts, oldest first (by draft time, then id).
    public var drafts: [Draft]

    /// Creates a group.
    public init(conversation: String, drafts: [Draft]) {
        self.conversation = conversation
        self.drafts = drafts
    }

    /// The earliest reply-by deadline of the group.
    public var replyBy: Timestamp? {
        drafts.map(\.replyBy).min()
    }

    /// The most urgent priority level of the group.
    public var priority: PriorityLevel? {
        drafts.map(\.priority.level).min()
    }

    /// The draft the queue would show first: earliest deadline, then most urgent, then id.
    public var mostUrgent: Draft? {
        drafts.min(by: DeskQueue.comesFirst)
    }
}
