extension DeskQueue {
    /// The queue's order: earliest reply-by deadline first, then the most urgent priority, then id.
    public static func comesFirst(_ lhs: Draft, _ rhs: Draft) -> Bool {
        sortKey(lhs) < sortKey(rhs)
    }

    /// The queue's order as a tuple that compares cheaply.
    static func sortKey(_ draft: Draft) -> (Int64, Int, String) {
        (draft.replyBy.millisecondsSinceEpoch, rank(draft.priority.level), draft.id)
    }

    /// Conversation order: oldest draft first, then id.
    static func isOlder(_ lhs: Draft, _ rhs: Draft) -> Bool {
        (lhs.createdAt.millisecondsSinceEpoch, lhs.id) < (rhs.createdAt.millisecondsSinceEpoch, rhs.id)
    }

    private static func rank(_ level: PriorityLevel) -> Int {
        switch level {
        case .urgent: 0
        case .high: 1
        case .normal: 2
        case .low: 3
        }
    }
}
