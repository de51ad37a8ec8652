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
struct BatchDrafter: Sendable {
    /// What drafting one mention gave.
    enum Outcome: Sendable {
        /// The draft event's JSON.
        case drafted([UInt8])
        /// Why the mention was refused; it goes to the dead-letter topic.
        case refused(ResponderError)
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

    /// One outcome per message, in the order of `messages`.
    func draft(_ messages: [KafkaMessage], at now: Timestamp) async -> [Outcome] {
        await ConcurrentChunks.map(messages, concurrency: concurrency, minimumChunk: minimumChunk) { chunk in
            draft(chunk, at: now)
        }
    }

    /// The outcomes of a contiguous run of messages, drafted on the calling task.
    func draft(_ messages: ArraySlice<KafkaMessage>, at now: Timestamp) -> [Outcome] {
        var outcomes: [Outcome] = []
        outcomes.reserveCapacity(messages.count)
        var tally = DraftTally()
        for message in messages {
            var draft: [UInt8] = []
            let drafted = message.value.withUnsafeBytes { buffer in
                Result { () throws(ResponderError) in try responder.appendDraft(json: buffer, to: &draft, at: now) }
            }
            switch drafted {
            case .success(let classification):
                outcomes.append(.drafted(draft))
                tally.countDraft(classification, mentionAppendedAt: message.timestamp, draftedAt: now)
            case .failure(let error):
                outcomes.append(.refused(error))
                tally.countDeadLetter(error.reason)
            }
        }
        metrics?.record(tally)
        return outcomes
    }
}
