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
package struct DeskQueue: Sendable {
    /// Pending drafts by id.
    var pending: [String: PendingDraft] = [:]
    /// Decided drafts by id (including decisions whose draft has not arrived).
    var decided: [String: DecisionRecord] = [:]
    /// Drafts closed by a decision that cannot be read back, by id.
    var unreadable: [String: UnreadableDecision] = [:]
    /// Pending drafts by conversation key, in arrival order.
    var pendingByConversation: [String: [PendingDraft]] = [:]
    /// Pending drafts per priority level, by rank (0 most urgent).
    var levelCounts = [Int](repeating: 0, count: PriorityLevel.allCases.count)

    /// An empty queue.
    package init() {}

    /// Makes room for this many drafts and decisions, so a rebuild whose size is known (from the
    /// topics' offsets) does not grow and rehash its tables along the way.
    package mutating func reserveCapacity(drafts: Int, decisions: Int) {
        pending.reserveCapacity(max(drafts, 0))
        decided.reserveCapacity(max(decisions, 0))
    }

    /// How many drafts are pending.
    package var pendingCount: Int { pending.count }

    /// How many drafts have a decision (drafts not yet seen, and unreadable decisions, included).
    package var decidedCount: Int { decided.count + unreadable.count }

    /// How many drafts are closed by a decision that cannot be read back.
    package var unreadableDecisionCount: Int { unreadable.count }

    /// Adds a draft to the queue unless it was seen or decided before.
    ///
    /// - Parameter mentionCreatedAt: when the mention was posted, if known, else the draft's own
    ///   ``Draft/mentionCreatedAt``; it is carried into the decision and the reply, for time-to-first-reply.
    @discardableResult
    package mutating func apply(draft: Draft, mentionCreatedAt: Timestamp? = nil) -> DeskChange {
        if decided[draft.id] != nil || unreadable[draft.id] != nil { return .draftAlreadyDecided }
        // The first copy wins: a re-drafted mention has the same id and may differ only in its times.
        guard pending[draft.id] == nil else { return .duplicate }
        let entry = PendingDraft(draft: draft, mentionCreatedAt: mentionCreatedAt ?? draft.mentionCreatedAt)
        pending[draft.id] = entry
        pendingByConversation[draft.conversation, default: []].append(entry)
        levelCounts[entry.rank] += 1
        return .queued
    }

    /// Records a decision; the first decision on a draft wins, later ones are ignored.
    @discardableResult
    package mutating func apply(decision: Decision) -> DeskChange {
        if let record = decided[decision.draftId] {
            return record.isSame(as: decision) ? .duplicate : .laterDecisionIgnored(record)
        }
        if let first = unreadable[decision.draftId] { return .unreadableDecisionStands(first) }
        decided[decision.draftId] = DecisionRecord(decision)
        return close(decision.draftId) ? .decided : .decidedBeforeDraft
    }

    /// Records a decision that cannot be read back: its draft is closed as by any decision, and can
    /// no longer be decided (see ``UnreadableDecision``). Like any decision it counts only if it is
    /// the first on its draft.
    @discardableResult
    package mutating func apply(unreadable decision: UnreadableDecision) -> DeskChange {
        if let record = decided[decision.draftId] { return .laterDecisionIgnored(record) }
        if let first = unreadable[decision.draftId] {
            return first == decision ? .duplicate : .unreadableDecisionStands(first)
        }
        unreadable[decision.draftId] = decision
        return close(decision.draftId) ? .decided : .decidedBeforeDraft
    }

    /// Removes a pending draft that has just been decided; `false` if it was not pending.
    private mutating func close(_ draftId: String) -> Bool {
        guard let removed = pending.removeValue(forKey: draftId) else { return false }
        let conversation = removed.draft.conversation
        // In place through the index: taking the array out and putting it back would copy it.
        if let index = pendingByConversation.index(forKey: conversation) {
            pendingByConversation.values[index].removeAll { $0 === removed }
            if pendingByConversation.values[index].isEmpty {
                pendingByConversation.remove(at: index)
            }
        }
        levelCounts[removed.rank] -= 1
        return true
    }
}
