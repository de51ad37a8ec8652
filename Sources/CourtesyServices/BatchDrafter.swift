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
/// With a memory of conversations, every task reads the memory as it was when the batch started; the
/// caller then remembers each draft's contact in batch order, and a mention whose conversation already
/// came up earlier in the batch is drafted again, on the caller's task, once the earlier contacts are
/// remembered (``final(_:for:repeats:memory:at:)``): the drafts are exactly those of drafting the mentions
/// one by one in partition order.
struct BatchDrafter: Sendable {
    /// What drafting one mention gave.
    enum Outcome: Sendable {
        /// The draft event's JSON, and what to remember of it when drafted with a memory.
        case drafted([UInt8], Remembered?)
        /// Why the mention was refused; it goes to the dead-letter topic.
        case refused(ResponderError)
    }

    /// What a draft made with a memory leaves to remember, once it is sent.
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

    /// One outcome per message, in the order of `messages`; with `memory`, each drafted with the memory as
    /// it is now (see ``final(_:for:repeats:memory:at:)`` for what the caller does next).
    func draft(_ messages: [KafkaMessage], memory: SharedConversationMemory? = nil, at now: Timestamp) async
        -> [Outcome]
    {
        await ConcurrentChunks.map(messages, concurrency: concurrency, minimumChunk: minimumChunk) { chunk in
            draft(chunk, memory: memory, at: now)
        }
    }

    /// The outcomes of a contiguous run of messages, drafted on the calling task.
    func draft(_ messages: ArraySlice<KafkaMessage>, memory: SharedConversationMemory? = nil, at now: Timestamp)
        -> [Outcome]
    {
        var outcomes: [Outcome] = []
        outcomes.reserveCapacity(messages.count)
        var tally = DraftTally()
        for message in messages {
            let (outcome, classification) = draftClassified(message, memory: memory, at: now)
            switch outcome {
            case .drafted:
                if let classification {
                    tally.countDraft(classification, mentionAppendedAt: message.timestamp, draftedAt: now)
                }
            case .refused(let error):
                tally.countDeadLetter(error.reason)
            }
            outcomes.append(outcome)
        }
        metrics?.record(tally)
        return outcomes
    }

    /// The outcome to send for the message at its place in the batch, given the outcome drafted with the
    /// memory as it was at the start of the batch.
    ///
    /// Call it in batch order, remembering each drafted contact before the next call. A mention whose
    /// conversation (in its partition) came up earlier in the batch is drafted again with the memory as it
    /// is now, holding the earlier contacts; the others keep their draft, which those contacts cannot change.
    /// A mention refused for a reason other than its input (the templates) is drafted again too: earlier
    /// contacts change the reply, so they can change whether one fits.
    /// - Parameter repeats: the conversations seen so far in the batch; the caller keeps it across calls.
    func final(
        _ outcome: Outcome, for message: KafkaMessage, repeats: inout Set<UInt64>, memory: SharedConversationMemory,
        at now: Timestamp
    ) -> Outcome {
        switch outcome {
        case .drafted(_, let remembered?):
            guard !repeats.insert(Self.seen(remembered, message)).inserted else { return outcome }
            return draft(message, memory: memory, at: now)
        case .refused(let error) where !error.reason.isBadInput:
            let again = draft(message, memory: memory, at: now)
            if case .drafted(_, let remembered?) = again { repeats.insert(Self.seen(remembered, message)) }
            return again
        case .drafted(_, nil), .refused:
            return outcome
        }
    }

    /// A conversation in its partition, as one number: two that collide only cost a needless redraft.
    private static func seen(_ remembered: Remembered, _ message: KafkaMessage) -> UInt64 {
        remembered.conversation ^ (UInt64(UInt32(bitPattern: message.partition)) &* 0x9E37_79B9_7F4A_7C15)
    }

    /// Drafts one message; with `memory`, considering the contacts before the message's offset.
    func draft(_ message: KafkaMessage, memory: SharedConversationMemory?, at now: Timestamp) -> Outcome {
        draftClassified(message, memory: memory, at: now).outcome
    }

    /// ``draft(_:memory:at:)``, with the classification of a draft for the tally.
    private func draftClassified(_ message: KafkaMessage, memory: SharedConversationMemory?, at now: Timestamp)
        -> (outcome: Outcome, classification: Classification?)
    {
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
            return (.drafted(draft, remembered), classification)
        case .failure(let error):
            return (.refused(error), nil)
        }
    }
}
