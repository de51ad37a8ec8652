/// A draft waiting at the desk, with what the desk knows beside it.
///
/// A class so that the queue's indexes and the arrays its queries sort hold one reference per draft
/// instead of copying the whole draft; it is immutable, so the queue keeps value semantics.
final class PendingDraft: Sendable {
    /// The draft.
    let draft: Draft
    /// When its mention was posted, if the desk was told.
    let mentionCreatedAt: Timestamp?
    /// The draft's reply-by deadline, in milliseconds (for the overdue count).
    let replyBy: Int64
    /// The priority's rank, 0 the most urgent (for the per-level counts).
    let rank: Int
    /// The deadline and the rank in one integer that sorts like the pair: queries compare integers
    /// and look at ids only on a tie.
    let sortKey: Int64

    init(draft: Draft, mentionCreatedAt: Timestamp?) {
        self.draft = draft
        self.mentionCreatedAt = mentionCreatedAt
        replyBy = draft.replyBy.millisecondsSinceEpoch
        rank = DeskQueue.rank(draft.priority.level)
        // Two bits for the rank; deadlines beyond ±2^60 ms (36 million years) saturate rather than trap.
        let (shifted, overflow) = replyBy.multipliedReportingOverflow(by: 4)
        sortKey = overflow ? (replyBy < 0 ? Int64.min : Int64.max - 3) + Int64(rank) : shifted + Int64(rank)
    }

    /// Queue order: earliest deadline, then most urgent, then id.
    static func comesFirst(_ lhs: PendingDraft, _ rhs: PendingDraft) -> Bool {
        if lhs.sortKey != rhs.sortKey { return lhs.sortKey < rhs.sortKey }
        return lhs.draft.id < rhs.draft.id
    }
}
