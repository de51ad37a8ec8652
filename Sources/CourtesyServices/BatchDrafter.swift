import CourtesyCore
import CourtesyKafka

/// Drafts a batch of mentions, on several cores when the batch is big enough to be worth splitting.
///
/// Drafting is pure and costs microseconds per mention, so one task drafting a batch leaves every other
/// core idle while the broker waits. The batch is cut into contiguous chunks, one task each
/// (``ConcurrentChunks``), and the outcomes come back in the batch's order: the caller produces them in
/// that order, so one conversation's drafts still reach the topic in the order its mentions were read.
///
/// Each task also counts what its chunk drafted, by intent, priority and topic, with the time from each
/// mention to its draft, and records that into the metrics once per chunk: the counting is spread over
/// the cores too, and a counter is touched once per chunk and label rather than once per mention.
///
/// With a memory of conversations (``draft(_:remembering:at:skipping:)``), the batch is drafted in rounds,
/// so that each mention sees exactly the contacts before it, as if the mentions had been drafted one by one
/// in partition order.
struct BatchDrafter: Sendable {
    /// What drafting one mention gave.
    enum Outcome: Sendable {
        /// The draft event's JSON, and what to remember of it when drafted with a memory.
        case drafted([UInt8], Remembered?)
        /// Why the mention was refused; it goes to the dead-letter topic.
        case refused(ResponderError)
    }

    /// What a draft made with a memory leaves to remember.
    struct Remembered: Sendable {
        /// The stable hash of the conversation key.
        let conversation: UInt64
        /// The conversation key, `platform:authorId`: the key of its changelog record.
        let key: String
        /// The contact the mention makes.
        let contact: ConversationContact
        /// How many earlier contacts the draft took into account.
        let previousContacts: Int
    }

    /// A batch drafted with the memory: the outcome to send for each message (`nil` for one skipped), and
    /// the record of its conversation for the changelog when its contact was remembered, in batch order.
    struct Remembering: Sendable {
        var outcomes: [Outcome?]
        var records: [[UInt8]?]
    }

    let responder: Responder
    /// Where each chunk's counts go; `nil` records nothing.
    let metrics: ResponderMetrics?
    /// The most tasks drafting one batch at a time.
    let concurrency: Int
    /// The fewest mentions worth giving a task of their own: below this, splitting costs more than it saves.
    let minimumChunk: Int

    init(responder: Responder, concurrency: Int, minimumChunk: Int = 32, metrics: ResponderMetrics? = nil) {
        self.responder = responder
        self.metrics = metrics
        self.concurrency = max(1, concurrency)
        self.minimumChunk = max(1, minimumChunk)
    }

    /// One outcome per message, in the order of `messages`, drafted without a memory.
    func draft(_ messages: [KafkaMessage], at now: Timestamp) async -> [Outcome] {
        await ConcurrentChunks.map(messages, concurrency: concurrency, minimumChunk: minimumChunk) { chunk in
            draft(chunk, at: now)
        }
    }

    /// The outcomes of a contiguous run of messages, drafted without a memory on the calling task.
    func draft(_ messages: ArraySlice<KafkaMessage>, at now: Timestamp) -> [Outcome] {
        var tally = DraftTally()
        let outcomes = messages.map { draft($0, memory: nil, at: now, tally: &tally) }
        metrics?.record(tally)
        return outcomes
    }

    /// Drafts a batch with the memory, and remembers every drafted contact, in rounds.
    ///
    /// Each mention's conversation is read from its event first (``Responder/conversation(ofMention:)``,
    /// on every core). Round 1 drafts the first mention of each conversation in the batch, round 2 the
    /// second, and so on, by offset (``rounds(_:conversations:skipping:)``); each round is drafted on every
    /// core with the memory as the rounds before left it, then its contacts are remembered. So a mention
    /// sees exactly the contacts before it in its partition, as if the batch had been drafted one mention
    /// at a time, and every mention is drafted once: a batch without repeats is one round.
    ///
    /// The memory is read by the drafting tasks and written only between rounds, by the calling task (see
    /// ``SharedConversationMemory``).
    /// - Parameter skip: messages neither to draft nor to remember (their partition was revoked).
    func draft(
        _ messages: [KafkaMessage], remembering memory: SharedConversationMemory, at now: Timestamp,
        skipping skip: (KafkaMessage) -> Bool = { _ in false }
    ) async -> Remembering {
        let conversations = await ConcurrentChunks.map(
            messages, concurrency: concurrency, minimumChunk: minimumChunk * 8
        ) { chunk in
            chunk.map { message in message.value.withUnsafeBytes { responder.conversation(ofMention: $0) } }
        }
        let rounds = Self.rounds(messages, conversations: conversations, skipping: skip)
        var batch = Remembering(
            outcomes: [Outcome?](repeating: nil, count: messages.count),
            records: [[UInt8]?](repeating: nil, count: messages.count))
        for indices in rounds where !indices.isEmpty {
            let outcomes = await ConcurrentChunks.map(indices, concurrency: concurrency, minimumChunk: minimumChunk) {
                chunk in
                var tally = DraftTally()
                let outcomes = chunk.map { draft(messages[$0], memory: memory, at: now, tally: &tally) }
                metrics?.record(tally)
                return outcomes
            }
            for (position, index) in indices.enumerated() {
                let outcome = outcomes[position]
                batch.outcomes[index] = outcome
                if case .drafted(_, let remembered?) = outcome {
                    batch.records[index] = memory.remember(remembered, partition: messages[index].partition)
                }
            }
        }
        return batch
    }

    /// The indices of `messages` drafted in each round: round k holds the k-th mention of each conversation
    /// of a partition, by offset. A batch is in offset order within each partition except when it holds a
    /// rewind (a partition handed back while the batch was being fetched, read again from an earlier
    /// offset): then a conversation's mentions are ranked by offset, so that a later mention fetched before
    /// the rewind still comes after the earlier ones and sees them, as it did when first drafted.
    static func rounds(
        _ messages: [KafkaMessage], conversations: [UInt64?], skipping skip: (KafkaMessage) -> Bool
    ) -> [[Int]] {
        func rank(_ indices: [Int]) -> (rounds: [[Int]], inOffsetOrder: Bool) {
            var rounds: [[Int]] = [[]]
            var seen: [UInt64: (count: Int, offset: Int64)] = [:]
            var inOffsetOrder = true
            for index in indices {
                // An event that cannot be drafted is refused in the first round, whatever the memory holds.
                guard let conversation = conversations[index] else {
                    rounds[0].append(index)
                    continue
                }
                // Partition and conversation in one number: two that collide only cost an extra round.
                let partition = UInt64(UInt32(bitPattern: messages[index].partition))
                let key = conversation ^ (partition &* 0x9E37_79B9_7F4A_7C15)
                let offset = messages[index].offset
                let previous = seen[key, default: (0, .min)]
                inOffsetOrder = inOffsetOrder && offset >= previous.offset
                seen[key] = (previous.count + 1, offset)
                if previous.count == rounds.count { rounds.append([]) }
                rounds[previous.count].append(index)
            }
            return (rounds, inOffsetOrder)
        }
        let inBatchOrder = rank(messages.indices.filter { !skip(messages[$0]) })
        guard !inBatchOrder.inOffsetOrder else { return inBatchOrder.rounds }
        // Rare: rank again by offset (ties in batch order: copies of one mention see the same contacts).
        return rank(inBatchOrder.rounds.joined().sorted { (messages[$0].offset, $0) < (messages[$1].offset, $1) })
            .rounds
    }

    /// Drafts one message; with `memory`, considering the contacts before the message's offset.
    func draft(_ message: KafkaMessage, memory: SharedConversationMemory?, at now: Timestamp) -> Outcome {
        var tally = DraftTally()
        return draft(message, memory: memory, at: now, tally: &tally)
    }

    private func draft(
        _ message: KafkaMessage, memory: SharedConversationMemory?, at now: Timestamp, tally: inout DraftTally
    ) -> Outcome {
        var draft: [UInt8] = []
        let drafted = message.value.withUnsafeBytes { buffer in
            Result { () throws(ResponderError) -> (Classification, Remembered?) in
                guard let memory else {
                    return (try responder.appendDraft(json: buffer, to: &draft, at: now), nil)
                }
                // The copy of the memory lives only for this call (see SharedConversationMemory).
                let mention = try responder.appendDraft(
                    json: buffer, to: &draft, memory: (memory.memory, message.partition, message.offset), at: now)
                guard let contact = mention.contact, let key = mention.conversationKey else {
                    return (mention.classification, nil)
                }
                let remembered = Remembered(
                    conversation: mention.conversation, key: key, contact: contact,
                    previousContacts: mention.previousContacts)
                return (mention.classification, remembered)
            }
        }
        switch drafted {
        case .success(let (classification, remembered)):
            tally.countDraft(classification, mentionAppendedAt: message.timestamp, draftedAt: now)
            return .drafted(draft, remembered)
        case .failure(let error):
            tally.countDeadLetter(error.reason)
            return .refused(error)
        }
    }
}
