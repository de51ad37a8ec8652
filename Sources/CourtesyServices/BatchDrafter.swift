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
/// With a memory of conversations (``draft(_:remembering:at:skipping:)``), every task reads the memory as it
/// was when the batch started, and the contacts are remembered afterwards; a mention whose conversation
/// already came up earlier in the batch is drafted again once the earlier contacts are remembered, so the
/// drafts are exactly those of drafting the mentions one by one in partition order.
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

    /// A batch drafted with the memory: the outcome to send for each message, and the record of its
    /// conversation for the changelog when its contact was remembered, both in batch order.
    struct Remembering: Sendable {
        var outcomes: [Outcome]
        var records: [[UInt8]?]
    }

    /// Drafts a batch with the memory and remembers every drafted contact, in rounds: the first mention
    /// of each conversation in the batch keeps its draft, made with the memory as it was at the start;
    /// the second is drafted again once the first contacts are remembered, the third once the second are,
    /// and so on. Each round is drafted on every core and remembered in batch order, so a mention sees
    /// exactly the contacts before it, as if the batch had been drafted one mention at a time; a batch
    /// without repeats costs one draft per mention. A refusal by the templates (no conversation to go by)
    /// sends the batch through ``final(_:for:repeats:memory:at:)`` one mention after another instead.
    /// - Parameter skip: messages not to draft or remember (their partition was revoked); their outcome is
    ///   what the first drafting gave, and their record `nil`.
    func draft(
        _ messages: [KafkaMessage], remembering memory: SharedConversationMemory, at now: Timestamp,
        skipping skip: (KafkaMessage) -> Bool = { _ in false }
    ) async -> Remembering {
        var batch = Remembering(
            outcomes: await draft(messages, memory: memory, at: now),
            records: [[UInt8]?](repeating: nil, count: messages.count))
        func remember(_ index: Int) {
            guard case .drafted(_, let remembered?) = batch.outcomes[index] else { return }
            batch.records[index] = memory.remember(remembered, partition: messages[index].partition)
        }
        let byTemplates = batch.outcomes.contains {
            if case .refused(let error) = $0 { !error.reason.isBadInput } else { false }
        }
        if byTemplates {
            var repeats = Set<UInt64>()
            for index in messages.indices where !skip(messages[index]) {
                batch.outcomes[index] = final(
                    batch.outcomes[index], for: messages[index], repeats: &repeats, memory: memory, at: now)
                remember(index)
            }
            return batch
        }
        var occurrences: [UInt64: Int] = [:]
        var rounds: [[Int]] = [[]]
        for index in messages.indices where !skip(messages[index]) {
            guard case .drafted(_, let remembered?) = batch.outcomes[index] else { continue }
            let conversation = Self.seen(remembered, messages[index])
            let round = occurrences[conversation, default: 0]
            occurrences[conversation] = round + 1
            if round == rounds.count { rounds.append([]) }
            rounds[round].append(index)
        }
        for (round, indices) in rounds.enumerated() {
            if round > 0 {
                let again = await ConcurrentChunks.map(indices, concurrency: concurrency, minimumChunk: minimumChunk) {
                    chunk in
                    chunk.map { draft(messages[$0], memory: memory, at: now) }
                }
                for (position, index) in indices.enumerated() { batch.outcomes[index] = again[position] }
            }
            for index in indices { remember(index) }
        }
        return batch
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
