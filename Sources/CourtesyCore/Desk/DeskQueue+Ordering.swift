extension DeskQueue {
    /// The queue's order: earliest reply-by deadline first, then the most urgent priority, then id.
    package static func comesFirst(_ lhs: Draft, _ rhs: Draft) -> Bool {
        if lhs.replyBy != rhs.replyBy { return lhs.replyBy < rhs.replyBy }
        if lhs.priority.level != rhs.priority.level { return lhs.priority.level < rhs.priority.level }
        return lhs.id < rhs.id
    }

    /// Conversation order: oldest draft first, then id.
    static func isOlder(_ lhs: PendingDraft, _ rhs: PendingDraft) -> Bool {
        if lhs.draft.createdAt != rhs.draft.createdAt { return lhs.draft.createdAt < rhs.draft.createdAt }
        return lhs.draft.id < rhs.draft.id
    }

    /// A priority level as a small number, 0 the most urgent.
    static func rank(_ level: PriorityLevel) -> Int {
        switch level {
        case .urgent: 0
        case .high: 1
        case .normal: 2
        case .low: 3
        }
    }
}
