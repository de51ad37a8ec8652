extension DeskQueue {
    /// The pending drafts that match `filter`, in queue order (earliest reply-by first, then the most
    /// urgent, then id); at most `limit` of them when a limit is given.
    public func list(filter: DeskFilter = DeskFilter(), limit: Int? = nil) -> [Draft] {
        var keyed: [(key: (Int64, Int, String), draft: Draft)] = []
        keyed.reserveCapacity(pending.count)
        for entry in pending.values where filter.matches(entry.draft) {
            keyed.append((DeskQueue.sortKey(entry.draft), entry.draft))
        }
        if let limit, limit <= 64, limit < keyed.count {
            // Only the first few are wanted (`review next`): a selection, not a full sort.
            return smallest(limit, of: keyed)
        }
        keyed.sort { $0.key < $1.key }
        guard let limit, limit < keyed.count else { return keyed.map(\.draft) }
        return keyed.prefix(max(limit, 0)).map(\.draft)
    }

    /// The pending conversations that have at least one draft matching `filter`, each with all of
    /// its pending drafts (oldest first), the most urgent conversation first (by its first draft in
    /// queue order, then conversation key).
    public func conversations(filter: DeskFilter = DeskFilter()) -> [ConversationGroup] {
        var keyed: [(key: (Int64, Int, String), group: ConversationGroup)] = []
        for (conversation, ids) in pendingByConversation {
            var drafts = ids.compactMap { pending[$0]?.draft }
            guard let first = drafts.min(by: DeskQueue.comesFirst), drafts.contains(where: filter.matches) else {
                continue
            }
            drafts.sort(by: DeskQueue.isOlder)
            var key = DeskQueue.sortKey(first)
            key.2 = conversation
            keyed.append((key, ConversationGroup(conversation: conversation, drafts: drafts)))
        }
        keyed.sort { $0.key < $1.key }
        return keyed.map(\.group)
    }

    /// Where the draft with this id stands, or `nil` if the desk has never heard of it.
    public func show(_ id: String) -> DraftStatus? {
        if let record = decided[id] { return .decided(record) }
        guard let entry = pending[id] else { return nil }
        let conversation = (pendingByConversation[entry.draft.conversation] ?? [])
            .compactMap { pending[$0]?.draft }
            .sorted(by: DeskQueue.isOlder)
        return .pending(entry.draft, conversation: conversation)
    }

    /// How many pending drafts are past their reply-by deadline at `time`.
    public func overdueCount(at time: Timestamp) -> Int {
        var count = 0
        for entry in pending.values where entry.draft.replyBy < time {
            count += 1
        }
        return count
    }

    /// How many drafts are pending at each priority level (every level present, zero included).
    public var pendingCountsByPriority: [PriorityLevel: Int] {
        var counts: [PriorityLevel: Int] = [:]
        for level in PriorityLevel.allCases {
            counts[level] = levelCounts[level] ?? 0
        }
        return counts
    }

    /// The `count` smallest entries in order, by insertion into a short sorted buffer.
    private func smallest(_ count: Int, of keyed: [(key: (Int64, Int, String), draft: Draft)]) -> [Draft] {
        guard count > 0 else { return [] }
        var best: [(key: (Int64, Int, String), draft: Draft)] = []
        best.reserveCapacity(count + 1)
        for entry in keyed {
            if best.count == count, let last = best.last, !(entry.key < last.key) { continue }
            let position = best.firstIndex { entry.key < $0.key } ?? best.endIndex
            best.insert(entry, at: position)
            if best.count > count { best.removeLast() }
        }
        return best.map(\.draft)
    }
}
