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
public final class ResponderService: Service {
    private let kafka: KafkaConfiguration
    private let configuration: ResponderServiceConfiguration
    private let responder: Responder
    private let logger: Logger
    private let onAcknowledged: Acknowledged?
    private let state = Locked(State())
    /// Dead letters sent and not yet acknowledged, by delivery token: rare, so a locked table costs nothing.
    private let deadLettersInFlight = Locked<[UInt64: DeadLetter]>([:])
    /// The largest dead letter this instance sends (``ResponderServiceConfiguration/deadLetterLimit(_:)``).
    private let deadLetterLimit: Int

    /// Told the input positions whose draft or dead letter the broker has just acknowledged.
    public typealias Acknowledged = @Sendable (_ positions: [KafkaPosition]) -> Void

    private struct State {
        var consumer: KafkaConsumer?
        var producer: KafkaProducer?
        var stopping = false
    }

    public init(
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
    public var assignment: [KafkaTopicPartition] {
        state.withLock { $0.consumer?.assignment ?? [] }
    }

    /// Ready when this instance owns partitions and the cluster answers.
    public func isReady() async -> Bool {
        let (consumer, producer) = state.withLock { ($0.consumer, $0.producer) }
        guard let consumer, let producer, !consumer.assignment.isEmpty else { return false }
        return (try? await producer.metadata(timeout: .seconds(2))) != nil
    }

    /// Consumes until the service group shuts down, then finishes in-flight mentions, commits, and leaves.
    public func run() async throws {
        // Created here, not in init, so that they bind to whatever metrics backend the process bootstrapped.
        let metrics = ResponderMetrics()
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
        let producer = try KafkaProducer(
            configuration: configuration.producer(kafka),
            logger: logger
        ) { reports in
            var delivered: [KafkaPosition] = []
            delivered.reserveCapacity(reports.count)
            let letters = deadLetters.withLock { $0.isEmpty ? [:] : $0.take(reports.map(\.token)) }
            for report in reports {
                if let error = report.error {
                    if error.isMessageTooLarge, let letter = letters[report.token]?.summarised(),
                        let producer = resend.withLock({ $0 })
                    {
                        logger.warning(
                            "the broker refused a dead letter as too large; sending it summarised",
                            metadata: ["topic": "\(letter.message.topic)", "error": "\(error)"])
                        deadLetters.withLock { $0[report.token] = letter }
                        Task {
                            do throws(KafkaError) {
                                try await producer.send(letter.message, token: report.token)
                            } catch {
                                deliveryFailure.withLock { $0 = $0 ?? error }
                            }
                        }
                    } else {
                        deliveryFailure.withLock { $0 = $0 ?? error }
                    }
                } else {
                    delivered.append(InputToken.position(report.token, topic: mentionsTopic))
                }
            }
            consumer.acknowledge(delivered)
            // Called on the delivery thread, with no lock held; `bench pipeline` times latency here.
            onAcknowledged?(delivered)
        }
        // The producer's handler holds `resend`, which holds the producer: broken when the run ends.
        resend.withLock { $0 = producer }
        defer { resend.withLock { $0 = nil } }
        state.withLock { $0.producer = producer }
        if stopNow { consumer.triggerShutdown() }

        logger.info(
            "responder started",
            metadata: [
                "mentions": "\(configuration.mentionsTopic)", "drafts": "\(configuration.draftsTopic)",
                "deadLetters": "\(configuration.deadLetterTopic)", "group": "\(configuration.groupID)",
            ]
        )
        do {
            try await withGracefulShutdownHandler {
                for try await batch in consumer.batches {
                    let now = Timestamp.now()
                    metrics.mentionsConsumed.increment(by: batch.count)
                    let outcomes = await drafter.draft(batch, at: now)
                    for index in batch.indices {
                        try await send(outcomes[index], for: batch[index], producer: producer)
                    }
                    if let failure = deliveryFailure.withLock({ $0 }) {
                        throw failure
                    }
                }
            } onGracefulShutdown: {
                self.stop()
            }
        } catch {
            logger.error("responder stopping on error", metadata: ["error": "\(error)"])
            consumer.triggerShutdown()
            await consumer.shutdown()
            await producer.shutdown()
            throw error
        }
        await consumer.shutdown()
        await producer.shutdown()
        logger.info("responder stopped")
    }

    /// Stops taking new mentions; ``run()`` returns once in-flight ones are drafted and committed.
    public func stop() {
        let consumer = state.withLock { state in
            state.stopping = true
            return state.consumer
        }
        consumer?.triggerShutdown()
    }

    private func send(_ outcome: BatchDrafter.Outcome, for message: KafkaMessage, producer: KafkaProducer)
        async throws
    {
        guard let token = InputToken.make(partition: message.partition, offset: message.offset) else {
            throw KafkaError(kind: .broker, message: "offset \(message.offset) of \(message.topic) is out of range")
        }
        switch outcome {
        case .drafted(let draft):
            let output = KafkaProducerMessage(
                topic: configuration.draftsTopic, key: message.key.map(Array.init), value: draft)
            let failure: KafkaError
            do {
                try await producer.send(output, token: token)
                return
            } catch {
                failure = error
            }
            guard failure.isMessageTooLarge else { throw failure }
            // Only the key can make a draft this large: the mention's own size is checked when it is read.
            let refusal = ResponderError(
                .oversized,
                message: "the mention's key (\(message.key?.count ?? 0) bytes) makes its draft too large to send",
                field: "key")
            try await sendDeadLetter(for: message, error: refusal, token: token, producer: producer)
        case .refused(let error):
            if !error.reason.isBadInput {
                logger.error(
                    "cannot draft a reply: the templates need fixing",
                    metadata: ["reason": "\(error.reason.rawValue)", "error": "\(error.message)"]
                )
            }
            try await sendDeadLetter(for: message, error: error, token: token, producer: producer)
        }
    }

    /// Sends `message`'s dead letter, summarised when it would not fit; kept until the broker answers, so
    /// that one the broker refuses as too large can be summarised and sent again.
    private func sendDeadLetter(
        for message: KafkaMessage, error: ResponderError, token: UInt64, producer: KafkaProducer
    ) async throws {
        var letter = DeadLetter(
            of: message, error: error, topic: configuration.deadLetterTopic, maxBytes: deadLetterLimit)
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
                try await producer.send(letter.message, token: token)
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

extension Dictionary where Key == UInt64 {
    /// Removes and returns the entries of `keys` present.
    fileprivate mutating func take(_ keys: [UInt64]) -> [UInt64: Value] {
        var taken: [UInt64: Value] = [:]
        for key in keys {
            if let value = removeValue(forKey: key) { taken[key] = value }
        }
        return taken
    }
}
