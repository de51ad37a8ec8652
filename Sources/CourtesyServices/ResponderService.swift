import CourtesyCore
import CourtesyKafka
import CourtesyLocking
import Logging
import Metrics
import ServiceLifecycle

/// The responder: a consumer group on the mentions topic that writes one draft per mention.
///
/// For each mention it calls the pure ``Responder`` (decode → classify → personalise → render → encode) and
/// produces the draft, keyed like the mention so a conversation stays in order. A batch is drafted on
/// every core (``BatchDrafter``) and its drafts produced in the batch's order. A mention that cannot be
/// drafted goes to the dead-letter topic, unchanged, with headers saying why and where from; the service
/// never stops on bad input. A mention's offset is acknowledged only once the broker has acknowledged its
/// draft or dead letter, so nothing is lost across crashes; draft ids are derived from mention ids, so a
/// replay after a crash produces the same drafts, which the desk de-duplicates.
///
/// A record is never a reason to stop: one too large to copy into a dead letter is summarised
/// (``DeadLetter``), and one the broker refuses as too large is summarised and sent again. If a draft
/// cannot be delivered at all (the producer's delivery timeout passed), the service stops with the error
/// instead of skipping it: the mention stays uncommitted and the next instance drafts it again.
///
/// With a memory of conversations (the default; ``ResponderServiceConfiguration/memory``), drafts consider the
/// conversation's earlier contacts, and the service is a stateful stream processor: each drafted mention's
/// conversation record is written to the compacted changelog (``ConversationChangelog``), in the mention's
/// partition, and the mention is acknowledged only once both its draft and that state write are
/// (``OutputAcknowledgements``). Before the first mention of a newly assigned partition is drafted, the
/// partition's memory is rebuilt from the changelog; a revoked partition's memory is forgotten. A batch is
/// drafted in rounds, a conversation's second mention of the batch after its first is remembered
/// (``BatchDrafter``): the drafts are those of one-by-one processing in partition order, so a replay writes
/// the same text.
package final class ResponderService: Service {
    private let kafka: KafkaConfiguration
    private let configuration: ResponderServiceConfiguration
    private let responder: Responder
    private let logger: Logger
    private let onAcknowledged: Acknowledged?
    private let state = Locked(State())
    /// Dead letters sent and not yet acknowledged, by delivery token: rare, so a locked table costs nothing.
    private let deadLettersInFlight = Locked<[KafkaInputToken: DeadLetter]>([:])
    /// The largest dead letter this instance sends (``ResponderServiceConfiguration/deadLetterLimit(_:)``).
    private let deadLetterLimit: Int

    /// Told the input positions whose draft or dead letter the broker has just acknowledged.
    package typealias Acknowledged = @Sendable (_ positions: [KafkaPosition]) -> Void

    private struct State {
        var consumer: KafkaConsumer?
        var producer: KafkaProducer?
        var stopping = false
        var memory: MemoryFigures?
    }

    /// What the memory of conversations held when the service stopped.
    package struct MemoryFigures: Sendable {
        /// Conversations remembered.
        package var conversations: Int
        /// The bytes of their records, without the tables' own overhead.
        package var recordBytes: Int
        /// Conversations forgotten to stay within the budget.
        package var forgotten: Int
    }

    package init(
        kafka: KafkaConfiguration,
        configuration: ResponderServiceConfiguration = ResponderServiceConfiguration(),
        responder: Responder,
        logger: Logger,
        onAcknowledged: Acknowledged? = nil
    ) {
        self.kafka = kafka
        self.configuration = configuration
        self.responder = responder
        self.logger = logger
        self.onAcknowledged = onAcknowledged
        self.deadLetterLimit = configuration.deadLetterLimit(kafka)
    }

    /// The partitions this instance currently owns; empty until it has joined its group.
    package var assignment: [KafkaTopicPartition] {
        state.withLock { $0.consumer?.assignment ?? [] }
    }

    /// What the memory of conversations held when ``run()`` returned; `nil` before, or without a memory.
    package var memoryFigures: MemoryFigures? {
        state.withLock { $0.memory }
    }

    /// Ready when this instance owns partitions and the cluster answers.
    package func isReady() async -> Bool {
        await notReady() == nil
    }

    /// Why this instance is not ready, or `nil` when it owns partitions and the cluster answers.
    package func notReady() async -> String? {
        let (consumer, producer) = state.withLock { ($0.consumer, $0.producer) }
        guard let consumer, let producer else { return "starting" }
        if let failure { return "stopping on a fatal Kafka error: \(failure.message)" }
        if let missing = Self.missingTopicsMessage(consumer.missingTopics) { return missing }
        if consumer.assignment.isEmpty { return "waiting for the group to assign partitions" }
        guard (try? await producer.metadata(timeout: .seconds(2))) != nil else { return "the cluster does not answer" }
        return nil
    }

    /// What to tell an operator about input topics that do not exist.
    private static func missingTopicsMessage(_ topics: Set<String>) -> String? {
        guard !topics.isEmpty else { return nil }
        let names = topics.sorted().joined(separator: ", ")
        return "the input topic \(names) does not exist; create it with `courtesy topics create --bootstrap ...`, "
            + "and the responder starts within seconds"
    }

    /// The fatal error a Kafka client of this service raised, if any: ``run()`` then stops and throws it, and
    /// `/healthz` fails meanwhile.
    package var failure: KafkaError? {
        let (consumer, producer) = state.withLock { ($0.consumer, $0.producer) }
        return producer?.fatal ?? consumer?.fatal
    }

    /// Consumes until the service group shuts down, then finishes in-flight mentions, commits, and leaves.
    package func run() async throws {
        // Created here, not in init, so that they bind to whatever metrics backend the process bootstrapped.
        let metrics = ResponderMetrics()
        Gauge(
            label: ServiceMetricName.toneModel,
            dimensions: [("model", responder.classifier.toneModel?.identifier ?? "rules")]
        ).record(1)
        let drafter = BatchDrafter(responder: responder, concurrency: configuration.draftingTasks, metrics: metrics)
        let consumer = try KafkaConsumer(configuration: configuration.consumer(kafka), logger: logger)
        let stopNow = state.withLock { state in
            state.consumer = consumer
            return state.stopping
        }
        let deliveryFailure = Locked<KafkaError?>(nil)
        let mentionsTopic = configuration.mentionsTopic
        let onAcknowledged = self.onAcknowledged
        let deadLetters = deadLettersInFlight
        let resend = Locked<KafkaProducer?>(nil)
        let logger = self.logger
        let acknowledgements = OutputAcknowledgements()
        let remembers = configuration.remembersConversations
        let producer = try KafkaProducer(
            configuration: configuration.producer(kafka),
            logger: logger
        ) { reports in
            var settled: [(token: KafkaInputToken, acknowledged: Bool)] = []
            settled.reserveCapacity(reports.count)
            let letters = deadLetters.withLock { letters in
                letters.isEmpty ? [:] : letters.take(reports.compactMap { KafkaInputToken(rawValue: $0.token) })
            }
            for report in reports {
                // Every output the responder sends carries its mention's token.
                guard let token = KafkaInputToken(rawValue: report.token) else { continue }
                if let error = report.error {
                    if error.isMessageTooLarge, let letter = letters[token]?.summarised(),
                        let producer = resend.withLock({ $0 })
                    {
                        logger.warning(
                            "the broker refused a dead letter as too large; sending it summarised",
                            metadata: ["topic": "\(letter.message.topic)", "error": "\(error)"])
                        deadLetters.withLock { $0[token] = letter }
                        Task {
                            do throws(KafkaError) {
                                try await producer.send(letter.message, token: token.rawValue)
                            } catch {
                                deliveryFailure.withLock { $0 = $0 ?? error }
                            }
                        }
                    } else {
                        deliveryFailure.withLock { $0 = $0 ?? error }
                    }
                }
                settled.append((token, report.error == nil))
            }
            // A dead letter, or a draft made without a memory, is its mention's only output; a dead letter sent
            // for a draft too large to send waits for the state write its remembered contact made.
            let complete = acknowledgements.complete(settled) { token in
                !remembers || letters[token].map { !$0.hasStateWrite } ?? false
            }
            let delivered = consumer.positions(of: complete)
            consumer.acknowledge(delivered)
            // Called on the delivery thread, with no lock held; `bench pipeline` times latency here.
            onAcknowledged?(delivered)
        }
        // The producer's handler holds `resend`, which holds the producer: broken when the run ends.
        resend.withLock { $0 = producer }
        defer { resend.withLock { $0 = nil } }
        state.withLock { $0.producer = producer }
        if stopNow { consumer.triggerShutdown() }
        // Four times a second. A producer that raised a fatal error sends nothing more: stop consuming, and end
        // with its error. An input topic that does not exist is said in the log, and again once it does.
        let watch = Task {
            var missing: Set<String> = []
            while !Task.isCancelled {
                if let fatal = producer.fatal {
                    deliveryFailure.withLock { $0 = fatal }
                    consumer.abandon()
                    return
                }
                let nowMissing = consumer.missingTopics
                if nowMissing != missing {
                    if let message = Self.missingTopicsMessage(nowMissing) {
                        logger.error("\(message)")
                    } else {
                        logger.info("the input topics exist now", metadata: ["topics": "\(missing.sorted())"])
                    }
                    missing = nowMissing
                }
                try? await Task.sleep(for: .milliseconds(250))
            }
        }
        defer { watch.cancel() }

        logger.info(
            "responder started",
            metadata: [
                "mentions": "\(configuration.mentionsTopic)", "drafts": "\(configuration.draftsTopic)",
                "deadLetters": "\(configuration.deadLetterTopic)", "group": "\(configuration.groupID)",
                "memory": "\(memoryDescription)",
            ]
        )
        let memory = remembers ? SharedConversationMemory(settings: configuration.memory) : nil
        let changelog = ConversationChangelog(
            kafka: kafka, topic: configuration.conversationsTopic, mentionsTopic: mentionsTopic,
            groupID: configuration.groupID, windowSeconds: configuration.memory.windowSeconds, logger: logger,
            metrics: metrics)
        var forgotten = 0
        do {
            try await withGracefulShutdownHandler {
                for try await batch in consumer.batches {
                    let now = Timestamp.now()
                    metrics.mentionsConsumed.increment(by: batch.count)
                    let tokens = try Self.tokens(of: batch, from: consumer)
                    if let memory {
                        try await follow(
                            consumer.assignmentGenerations, batch: batch, memory: memory, changelog: changelog,
                            consumer: consumer, producer: producer, acknowledgements: acknowledgements)
                        try await draftRemembering(
                            batch, tokens: tokens, memory: memory, drafter: drafter, at: now, producer: producer,
                            acknowledgements: acknowledgements, metrics: metrics)
                        metrics.conversations.record(memory.count)
                        if memory.forgotten > forgotten {
                            metrics.forgotten.increment(by: memory.forgotten - forgotten)
                            forgotten = memory.forgotten
                        }
                    } else {
                        let outcomes = await drafter.draft(batch, at: now)
                        for index in batch.indices {
                            _ = try await send(
                                outcomes[index], for: batch[index], token: tokens[index], producer: producer)
                        }
                    }
                    if let failure = deliveryFailure.withLock({ $0 }) {
                        throw failure
                    }
                }
                if let failure = deliveryFailure.withLock({ $0 }) {
                    throw failure
                }
            } onGracefulShutdown: {
                self.stop()
            }
        } catch {
            logger.error("responder stopping on error", metadata: ["error": "\(error)"])
            // Nothing more can be acknowledged once the producer is gone: no drain.
            if producer.fatal != nil { consumer.abandon() } else { consumer.triggerShutdown() }
            await consumer.shutdown()
            await producer.shutdown()
            keepFigures(of: memory)
            throw error
        }
        await consumer.shutdown()
        await producer.shutdown()
        keepFigures(of: memory)
        logger.info("responder stopped")
    }

    private var memoryDescription: String {
        let settings = configuration.memory
        guard configuration.remembersConversations else { return "off" }
        return "\(settings.contacts) contacts within \(settings.windowSeconds) s, up to \(settings.conversations) "
            + "conversations, changelog \(configuration.conversationsTopic)"
    }

    private func keepFigures(of memory: SharedConversationMemory?) {
        guard let memory else { return }
        let figures = MemoryFigures(
            conversations: memory.count, recordBytes: memory.recordBytes, forgotten: memory.forgotten)
        state.withLock { $0.memory = figures }
    }

    /// Brings the memory in line with the assignment: forgets partitions revoked (or assigned again) and
    /// those read again from an earlier offset, and rebuilds from the changelog those newly assigned or
    /// rewound that have mentions in `batch`, before any is drafted, each up to the offset of its first
    /// mention in the batch; newly assigned partitions whose changelog partition is empty are done at the
    /// same time.
    private func follow(
        _ assignment: [KafkaTopicPartition: UInt64], batch: [KafkaMessage], memory: SharedConversationMemory,
        changelog: ConversationChangelog, consumer: KafkaConsumer, producer: KafkaProducer,
        acknowledgements: OutputAcknowledgements
    ) async throws {
        var current: [Int32: UInt64] = [:]
        for (partition, generation) in assignment where partition.topic == configuration.mentionsTopic {
            current[partition.partition] = generation
        }
        memory.follow(current)
        let offsets = SharedConversationMemory.offsets(of: batch)
        for (partition, offset) in memory.rewind(offsets).sorted(by: { $0.key < $1.key }) {
            logger.info(
                "partition \(partition) of \(configuration.mentionsTopic) is read again from offset \(offset): its memory is rebuilt up to there"
            )
        }
        try await rebuild(
            offsets, memory: memory, changelog: changelog, consumer: consumer, producer: producer,
            acknowledgements: acknowledgements)
        memory.drafting(offsets)
    }

    /// Rebuilds the pending partitions that have mentions in a batch (``SharedConversationMemory/offsets(of:)``).
    private func rebuild(
        _ offsets: [Int32: ClosedRange<Int64>], memory: SharedConversationMemory, changelog: ConversationChangelog,
        consumer: KafkaConsumer, producer: KafkaProducer, acknowledgements: OutputAcknowledgements
    ) async throws {
        guard !memory.pending.isEmpty else { return }
        var starts: [Int32: Int64] = [:]
        for (partition, range) in offsets where memory.pending[partition] != nil {
            starts[partition] = range.lowerBound
        }
        guard !starts.isEmpty else { return }
        let partitions = try await consumer.partitionCount(of: configuration.mentionsTopic)
        try await changelog.check(producer: producer, mentionsPartitions: partitions)
        // The changelog must hold every state write this instance sent, its own of these partitions included
        // (a partition revoked and assigned back), before it is read to its end.
        await acknowledgements.stateWritesSettled()
        let rebuilt = try await changelog.rebuild(
            memory.pending.keys.sorted(), starts: starts, into: memory, mentionsPartitions: partitions,
            producer: producer)
        for partition in rebuilt.keys { memory.markRebuilt(partition) }
    }

    /// Drafts a batch with the memory and sends, in batch order, each mention's draft (or dead letter) and
    /// then its state write.
    private func draftRemembering(
        _ batch: [KafkaMessage], tokens: [KafkaInputToken], memory: SharedConversationMemory, drafter: BatchDrafter,
        at now: Timestamp,
        producer: KafkaProducer, acknowledgements: OutputAcknowledgements, metrics: ResponderMetrics
    ) async throws {
        // Revoked since it was fetched: its next owner drafts it, with the memory this one forgot.
        let revoked = { (message: KafkaMessage) in memory.rebuilt[message.partition] == nil }
        let drafted = await drafter.draft(batch, remembering: memory, at: now, skipping: revoked)
        var repeatContacts = 0
        for index in batch.indices where !revoked(batch[index]) {
            guard let outcome = drafted.outcomes[index] else { continue }
            let message = batch[index]
            let record = drafted.records[index]
            _ = try await send(
                outcome, for: message, token: tokens[index], producer: producer, withStateWrite: record != nil)
            guard let record, case .drafted(_, let remembered?) = outcome else { continue }
            if remembered.previousContacts > 0 { repeatContacts += 1 }
            try await sendStateWrite(
                record, key: remembered.key, for: message, token: tokens[index], producer: producer,
                acknowledgements: acknowledgements)
        }
        if repeatContacts > 0 { metrics.repeatContacts.increment(by: repeatContacts) }
    }

    /// Each mention's delivery token, which its outputs' delivery reports carry back to its consumer.
    private static func tokens(of batch: [KafkaMessage], from consumer: KafkaConsumer) throws -> [KafkaInputToken] {
        try zip(batch, consumer.tokens(for: batch)).map { message, token in
            guard let token else {
                throw KafkaError(
                    kind: .configuration,
                    message:
                        "offset \(message.offset) of partition \(message.partition) of \(message.topic) is beyond what a delivery token names: offsets below 2^48, 16,384 partitions per consumer"
                )
            }
            return token
        }
    }

    /// Sends a conversation's record to the changelog, in the partition of the mention that changed it.
    private func sendStateWrite(
        _ record: [UInt8], key: String, for message: KafkaMessage, token: KafkaInputToken, producer: KafkaProducer,
        acknowledgements: OutputAcknowledgements
    ) async throws {
        let output = KafkaProducerMessage(
            topic: configuration.conversationsTopic, partition: message.partition, key: Array(key.utf8), value: record)
        acknowledgements.stateWriteSending()
        do {
            try await producer.send(output, token: token.secondOutput.rawValue)
        } catch {
            acknowledgements.stateWriteNotSent()
            throw error
        }
    }

    /// Stops taking new mentions; ``run()`` returns once in-flight ones are drafted and committed.
    package func stop() {
        let consumer = state.withLock { state in
            state.stopping = true
            return state.consumer
        }
        consumer?.triggerShutdown()
    }

    /// Sends a mention's draft, or its dead letter.
    /// - Parameter withStateWrite: whether a state write follows (the contact is remembered), which a dead
    ///   letter sent in place of a draft too large to send must then wait for too.
    /// - Returns: whether the draft was sent (not a dead letter in its place).
    private func send(
        _ outcome: BatchDrafter.Outcome, for message: KafkaMessage, token: KafkaInputToken, producer: KafkaProducer,
        withStateWrite: Bool = false
    ) async throws -> Bool {
        switch outcome {
        case .drafted(let draft, _):
            let output = KafkaProducerMessage(
                topic: configuration.draftsTopic, key: message.key.map(Array.init), value: draft)
            let failure: KafkaError
            do {
                try await producer.send(output, token: token.rawValue)
                return true
            } catch {
                failure = error
            }
            guard failure.isMessageTooLarge else { throw failure }
            // Only the key can make a draft this large: the mention's own size is checked when it is read.
            let refusal = ResponderError(
                .oversized,
                message: "the mention's key (\(message.key?.count ?? 0) bytes) makes its draft too large to send",
                field: "key")
            try await sendDeadLetter(
                for: message, error: refusal, token: token, producer: producer, withStateWrite: withStateWrite)
            return false
        case .refused(let error):
            if !error.reason.isBadInput {
                logger.error(
                    "cannot draft a reply: the templates need fixing",
                    metadata: ["reason": "\(error.reason.rawValue)", "error": "\(error.message)"]
                )
            }
            try await sendDeadLetter(for: message, error: error, token: token, producer: producer)
            return false
        }
    }

    /// Sends `message`'s dead letter, summarised when it would not fit; kept until the broker answers, so
    /// that one the broker refuses as too large can be summarised and sent again.
    private func sendDeadLetter(
        for message: KafkaMessage, error: ResponderError, token: KafkaInputToken, producer: KafkaProducer,
        withStateWrite: Bool = false
    ) async throws {
        var letter = DeadLetter(
            of: message, error: error, topic: configuration.deadLetterTopic, maxBytes: deadLetterLimit)
        letter.hasStateWrite = withStateWrite
        if letter.isSummarised {
            logger.warning(
                "a mention is too large to copy into its dead letter; sending its first bytes, size and SHA-256",
                metadata: [
                    "partition": "\(message.partition)", "offset": "\(message.offset)",
                    "bytes": "\(message.value.count)",
                ])
        }
        while true {
            deadLettersInFlight.withLock { $0[token] = letter }
            let failure: KafkaError
            do {
                try await producer.send(letter.message, token: token.rawValue)
                return
            } catch {
                failure = error
            }
            guard failure.isMessageTooLarge, let summary = letter.summarised() else {
                deadLettersInFlight.withLock { _ = $0.removeValue(forKey: token) }
                throw failure
            }
            letter = summary
        }
    }
}

extension Dictionary where Key == KafkaInputToken {
    /// Removes and returns the entries of `keys` present.
    fileprivate mutating func take(_ keys: [KafkaInputToken]) -> [KafkaInputToken: Value] {
        var taken: [KafkaInputToken: Value] = [:]
        for key in keys {
            if let value = removeValue(forKey: key) { taken[key] = value }
        }
        return taken
    }
}
