import CRdKafka
import Foundation
import Logging
import ServiceLifecycle
import Synchronization

/// Reads topics as a member of a consumer group, at least once.
///
/// Messages arrive in batches through ``batches``, read by a dedicated poll thread so that librdkafka's
/// blocking calls never occupy Swift's cooperative pool. An offset is stored only when the application
/// ``acknowledge(_:)-(KafkaMessage)``s the message (after its output was acknowledged by the broker), and only
/// once every earlier message of its partition is acknowledged too; stored offsets are committed in the
/// background every `commitInterval`, before partitions move in a rebalance, and on shutdown.
///
/// When the application falls behind, the consumer pauses fetching instead of buffering without bound.
/// Group membership is `cooperative-sticky`: a rebalance moves only the partitions that must move.
public final class KafkaConsumer: Service, Sendable {
    private let client: RDKafkaClient
    private let group: ConsumerGroupState
    private let poller: Mutex<PollThread?> = Mutex(nil)
    private let logger: Logger

    /// The messages, in batches. Iterate it once, from one task.
    public let batches: KafkaMessageBatches

    /// Joins the group and starts fetching.
    ///
    /// - Throws: ``KafkaError`` naming a property librdkafka refuses, or when subscribing fails.
    public init(configuration: KafkaConsumerConfiguration, logger: Logger) throws(KafkaError) {
        let group = ConsumerGroupState(drainTimeout: configuration.drainTimeout)
        let context = RDKafkaCallbackContext(
            logger: logger,
            statistics: KafkaStatistics(client: configuration.kafka.clientID),
            consumer: group
        )
        let client = try RDKafkaClient(
            role: .consumer,
            properties: configuration.librdkafkaProperties(),
            context: context
        ) { conf in
            rd_kafka_conf_set_rebalance_cb(conf, rebalanceCallback)
        }
        let subscription = client.withHandle { handle in
            // Served by rd_kafka_consumer_poll from here on: rebalances, errors and statistics.
            _ = rd_kafka_poll_set_consumer(handle)
            return RDKafkaTopicPartitionList.withTopics(configuration.topics) { rd_kafka_subscribe(handle, $0) }
        }
        guard subscription == RD_KAFKA_RESP_ERR_NO_ERROR else {
            throw KafkaError.response(subscription, "cannot subscribe to \(configuration.topics)")
        }
        let (stream, continuation) = AsyncThrowingStream.makeStream(of: [KafkaMessage].self)
        self.client = client
        self.group = group
        self.logger = logger
        self.batches = KafkaMessageBatches(stream: stream, group: group)
        let settings = PollSettings(
            maxBatchSize: configuration.maxBatchSize,
            maxBuffered: configuration.maxBufferedMessages
        )
        let thread = PollThread(name: "kafka-consumer-poll") { [client, group] thread in
            Self.pollLoop(client: client, group: group, settings: settings, output: continuation, thread: thread)
        }
        poller.withLock { $0 = thread }
    }

    deinit {
        poller.withLock { $0?.requestStop() }
    }

    /// Records that `message`'s output is safely written; its offset becomes committable once every earlier
    /// message of its partition is acknowledged too.
    public func acknowledge(_ message: KafkaMessage) {
        acknowledge(CollectionOfOne(message.position))
    }

    /// Acknowledges a batch, or any run of messages, at once: far cheaper than one call each.
    public func acknowledge(_ messages: [KafkaMessage]) {
        acknowledge(messages.lazy.map(\.position))
    }

    /// Acknowledges many positions at once (cheaper than one call each).
    public func acknowledge<Positions: Collection>(_ positions: Positions) where Positions.Element == KafkaPosition {
        group.ledger.acknowledge(positions) { advanced in
            let result = RDKafkaTopicPartitionList.withList(advanced) { list in
                client.withHandle { rd_kafka_offsets_store($0, list) }
            }
            if result != RD_KAFKA_RESP_ERR_NO_ERROR {
                // The partition was revoked meanwhile; its next owner starts from the last committed offset.
                logger.debug("offsets not stored", metadata: ["error": "\(String(cString: rd_kafka_err2name(result)))"])
            }
        }
    }

    /// The partitions currently assigned to this member.
    public var assignment: [KafkaTopicPartition] { group.ledger.assigned }

    /// Messages handed out and not yet acknowledged.
    public var outstandingMessages: Int { group.ledger.outstanding() }

    /// Stops fetching until ``resume()``; the member stays in its group and keeps its partitions.
    public func pause() {
        group.pausedByApplication.store(true, ordering: .relaxed)
    }

    /// Resumes fetching after ``pause()``.
    public func resume() {
        group.pausedByApplication.store(false, ordering: .relaxed)
    }

    /// Asks the cluster for its brokers and topics: the way to find out at start-up that it is reachable.
    public func metadata(timeout: Duration = .seconds(5)) async throws(KafkaError) -> KafkaClusterMetadata {
        try await KafkaBlockingCall.run { [client] () throws(KafkaError) in try client.metadata(timeout: timeout) }
    }

    /// Stops fetching, waits up to the drain timeout for handed-out messages to be acknowledged, commits, and
    /// leaves the group so that its partitions move at once; then ends ``batches``.
    public func shutdown() async {
        guard let thread = poller.withLock({ $0 }) else { return }
        thread.requestStop()
        await thread.waitUntilFinished()
    }

    /// Runs until the service group shuts down, then leaves the group cleanly.
    public func run() async throws {
        try await gracefulShutdown()
        await shutdown()
    }

    private struct PollSettings: Sendable {
        let maxBatchSize: Int
        let maxBuffered: Int
        /// How long the buffer may stay full before the partitions are paused.
        let stallBeforePause: Duration = .seconds(1)
    }

    private static func pollLoop(
        client: RDKafkaClient,
        group: ConsumerGroupState,
        settings: PollSettings,
        output: AsyncThrowingStream<[KafkaMessage], any Error>.Continuation,
        thread: PollThread
    ) {
        let logger = client.context.logger
        var topicNames: [OpaquePointer: String] = [:]
        var fetchingPaused = false
        var fullSince: ContinuousClock.Instant?
        var batch: [KafkaMessage] = []
        batch.reserveCapacity(settings.maxBatchSize)

        while !thread.isStopping {
            if let fatal = client.context.fatalError {
                output.finish(throwing: fatal)
                break
            }
            // Back-pressure. While the application is merely slower than the topic, stop polling for a moment:
            // librdkafka's own prefetch queue is bounded, and pausing partitions costs a ~1 s refetch stall in
            // librdkafka 2.0.2 on every resume. Only an application stuck for longer gets its partitions paused,
            // so that rebalances and other callbacks keep being served.
            let buffered = group.buffered.load(ordering: .relaxed)
            if buffered >= settings.maxBuffered {
                let since = fullSince ?? ContinuousClock.now
                fullSince = since
                if ContinuousClock.now - since < settings.stallBeforePause {
                    Thread.sleep(forTimeInterval: 0.001)
                    continue
                }
                group.pausedByBackPressure.store(true, ordering: .relaxed)
            } else {
                fullSince = nil
                if buffered <= settings.maxBuffered / 2 {
                    group.pausedByBackPressure.store(false, ordering: .relaxed)
                }
            }
            if group.isPaused != fetchingPaused {
                fetchingPaused = group.isPaused
                setFetching(paused: fetchingPaused, client: client)
            }

            var timeout: Int32 = 100
            while batch.count < settings.maxBatchSize,
                let raw = client.withHandle({ rd_kafka_consumer_poll($0, timeout) })
            {
                timeout = 0
                defer { rd_kafka_message_destroy(raw) }
                if raw.pointee.err != RD_KAFKA_RESP_ERR_NO_ERROR {
                    report(raw.pointee, logger: logger)
                    continue
                }
                // Messages fetched before a pause took effect are dropped: they were never handed out, so
                // they are fetched again on resume.
                if fetchingPaused { continue }
                batch.append(message(raw, topicNames: &topicNames))
            }
            guard !batch.isEmpty else { continue }
            group.ledger.handOut(batch)
            group.buffered.add(batch.count, ordering: .relaxed)
            output.yield(batch)
            batch.removeAll(keepingCapacity: true)
        }

        // Shutdown: stop fetching, let the application finish what it holds, then close, which revokes the
        // assignment (committing through the rebalance callback) and leaves the group.
        setFetching(paused: true, client: client)
        let stranded = group.waitForAcknowledgements(of: nil)
        if stranded > 0 {
            logger.warning(
                "closing with unacknowledged messages; they will be delivered again",
                metadata: ["messages": "\(stranded)"]
            )
        }
        let closed = client.withHandle { rd_kafka_consumer_close($0) }
        if closed != RD_KAFKA_RESP_ERR_NO_ERROR {
            logger.warning(
                "consumer did not close cleanly", metadata: ["error": "\(String(cString: rd_kafka_err2str(closed)))"])
        }
        output.finish()
    }

    private static func setFetching(paused: Bool, client: RDKafkaClient) {
        client.withHandle { handle in
            var list: UnsafeMutablePointer<rd_kafka_topic_partition_list_t>?
            guard rd_kafka_assignment(handle, &list) == RD_KAFKA_RESP_ERR_NO_ERROR, let list else { return }
            defer { rd_kafka_topic_partition_list_destroy(list) }
            _ = paused ? rd_kafka_pause_partitions(handle, list) : rd_kafka_resume_partitions(handle, list)
        }
    }

    private static func message(
        _ raw: UnsafeMutablePointer<rd_kafka_message_t>,
        topicNames: inout [OpaquePointer: String]
    ) -> KafkaMessage {
        let fields = raw.pointee
        let topic: String
        if let rkt = fields.rkt {
            if let name = topicNames[rkt] {
                topic = name
            } else {
                topic = String(cString: rd_kafka_topic_name(rkt))
                topicNames[rkt] = topic
            }
        } else {
            topic = ""
        }
        let value = fields.payload.map { Array(UnsafeRawBufferPointer(start: $0, count: fields.len)) } ?? []
        let key = fields.key.map { Array(UnsafeRawBufferPointer(start: $0, count: fields.key_len)) }
        var timestampType = RD_KAFKA_TIMESTAMP_NOT_AVAILABLE
        let timestamp = rd_kafka_message_timestamp(raw, &timestampType)
        return KafkaMessage(
            topic: topic,
            partition: fields.partition,
            offset: fields.offset,
            key: key,
            value: value,
            headers: RDKafkaHeaders.read(raw),
            timestamp: timestampType == RD_KAFKA_TIMESTAMP_NOT_AVAILABLE ? nil : timestamp
        )
    }

    private static func report(_ fields: rd_kafka_message_t, logger: Logger) {
        let reason: String
        if let payload = fields.payload {
            reason = String(decoding: UnsafeRawBufferPointer(start: payload, count: fields.len), as: UTF8.self)
        } else {
            reason = String(cString: rd_kafka_err2str(fields.err))
        }
        logger.warning(
            "consumer error",
            metadata: ["error": "\(String(cString: rd_kafka_err2name(fields.err)))", "reason": "\(reason)"]
        )
    }
}

private func rebalanceCallback(
    handle: OpaquePointer?,
    event: rd_kafka_resp_err_t,
    partitions: UnsafeMutablePointer<rd_kafka_topic_partition_list_t>?,
    opaque: UnsafeMutableRawPointer?
) {
    guard let handle, let opaque else { return }
    let context = Unmanaged<RDKafkaCallbackContext>.fromOpaque(opaque).takeUnretainedValue()
    guard let group = context.consumer else { return }
    let changed = RDKafkaTopicPartitionList.partitions(partitions)
    let logger = context.logger
    switch event {
    case RD_KAFKA_RESP_ERR__ASSIGN_PARTITIONS:
        if let error = rd_kafka_incremental_assign(handle, partitions) {
            logger.error(
                "cannot take assigned partitions", metadata: ["error": "\(KafkaError.consuming(error, "assign"))"])
            return
        }
        group.ledger.assign(changed)
        if group.isPaused, let partitions {
            _ = rd_kafka_pause_partitions(handle, partitions)
        }
        logger.info("partitions assigned", metadata: ["partitions": "\(changed.map(\.description))"])
    case RD_KAFKA_RESP_ERR__REVOKE_PARTITIONS:
        if rd_kafka_assignment_lost(handle) == 0 {
            // Let in-flight work on these partitions finish, then commit before they move, so the next owner
            // starts exactly after the last acknowledged message.
            let stranded = group.waitForAcknowledgements(of: changed)
            if stranded > 0 {
                logger.warning(
                    "giving up partitions with unacknowledged messages; they will be delivered again",
                    metadata: ["messages": "\(stranded)"]
                )
            }
            let committed = rd_kafka_commit(handle, nil, 0)
            if committed != RD_KAFKA_RESP_ERR_NO_ERROR, committed != RD_KAFKA_RESP_ERR__NO_OFFSET {
                logger.warning(
                    "commit before rebalance failed; the next owner may see some messages again",
                    metadata: ["error": "\(String(cString: rd_kafka_err2str(committed)))"]
                )
            }
        } else {
            logger.warning("partitions lost (session timed out); their messages will be delivered again")
        }
        group.ledger.revoke(changed)
        if let error = rd_kafka_incremental_unassign(handle, partitions) {
            logger.error("cannot give up partitions", metadata: ["error": "\(KafkaError.consuming(error, "unassign"))"])
        }
        logger.info("partitions revoked", metadata: ["partitions": "\(changed.map(\.description))"])
    default:
        logger.error("rebalance failed", metadata: ["error": "\(String(cString: rd_kafka_err2str(event)))"])
        _ = rd_kafka_assign(handle, nil)
    }
}
