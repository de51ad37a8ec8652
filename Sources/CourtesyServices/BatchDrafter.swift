import CourtesyCore
import CourtesyKafka

/// Drafts a batch of mentions, on several cores when the batch is big enough to be worth splitting.
///
/// Drafting is pure and costs microseconds per mention, so one task drafting a batch leaves every other
/// core idle while the broker waits. The batch is cut into contiguous chunks, one task each, and the
/// outcomes come back in the batch's order: the caller produces them in that order, so one conversation's
/// drafts still reach the topic in the order its mentions were read.
struct BatchDrafter: Sendable {
    /// What drafting one mention gave.
    enum Outcome: Sendable {
        /// The draft event's JSON, and how the mention was classified (for metrics).
        case drafted([UInt8], Classification)
        /// Why the mention was refused; it goes to the dead-letter topic.
        case refused(ResponderError)
    }

    let responder: Responder
    /// The most tasks drafting one batch at a time.
    let concurrency: Int
    /// The fewest mentions worth giving a task of their own: below this, splitting costs more than it saves.
    let minimumChunk: Int

    init(responder: Responder, concurrency: Int, minimumChunk: Int = 32) {
        self.responder = responder
        self.concurrency = max(1, concurrency)
        self.minimumChunk = max(1, minimumChunk)
    }

    /// One outcome per message, in the order of `messages`.
    func draft(_ messages: [KafkaMessage], at now: Timestamp) async -> [Outcome] {
        let tasks = min(concurrency, messages.count / minimumChunk)
        guard tasks > 1 else { return draft(messages[...], at: now) }
        let chunkSize = (messages.count + tasks - 1) / tasks
        let chunks = stride(from: 0, to: messages.count, by: chunkSize).map { start in
            messages[start..<min(start + chunkSize, messages.count)]
        }
        return await withTaskGroup(of: (Int, [Outcome]).self) { group in
            // The last chunk is drafted by this task, which would otherwise only wait.
            for (index, chunk) in chunks.enumerated().dropLast() {
                group.addTask { (index, draft(chunk, at: now)) }
            }
            var outcomes = [[Outcome]](repeating: [], count: chunks.count)
            outcomes[chunks.count - 1] = draft(chunks[chunks.count - 1], at: now)
            for await (index, chunkOutcomes) in group {
                outcomes[index] = chunkOutcomes
            }
            return outcomes.flatMap { $0 }
        }
    }

    /// The outcomes of a contiguous run of messages, drafted on the calling task.
    func draft(_ messages: ArraySlice<KafkaMessage>, at now: Timestamp) -> [Outcome] {
        var outcomes: [Outcome] = []
        outcomes.reserveCapacity(messages.count)
        for message in messages {
            var draft: [UInt8] = []
            let drafted = message.value.withUnsafeBytes { buffer in
                Result { () throws(ResponderError) in try responder.appendDraft(json: buffer, to: &draft, at: now) }
            }
            switch drafted {
            case .success(let classification): outcomes.append(.drafted(draft, classification))
            case .failure(let error): outcomes.append(.refused(error))
            }
        }
        return outcomes
    }
}
