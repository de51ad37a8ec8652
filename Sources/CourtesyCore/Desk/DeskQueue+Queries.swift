extension DeskQueue {
    /// The pending drafts that match `filter`, in queue order (earliest reply-by first, then the most
    /// urgent, then id); at most `limit` of them when a limit is given.
    package func list(filter: DeskFilter = DeskFilter(), limit: Int? = nil) -> [Draft] {
        var matching: [PendingDraft] = []
        matching.reserveCapacity(pending.count)
        for entry in pending.values where filter.matches(entry.draft) {
            matching.append(entry)
        }
        if let limit, limit <= 64, limit < matching.count {
            // Only the first few are wanted (`review next`): a selection, not a full sort.
            return smallest(limit, of: matching).map(\.draft)
        }
        // Sort small keys that compare as integers, and look at ids only on a tie.
        var keys = matching.indices.map { (key: matching[$0].sortKey, index: $0) }
        keys.sort { lhs, rhs in
            if lhs.key != rhs.key { return lhs.key < rhs.key }
            return matching[lhs.index].draft.id < matching[rhs.index].draft.id
        }
        let count = limit.map { min(max($0, 0), keys.count) } ?? keys.count
        return keys.prefix(count).map { matching[$0.index].draft }
    }

    /// The pending conversations that have at least one draft matching `filter`, each with all of
    /// its pending drafts (oldest first), the most urgent conversation first (ordered by each
    /// conversation's first draft in queue order).
    package func conversations(filter: DeskFilter = DeskFilter()) -> [ConversationGroup] {
        var groups: [(first: PendingDraft, conversation: String, entries: [PendingDraft])] = []
        for (conversation, entries) in pendingByConversation where entries.contains(where: { filter.matches($0.draft) })
        {
            var first = entries[0]
            for entry in entries.dropFirst() where PendingDraft.comesFirst(entry, first) {
                first = entry
            }
            groups.append((first, conversation, entries))
        }
        // A draft belongs to one conversation, so the first drafts never tie.
        groups.sort { lhs, rhs in
            if lhs.first.sortKey != rhs.first.sortKey { return lhs.first.sortKey < rhs.first.sortKey }
            return lhs.first.draft.id < rhs.first.draft.id
        }
        return groups.map { group in
            let entries = group.entries.count == 1 ? group.entries : group.entries.sorted(by: DeskQueue.isOlder)
            return ConversationGroup(conversation: group.conversation, drafts: entries.map(\.draft))
        }
    }

    /// Where the draft with this id stands, or `nil` if the desk has never heard of it.
    package func show(_ id: String) -> DraftStatus? {
        if let record = decided[id] { return .decided(record) }
        if let unreadable = unreadable[id] { return .decidedUnreadably(unreadable) }
        guard let entry = pending[id] else { return nil }
        let conversation = (pendingByConversation[entry.draft.conversation] ?? [])
            .sorted(by: DeskQueue.isOlder)
            .map(\.draft)
        return .pending(entry.draft, conversation: conversation)
    }

    /// How many pending drafts match `filter`.
    package func count(filter: DeskFilter) -> Int {
        var count = 0
        for entry in pending.values where filter.matches(entry.draft) {
            count += 1
        }
        return count
    }

    /// How many drafts of `conversation` are pending.
    package func pendingCount(inConversation conversation: String) -> Int {
        pendingByConversation[conversation]?.count ?? 0
    }

    /// The conversation of a pending draft, or `nil` if the draft is not pending.
    package func conversation(ofPending id: String) -> String? {
        pending[id]?.draft.conversation
    }

    /// How many pending drafts are past their reply-by deadline at `time`.
    package func overdueCount(at time: Timestamp) -> Int {
        let now = time.millisecondsSinceEpoch
        var count = 0
        for entry in pending.values where entry.replyBy < now {
            count += 1
        }
        return count
    }

    /// How many drafts are pending at each priority level (every level present, zero included).
    package var pendingCountsByPriority: [PriorityLevel: Int] {
        var counts: [PriorityLevel: Int] = [:]
        for level in PriorityLevel.allCases {
            counts[level] = levelCounts[DeskQueue.rank(level)]
        }
        return counts
    }

    /// The `count` first entries in queue order, by insertion into a short sorted buffer.
    private func smallest(_ count: Int, of entries: [PendingDraft]) -> [PendingDraft] {
        guard count > 0 else { return [] }
        var best: [PendingDraft] = []
        best.reserveCapacity(count + 1)
        for entry in entries {
            if best.count == count, let last = best.last, !PendingDraft.comesFirst(entry, last) { continue }
            let position = best.firstIndex { PendingDraft.comesFirst(entry, $0) } ?? best.endIndex
            best.insert(entry, at: position)
            if best.count > count { best.removeLast() }
        }
        return best
    }
}
