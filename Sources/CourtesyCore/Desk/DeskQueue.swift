/// The approval queue, materialised from `courtesy.drafts` and `courtesy.decisions`.
///
/// A plain value: feed it every draft and decision event in any interleaving (the two topics are
/// read independently) and it converges to the same state. Applying is idempotent: the same draft
/// or decision seen again changes nothing, and for each draft only the first decision in the log
/// counts. A decision that arrives before its draft is kept, and the draft is then never queued.
///
/// Pending drafts are kept whole, indexed by id and by conversation; a decided draft is dropped and
/// only its ``DecisionRecord`` is kept. Nothing is sorted on the way in: queries sort what they
/// return, so rebuilding from millions of events costs one dictionary update per event.
///
/// It records nothing by itself: ``decide(_:_:by:at:scope:)`` checks a decision and returns the
/// events to publish; the caller applies the decisions once the broker has acknowledged them, and
/// must not run two `decide`–publish–`apply` sequences for the same conversation at once.
public struct DeskQueue: Sendable {
    /// Pending drafts by id.
    var pending: [String: PendingDraft] = [:]
    /// Decided drafts by id (including decisions whose draft has not arrived).
    var decided: [String: DecisionRecord] = [:]
    /// Pending draft ids by conversation key, in arrival order.
    var pendingByConversation: [String: [String]] = [:]
    /// Pending drafts per priority level.
    var levelCounts: [PriorityLevel: Int] = [:]

    /// An empty queue.
    public init() {}

    /// How many drafts are pending.
    public var pendingCount: Int { pending.count }

    /// How many drafts have a decision (drafts not yet seen included).
    public var decidedCount: Int { decided.count }

    /// Adds a draft to the queue unless it was seen or decided before.
    ///
    /// - Parameter mentionCreatedAt: when the mention was posted, if known; it is carried into the
    ///   decision and the reply, for time-to-first-reply.
    @discardableResult
    public mutating func apply(draft: Draft, mentionCreatedAt: Timestamp? = nil) -> DeskChange {
        if decided[draft.id] != nil { return .draftAlreadyDecided }
        // The first copy wins: a re-drafted mention has the same id and may differ only in its times.
        guard pending[draft.id] == nil else { return .duplicate }
        pending[draft.id] = PendingDraft(draft: draft, mentionCreatedAt: mentionCreatedAt)
        pendingByConversation[draft.conversation, default: []].append(draft.id)
        levelCounts[draft.priority.level, default: 0] += 1
        return .queued
    }

    /// Records a decision; the first decision on a draft wins, later ones are ignored.
    @discardableResult
    public mutating func apply(decision: Decision) -> DeskChange {
        if let record = decided[decision.draftId] {
            return record.isSame(as: decision) ? .duplicate : .laterDecisionIgnored(record)
        }
        decided[decision.draftId] = DecisionRecord(decision)
        guard let removed = pending.removeValue(forKey: decision.draftId) else { return .decidedBeforeDraft }
        let conversation = removed.draft.conversation
        if var ids = pendingByConversation[conversation] {
            ids.removeAll { $0 == decision.draftId }
            pendingByConversation[conversation] = ids.isEmpty ? nil : ids
        }
        levelCounts[removed.draft.priority.level, default: 0] -= 1
        return .decided
    }
}
