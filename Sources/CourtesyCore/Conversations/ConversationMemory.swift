/// What the responder remembers of recent conversations: each one's last few contacts, by partition.
///
/// A value with no locks: the responder's batch loop owns it, reads it while a batch is drafted and
/// writes it between batches, in partition order. Keys are the stable hash of the conversation key
/// (``StableHash/hash(_:)`` of `platform:authorId`), so a conversation costs no key string; each one's
/// contacts are held as their ``ConversationRecord`` bytes, the same bytes written to the changelog.
///
/// Determinism: ``earlierContacts(conversation:partition:before:at:)`` returns only contacts at
/// earlier positions, so a mention drafted again after a crash, when the memory already holds its own
/// contact and later ones, sees exactly what it saw the first time.
package struct ConversationMemory: Sendable {
    /// How much is remembered.
    package struct Settings: Sendable, Hashable {
        /// The most contacts kept per conversation.
        package var contacts: Int
        /// How far back a contact counts, in seconds before the mention being drafted.
        package var windowSeconds: Int
        /// The most conversations held; past it the oldest are forgotten first.
        package var conversations: Int

        /// 5 contacts within 14 days, for up to a million conversations.
        package init(contacts: Int = 5, windowSeconds: Int = 14 * 86_400, conversations: Int = 1_000_000) {
            self.contacts = contacts
            self.windowSeconds = windowSeconds
            self.conversations = conversations
        }
    }

    private struct Entry: Sendable {
        /// The conversation's ``ConversationRecord``.
        var record: [UInt8]
        /// When its newest contact was, in milliseconds since 1970: what forgetting goes by.
        var newest: Int64
    }

    /// What is remembered.
    package let settings: Settings
    private var partitions: [Int32: [UInt64: Entry]] = [:]
    /// How many conversations are remembered.
    package private(set) var count = 0
    /// How many conversations were forgotten to stay within ``Settings/conversations``, ever.
    package private(set) var forgotten = 0

    /// An empty memory.
    package init(settings: Settings = Settings()) {
        self.settings = settings
    }

    /// The partitions the memory holds conversations of.
    package var partitionsHeld: [Int32] { partitions.keys.sorted() }

    /// How many conversations of `partition` are remembered.
    package func conversations(in partition: Int32) -> Int { partitions[partition]?.count ?? 0 }

    /// The bytes the remembered records take, without the tables' own overhead.
    package var recordBytes: Int {
        partitions.values.reduce(0) { total, table in total + table.values.reduce(0) { $0 + $1.record.count } }
    }

    /// The conversation's contacts before `position`, newest first, within the window before `time`
    /// and at most ``Settings/contacts`` of them.
    package func earlierContacts(conversation: UInt64, partition: Int32, before position: Int64, at time: Timestamp)
        -> [ConversationContact]
    {
        guard settings.contacts > 0, let entry = partitions[partition]?[conversation],
            let contacts = ConversationRecord.contacts(in: entry.record)
        else { return [] }
        let oldest = time.millisecondsSinceEpoch - Int64(settings.windowSeconds) * 1000
        var earlier: [ConversationContact] = []
        for contact in contacts.reversed()
        where contact.position < position && contact.at.millisecondsSinceEpoch >= oldest {
            earlier.append(contact)
            if earlier.count == settings.contacts { break }
        }
        return earlier
    }

    /// Remembers a contact and returns the conversation's record to write to the changelog.
    ///
    /// The contact takes its place by position (replacing one at the same position, as a replay does);
    /// contacts outside the window before it, and all but the newest ``Settings/contacts``, are dropped.
    @discardableResult
    package mutating func remember(_ contact: ConversationContact, conversation: UInt64, partition: Int32) -> [UInt8] {
        if settings.contacts > 0 {
            // The common cases in one lookup (which adds the entry of a first contact): a conversation's first
            // contact, and a contact after every one remembered; any other (a replay) is merged below.
            let entry = Entry(record: [], newest: 0)
            if let (record, added) = Self.rememberLatest(
                contact, in: &partitions[partition, default: [:]][conversation, default: entry], settings: settings)
            {
                if added {
                    count += 1
                    if count > settings.conversations { forgetOldest() }
                }
                return record
            }
        }
        var contacts = partitions[partition]?[conversation].flatMap { ConversationRecord.contacts(in: $0.record) } ?? []
        contacts.removeAll { $0.position == contact.position }
        let index = contacts.firstIndex { $0.position > contact.position } ?? contacts.endIndex
        contacts.insert(contact, at: index)
        let record = store(contacts, conversation: conversation, partition: partition)
        return record
    }

    /// Adds `contact` to an entry when it comes after every contact the entry holds: the entry just added
    /// for a conversation's first contact (its record empty, which no stored entry's is), or the next
    /// contact of a known one. The kept contacts' bytes are copied, not decoded, and the result is the
    /// record that merging would give: the contacts within the window before `contact`, at most
    /// ``Settings/contacts`` of them.
    /// - Returns: the record and whether the entry was added, or `nil`, leaving the entry as it was, when
    ///   `contact` does not come after every contact held.
    private static func rememberLatest(_ contact: ConversationContact, in entry: inout Entry, settings: Settings)
        -> (record: [UInt8], added: Bool)?
    {
        guard !entry.record.isEmpty else {
            let record = ConversationRecord.bytes(of: contact)
            entry = Entry(record: record, newest: contact.at.millisecondsSinceEpoch)
            return (record, true)
        }
        guard let outlines = ConversationRecord.outline(of: entry.record),
            outlines.allSatisfy({ $0.position < contact.position })
        else { return nil }
        let oldest = contact.at.millisecondsSinceEpoch - Int64(settings.windowSeconds) * 1000
        let kept = outlines.filter { $0.milliseconds >= oldest }.suffix(settings.contacts - 1)
        let record = ConversationRecord.bytes(keeping: kept, of: entry.record, then: contact)
        let newest = kept.reduce(contact.at.millisecondsSinceEpoch) { max($0, $1.milliseconds) }
        entry = Entry(record: record, newest: newest)
        return (record, false)
    }

    /// Merges a record read from the changelog into what is remembered, by position: records of one
    /// conversation written by two instances (one of them a zombie) lose no contact.
    ///
    /// - Parameter position: only contacts before it are kept. Rebuilding a partition to draft it from
    ///   `position` on, the contacts at and after it are those of mentions about to be drafted again (an
    ///   instance that crashed wrote them before its offsets were committed): left in, they would push the
    ///   older contacts that those mentions saw out of the conversation's budget, and a replay would differ.
    ///   Every version of the record still in the changelog is merged before the budget applies.
    /// - Returns: `false` when the bytes are not a record this version reads; nothing is changed then.
    @discardableResult
    package mutating func restore(
        _ record: some Collection<UInt8>, conversation: UInt64, partition: Int32, before position: Int64 = .max
    ) -> Bool {
        guard var contacts = ConversationRecord.contacts(in: record) else { return false }
        if position < .max { contacts.removeAll { $0.position >= position } }
        if let known = partitions[partition]?[conversation].flatMap({ ConversationRecord.contacts(in: $0.record) }) {
            let positions = Set(contacts.map(\.position))
            contacts += known.filter { !positions.contains($0.position) }
            contacts.sort { $0.position < $1.position }
        }
        guard !contacts.isEmpty else { return true }
        store(contacts, conversation: conversation, partition: partition)
        return true
    }

    /// Forgets every conversation of a partition: it was revoked, and its next owner rebuilds it.
    package mutating func forget(partition: Int32) {
        guard let table = partitions.removeValue(forKey: partition) else { return }
        count -= table.count
    }

    /// Keeps the newest contacts within the window and stores their record.
    @discardableResult
    private mutating func store(_ contacts: [ConversationContact], conversation: UInt64, partition: Int32) -> [UInt8] {
        var kept = contacts
        if let newest = kept.last {
            let oldest = newest.at.millisecondsSinceEpoch - Int64(settings.windowSeconds) * 1000
            kept.removeAll { $0.at.millisecondsSinceEpoch < oldest }
        }
        if kept.count > settings.contacts { kept.removeFirst(kept.count - settings.contacts) }
        let record = ConversationRecord.bytes(of: kept)
        let newest = kept.reduce(Int64.min) { max($0, $1.at.millisecondsSinceEpoch) }
        let added =
            partitions[partition, default: [:]].updateValue(
                Entry(record: record, newest: newest), forKey: conversation) == nil
        if added {
            count += 1
            if count > settings.conversations { forgetOldest() }
        }
        return record
    }

    /// Forgets the conversations with the oldest newest contact until a sixteenth of the budget is free,
    /// so that the sort this takes is paid once per many conversations added.
    private mutating func forgetOldest() {
        let target = settings.conversations - max(1, settings.conversations / 16)
        var times: [Int64] = []
        times.reserveCapacity(count)
        for table in partitions.values { for entry in table.values { times.append(entry.newest) } }
        times.sort()
        let excess = count - max(0, target)
        guard excess > 0 else { return }
        // Everything as old as the cut goes, ties included, so the result does not depend on table order.
        let cut = times[excess - 1]
        for partition in Array(partitions.keys) {
            let before = partitions[partition]!.count
            partitions[partition] = partitions[partition]!.filter { $0.value.newest > cut }
            let removed = before - partitions[partition]!.count
            count -= removed
            forgotten += removed
        }
    }
}
