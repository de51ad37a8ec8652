import CourtesyCore
import CourtesyDeskAPI
import CourtesyKafka
import CourtesyLocking
import Logging
import ServiceLifecycle
import Synchronization

/// The approval desk: keeps the queue of pending drafts, materialised from the drafts and decisions
/// topics, and records approvers' decisions.
///
/// On start it reads the topics from the beginning (Kafka is the source of truth; nothing is stored
/// locally) and is ready once it has read up to where they ended; it then follows them. A decision is
/// published to the decisions topic and acknowledged by the broker before it is applied or answered;
/// an approval's reply is published after its decision. The replies topic is read back, so that an
/// approval whose reply never appeared (the desk stopped in between) gets it published once.
package final class DeskService: Service {
    /// Told how many messages have been read of how many, while the desk rebuilds.
    package typealias Progress = @Sendable (_ read: Int64, _ total: Int64) -> Void

    private let kafka: KafkaConfiguration
    private let configuration: DeskServiceConfiguration
    private let logger: Logger
    private let progress: Progress
    private let running = Locked<Running?>(nil)
    private let stopping = Atomic<Bool>(false)

    private struct Running {
        let state: DeskState
        let producer: KafkaProducer
        let reader: KafkaTopicReader
        let metrics: DeskMetrics
    }

    package init(
        kafka: KafkaConfiguration,
        configuration: DeskServiceConfiguration = DeskServiceConfiguration(),
        logger: Logger,
        progress: @escaping Progress = { _, _ in }
    ) {
        self.kafka = kafka
        self.configuration = configuration
        self.logger = logger
        self.progress = progress
    }

    /// Ready once the queue is rebuilt and the cluster answers.
    package func isReady() async -> Bool {
        guard let running = running.withLock({ $0 }), failure == nil, await running.state.isCaughtUp else {
            return false
        }
        return (try? await running.producer.metadata(timeout: .seconds(2))) != nil
    }

    /// The fatal error the desk's producer raised, if any: ``run()`` then stops and throws it, and `/healthz`
    /// fails meanwhile.
    package var failure: KafkaError? { running.withLock { $0 }?.producer.fatal }

    package func run() async throws {
        let metrics = DeskMetrics(
            topics: [configuration.draftsTopic, configuration.decisionsTopic, configuration.repliesTopic])
        let producer = try KafkaProducer(configuration: configuration.producer(kafka), logger: logger)
        let reader: KafkaTopicReader
        do {
            reader = try await KafkaTopicReader(configuration: configuration.reader(kafka), logger: logger)
        } catch {
            await producer.shutdown()
            throw error
        }
        let state = DeskState(configuration: configuration, endOffsets: reader.endOffsets)
        running.withLock { $0 = Running(state: state, producer: producer, reader: reader, metrics: metrics) }
        if stopping.load(ordering: .acquiring) { reader.triggerShutdown() }

        let backlog = reader.backlog
        logger.info(
            "rebuilding the queue",
            metadata: ["events": "\(backlog)", "topics": "\(configuration.reader(kafka).topics)"])
        progress(0, backlog)
        let started = ContinuousClock.now
        do {
            try await withGracefulShutdownHandler {
                try await withThrowingDiscardingTaskGroup { group in
                    group.addTask {
                        try await self.read(reader, into: state, metrics: metrics, backlog: backlog, started: started)
                    }
                    group.addTask {
                        await self.housekeeping(state: state, producer: producer, metrics: metrics)
                    }
                    // A producer that raised a fatal error publishes nothing more: the desk stops with it.
                    group.addTask {
                        if let fatal = await producer.waitForFatal() { throw fatal }
                    }
                }
            } onGracefulShutdown: {
                self.stop()
            }
        } catch is CancellationError {
            // The housekeeping loop ends by cancellation once reading has stopped.
        } catch {
            logger.error("desk stopping on error", metadata: ["error": "\(error)"])
            await reader.shutdown()
            await producer.shutdown()
            throw error
        }
        await reader.shutdown()
        await producer.shutdown()
        logger.info("desk stopped")
    }

    /// Stops reading; ``run()`` returns once the reader and producer are shut down.
    package func stop() {
        stopping.store(true, ordering: .releasing)
        running.withLock { $0 }?.reader.triggerShutdown()
    }

    private func read(
        _ reader: KafkaTopicReader, into state: DeskState, metrics: DeskMetrics, backlog: Int64,
        started: ContinuousClock.Instant
    ) async throws {
        var caughtUp = await state.isCaughtUp
        if caughtUp { announceCaughtUp(state: state, metrics: metrics, backlog: 0, started: started) }
        var lastProgress = ContinuousClock.now
        let decoder = DeskReadDecoder(configuration: configuration)
        for try await batch in reader.batches {
            let report = await state.apply(await decoder.decode(batch), reachedEnd: batch.reachedEnd)
            for (topic, count) in report.read {
                metrics.recordRead(count, undecodable: report.undecodable[topic] ?? 0, topic: topic)
            }
            if let failure = report.firstFailure {
                logger.warning("skipped an event that could not be decoded", metadata: ["event": "\(failure)"])
            }
            for unreadable in report.unreadableDecisions {
                logger.error(
                    "a decision cannot be read back: its draft stays decided and the desk publishes no reply for it",
                    metadata: [
                        "draft": "\(unreadable.draftId)", "at": "\(unreadable.location ?? "?")",
                        "error": "\(unreadable.error)",
                    ])
            }
            if !report.unreadableDecisions.isEmpty {
                metrics.unreadableDecisions.record(await state.unreadableDecisionCount)
            }
            metrics.recordPending(await state.pendingCountsByPriority)
            if !caughtUp {
                caughtUp = await state.isCaughtUp
                let read = await state.messagesRead
                if caughtUp {
                    progress(backlog, backlog)
                    announceCaughtUp(state: state, metrics: metrics, backlog: read, started: started)
                } else if ContinuousClock.now - lastProgress >= .seconds(1) {
                    lastProgress = ContinuousClock.now
                    progress(min(read, backlog), backlog)
                }
            }
        }
        throw CancellationError()
    }

    private func announceCaughtUp(
        state: DeskState, metrics: DeskMetrics, backlog: Int64, started: ContinuousClock.Instant
    ) {
        metrics.caughtUp.record(1)
        Task {
            let summary = await state.summary(at: .now())
            logger.info(
                "queue rebuilt",
                metadata: [
                    "events": "\(backlog)", "pending": "\(summary.pending)", "overdue": "\(summary.overdue)",
                    "duration": "\(ContinuousClock.now - started)",
                ])
        }
    }

    /// Every few seconds: the overdue count, and replies owed by approvals whose reply never appeared.
    private func housekeeping(state: DeskState, producer: KafkaProducer, metrics: DeskMetrics) async {
        while !Task.isCancelled {
            let now = Timestamp.now()
            metrics.overdue.record(await state.overdueCount(at: now))
            if await state.isCaughtUp {
                let owed = await state.owedReplies(
                    decidedFrom: now.adding(seconds: -Int(configuration.replyRecoveryWindow.components.seconds)),
                    to: now.adding(seconds: -Int(configuration.replyRecoveryDelay.components.seconds)))
                for reply in owed {
                    await publishOwed(reply, state: state, producer: producer, metrics: metrics)
                }
            }
            try? await Task.sleep(for: configuration.housekeepingInterval)
        }
    }

    private func publishOwed(_ reply: Reply, state: DeskState, producer: KafkaProducer, metrics: DeskMetrics) async {
        logger.warning(
            "publishing a reply that was approved but never appeared on the replies topic",
            metadata: ["reply": "\(reply.id)", "approvedAt": "\(reply.approvedAt)"])
        do {
            try await producer.sendAndAwait(replyMessage(reply))
            await state.published(replyId: reply.id)
            metrics.repliesOnRecovery.increment()
        } catch {
            logger.error("could not publish an owed reply", metadata: ["reply": "\(reply.id)", "error": "\(error)"])
        }
    }

    private func replyMessage(_ reply: Reply) -> KafkaProducerMessage {
        KafkaProducerMessage(
            topic: configuration.repliesTopic, key: Array(reply.conversation.utf8), value: reply.jsonBytes())
    }

    // MARK: The API's operations

    private func ready() async throws(DeskAPIError) -> Running {
        guard let running = running.withLock({ $0 }), await running.state.isCaughtUp else {
            throw DeskAPIError(.unavailable, "the desk is still rebuilding its queue; try again in a moment")
        }
        return running
    }

    package func list(filter: DeskFilter, limit: Int) async throws(DeskAPIError) -> DeskAPI.DraftList {
        try await ready().state.list(filter: filter, limit: limit)
    }

    package func conversations(filter: DeskFilter, limit: Int) async throws(DeskAPIError) -> DeskAPI.ConversationList {
        try await ready().state.conversations(filter: filter, limit: limit)
    }

    package func show(_ id: String) async throws(DeskAPIError) -> DeskAPI.DraftDetail {
        guard let detail = try await ready().state.show(id) else {
            throw DeskAPIError(.notFound, "no draft \(id)")
        }
        return detail
    }

    package func summary() async throws(DeskAPIError) -> DeskAPI.Summary {
        try await ready().state.summary(at: .now())
    }

    /// Records a decision: checks it, publishes it and waits for the broker, applies it, then publishes
    /// the reply of an approval.
    package func decide(
        _ id: String, _ request: DecisionRequest, by approver: Approver, scope: DecisionScope
    ) async throws(DeskAPIError) -> DeskAPI.DecisionResult {
        let running = try await ready()
        let state = running.state
        let conversation = await state.lockConversation(of: id)
        defer {
            if let conversation { Task { await state.unlock(conversation) } }
        }
        var outcome: DeskOutcome
        do throws(DeskError) {
            outcome = try await state.decide(id, request, by: approver, at: .now(), scope: scope)
        } catch {
            throw DeskAPIError(error)
        }
        outcome.decisions = outcome.decisions.map { configuration.accounts.complete($0) }
        outcome.reply = outcome.reply.map { configuration.accounts.complete($0) }
        var recorded: [Decision] = []
        for decision in outcome.decisions {
            do {
                try await running.producer.sendAndAwait(
                    KafkaProducerMessage(
                        topic: configuration.decisionsTopic, key: Array(decision.draftId.utf8),
                        value: decision.jsonBytes()))
                recorded.append(decision)
            } catch {
                await state.recorded(recorded)
                logger.error(
                    "a decision was not recorded", metadata: ["draft": "\(decision.draftId)", "error": "\(error)"])
                throw DeskAPIError(
                    .unavailable,
                    recorded.isEmpty
                        ? "the broker did not acknowledge the decision, so no reply was published; "
                            + "show the draft to see whether the decision was recorded, then try again"
                        : "the decision was recorded, but not all of the conversation's other drafts were marked answered"
                )
            }
        }
        await state.recorded(recorded)
        for decision in recorded {
            running.metrics.recordDecision(decision, draftCreatedAt: decision.draftCreatedAt)
        }
        logger.info(
            "decision recorded",
            metadata: [
                "draft": "\(id)", "action": "\(outcome.decisions[0].action.rawValue)", "approver": "\(approver.name)",
                "answered": "\(outcome.decisions.count - 1)",
            ])
        if let reply = outcome.reply {
            do {
                try await running.producer.sendAndAwait(replyMessage(reply))
                await state.published(replyId: reply.id)
                running.metrics.repliesOnApproval.increment()
                if let posted = reply.mentionCreatedAt {
                    let waited = Timestamp.now().millisecondsSinceEpoch - posted.millisecondsSinceEpoch
                    running.metrics.timeToFirstReply.recordNanoseconds(max(0, waited) * 1_000_000)
                }
            } catch {
                // The decision stands; the ledger owes the reply and housekeeping publishes it.
                logger.error(
                    "the reply was not published yet; it will be retried",
                    metadata: ["reply": "\(reply.id)", "error": "\(error)"])
            }
        }
        return DeskAPI.DecisionResult(
            decisions: outcome.decisions.map(DeskAPI.DecisionView.init),
            reply: outcome.reply.map(DeskAPI.ReplyView.init))
    }
}
