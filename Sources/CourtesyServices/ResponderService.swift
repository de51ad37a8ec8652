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
/// If a draft cannot be delivered at all (the producer's delivery timeout passed), the service stops with
/// the error instead of skipping it: the mention stays uncommitted and the next instance drafts it again.
public final class ResponderService: Service {
    private let kafka: KafkaConfiguration
    private let configuration: ResponderServiceConfiguration
    private let responder: Responder
    private let logger: Logger
    private let onAcknowledged: Acknowledged?
    private let state = Locked(State())

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
        let producer = try KafkaProducer(
            configuration: configuration.producer(kafka),
            logger: logger
        ) { reports in
            var delivered: [KafkaPosition] = []
            delivered.reserveCapacity(reports.count)
            for report in reports {
                if let error = report.error {
                    deliveryFailure.withLock { $0 = $0 ?? error }
                } else {
                    delivered.append(InputToken.position(report.token, topic: mentionsTopic))
                }
            }
            consumer.acknowledge(delivered)
            // Called on the delivery thread, with no lock held; `bench pipeline` times latency here.
            onAcknowledged?(delivered)
        }
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
        let key = message.key.map(Array.init)
        switch outcome {
        case .drafted(let draft):
            try await producer.send(
                KafkaProducerMessage(topic: configuration.draftsTopic, key: key, value: draft),
                token: token
            )
        case .refused(let error):
            if !error.reason.isBadInput {
                logger.error(
                    "cannot draft a reply: the templates need fixing",
                    metadata: ["reason": "\(error.reason.rawValue)", "error": "\(error.message)"]
                )
            }
            try await producer.send(deadLetter(message, key: key, error: error), token: token)
        }
    }

    private func deadLetter(_ message: KafkaMessage, key: [UInt8]?, error: ResponderError) -> KafkaProducerMessage {
        var headers = [
            KafkaHeader(key: DeadLetterHeader.reason, value: error.reason.rawValue),
            KafkaHeader(key: DeadLetterHeader.message, value: error.message),
            KafkaHeader(key: DeadLetterHeader.sourceTopic, value: message.topic),
            KafkaHeader(key: DeadLetterHeader.sourcePartition, value: String(message.partition)),
            KafkaHeader(key: DeadLetterHeader.sourceOffset, value: String(message.offset)),
            KafkaHeader(key: DeadLetterHeader.service, value: "responder"),
        ]
        if let field = error.field {
            headers.append(KafkaHeader(key: DeadLetterHeader.field, value: field))
        }
        return KafkaProducerMessage(
            topic: configuration.deadLetterTopic,
            key: key,
            value: Array(message.value),
            headers: headers
        )
    }
}
