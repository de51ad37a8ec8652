import CRdKafka
import Foundation
import Logging
import ServiceLifecycle

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
package final class KafkaConsumer: Service, Sendable {
    private let client: RDKafkaClient
    private let group: ConsumerGroupState
    private let poller: PollThread
    private let logger: Logger
    private let slots = InputTokenSlots()

    /// The messages, in batches. Iterate it once, from one task.
    package let batches: KafkaMessageBatches

    /// Joins the group and starts fetching.
    ///
    /// - Throws: ``KafkaError`` naming a property librdkafka refuses, or when subscribing fails.
    package init(configuration: KafkaConsumerConfiguration, logger: Logger) throws(KafkaError) {
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
            rd_kafka_conf_set_rebalance_cb(conf) {
                RDKafkaRebalance.serve(handle: $0, event: $1, partitions: $2, opaque: $3)
            }
        }
        let subscription = client.withHandle { handle in
            // Served by rd_kafka_consumer_poll from here on: rebalances, errors and statistics.
            _ = rd_kafka_poll_set_consumer(handle)
            return RDKafkaTopicPartitionList.withTopics(configuration.topics) { rd_kafka_subscribe(handle, $0) }
        }
        guard subscription == RD_KAFKA_RESP_ERR_NO_ERROR else {
            throw KafkaError.response(subscription, "cannot subscribe to \(configuration.topics)")
        }
        let (stream, continuation) = AsyncThrowingStream.makeStream(of: FetchedBatch.self)
        self.client = client
        self.group = group
        self.logger = logger
        self.batches = KafkaMessageBatches(stream: stream, group: group)
        let settings = PollSettings(
            maxBatchSize: configuration.maxBatchSize,
            maxBuffered: configuration.maxBufferedMessages
        )
        self.poller = PollThread(name: "kafka-consumer-poll") { [client, group] thread in
            Self.pollLoop(client: client, group: group, settings: settings, output: continuation, thread: thread)
        }
    }

    deinit {
        poller.requestStop()
        group.stop()
    }

    /// Records that `message`'s output is safely written; its offset becomes committable once every earlier
    /// message of its partition is acknowledged too.
    package func acknowledge(_ message: KafkaMessage) {
        acknowledge([message.position])
    }

    /// Acknowledges a batch, or any run of messages, at once: far cheaper than one call each.
    package func acknowledge(_ messages: [KafkaMessage]) {
        group.acknowledge(messages, store: store)
    }

    /// Acknowledges many positions at once (cheaper than one call each).
    package func acknowledge(_ positions: [KafkaPosition]) {
        group.acknowledge(positions, store: store)
    }

    /// The tokens naming `messages` in the delivery reports of outputs made from them, in order: `nil` for a
    /// message whose offset is beyond 2^48, or when this consumer has read more than 16,384 partitions.
    package func tokens(for messages: [KafkaMessage]) -> [KafkaInputToken?] {
        slots.tokens(for: messages)
    }

    /// The positions of the inputs that `tokens` (from ``tokens(for:)``) name, in order.
    package func positions(of tokens: [KafkaInputToken]) -> [KafkaPosition] {
        slots.positions(of: tokens)
    }

    private func store(_ advanced: [KafkaTopicPartition: Int64]) {
        let result = RDKafkaTopicPartitionList.withList(advanced) { list in
            client.withHandle { rd_kafka_offsets_store($0, list) }
        }
        if result != RD_KAFKA_RESP_ERR_NO_ERROR {
            // The partition was revoked meanwhile; its next owner starts from the last committed offset.
            logger.debug("offsets not stored", metadata: ["error": "\(String(cString: rd_kafka_err2name(result)))"])
        }
    }

    /// The partitions currently assigned to this member.
    package var assignment: [KafkaTopicPartition] { group.ledger.assigned }

    /// Subscribed topics the cluster said do not exist; each is dropped once partitions of it are assigned.
    /// The consumer asks for metadata every 5 s, so it notices a topic created meanwhile within seconds.
    package var missingTopics: Set<String> { group.missingTopics }

    /// The fatal error librdkafka raised on this consumer, if any; ``batches`` then ends with it.
    package var fatal: KafkaError? { client.context.fatalError }

    /// The partitions currently assigned to this member, each with the generation of its assignment: a
    /// number that changes whenever the partition is assigned again after a revocation (never reused within
    /// this consumer). State the application derives from a partition, such as a memory rebuilt from a
    /// changelog, is stale when the partition's generation is not the one it was derived under.
    package var assignmentGenerations: [KafkaTopicPartition: UInt64] { group.ledger.generations }

    /// How many partitions `topic` has, from the cluster's metadata (the consumer never creates topics).
    /// - Throws: ``KafkaError`` when the topic does not exist or the cluster does not answer within `timeout`.
    package func partitionCount(of topic: String, timeout: Duration = .seconds(10)) async throws(KafkaError) -> Int {
        try await KafkaBlockingCall.run { [client] () throws(KafkaError) in
            try client.partitionCount(of: topic, timeout: timeout)
        }
    }

    /// Messages handed out and not yet acknowledged.
    package var outstandingMessages: Int { group.ledger.outstanding() }

    /// Stops fetching until ``resume()``; the member stays in its group and keeps its partitions.
    package func pause() {
        group.setPausedByApplication(true)
    }

    /// Resumes fetching after ``pause()``.
    package func resume() {
        group.setPausedByApplication(false)
    }

    /// Asks the cluster for its brokers and topics: the way to find out at start-up that it is reachable.
    package func metadata(timeout: Duration = .seconds(5)) async throws(KafkaError) -> KafkaClusterMetadata {
        try await KafkaBlockingCall.run { [client] () throws(KafkaError) in try client.metadata(timeout: timeout) }
    }

    /// Asks the consumer to stop without waiting: ``batches`` ends once handed-out messages are acknowledged
    /// (or the drain timeout passes), offsets are committed and the member has left its group.
    package func triggerShutdown() {
        poller.requestStop()
        group.stop()
    }

    /// Asks the consumer to stop at once, waiting for no acknowledgement: for an application that can no longer
    /// write its outputs (its producer raised a fatal error). What was acknowledged is committed; the rest is
    /// delivered again to the partitions' next owner.
    package func abandon() {
        poller.requestStop()
        group.abandon()
    }

    /// Stops fetching, waits up to the drain timeout for handed-out messages to be acknowledged, commits, and
    /// leaves the group so that its partitions move at once; then ends ``batches``.
    package func shutdown() async {
        poller.requestStop()
        group.stop()
        await poller.waitUntilFinished()
    }

    /// Runs until the service group shuts down, then leaves the group cleanly.
    package func run() async throws {
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
        output: AsyncThrowingStream<FetchedBatch, any Error>.Continuation,
        thread: PollThread
    ) {
        let logger = client.context.logger
        var topicNames: [OpaquePointer: String] = [:]
        var fetchingPaused = false
        var fetched: [UnsafeMutablePointer<rd_kafka_message_t>] = []
        fetched.reserveCapacity(settings.maxBatchSize)
        var batch: [KafkaMessage] = []
        var fetchedUnder = group.ledger.assignment

        while !thread.isStopping {
            if let fatal = client.context.fatalError {
                output.finish(throwing: fatal)
                break
            }
            // Back-pressure. While the application is merely slower than the topic, stop polling until it takes a
            // batch: librdkafka's own prefetch queue is bounded, and pausing partitions costs a ~1 s refetch stall
            // in librdkafka 2.0.2 on every resume. Only an application stuck for longer gets its partitions
            // paused, so that rebalances and other callbacks keep being served.
            group.waitForRoom(limit: settings.maxBuffered, stall: settings.stallBeforePause)
            if group.isPaused != fetchingPaused {
                fetchingPaused = group.isPaused
                setFetching(paused: fetchingPaused, client: client)
            }

            var timeout: Int32 = 100
            while fetched.count < settings.maxBatchSize,
                let raw = client.withHandle({ rd_kafka_consumer_poll($0, timeout) })
            {
                timeout = 0
                // That poll may have served a rebalance: what was fetched before it is checked first.
                dropStale(&fetched, fetchedUnder: &fetchedUnder, ledger: group.ledger)
                if raw.pointee.err != RD_KAFKA_RESP_ERR_NO_ERROR {
                    if raw.pointee.err == RD_KAFKA_RESP_ERR_UNKNOWN_TOPIC_OR_PART, let topic = raw.pointee.rkt {
                        group.topicMissing(String(cString: rd_kafka_topic_name(topic)))
                    }
                    report(raw.pointee, logger: logger)
                    rd_kafka_message_destroy(raw)
                } else if fetchingPaused {
                    // Fetched before a pause took effect: never handed out, so fetched again on resume.
                    rd_kafka_message_destroy(raw)
                } else {
                    fetched.append(raw)
                }
            }
            // The last poll, which returned nothing, may have served one too.
            dropStale(&fetched, fetchedUnder: &fetchedUnder, ledger: group.ledger)
            batch = RDKafkaMessages.convert(fetched, topicNames: &topicNames)
            for raw in fetched {
                rd_kafka_message_destroy(raw)
            }
            fetched.removeAll(keepingCapacity: true)
            guard !batch.isEmpty else { continue }
            group.ledger.handOut(batch)
            group.handedOut(batch.count)
            output.yield(FetchedBatch(messages: batch, assignment: fetchedUnder))
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

    /// When the assignment changed since `fetchedUnder`, destroys the fetched messages whose partition was
    /// revoked meanwhile and brings `fetchedUnder` up to date.
    private static func dropStale(
        _ fetched: inout [UnsafeMutablePointer<rd_kafka_message_t>],
        fetchedUnder: inout OffsetLedger.Assignment,
        ledger: OffsetLedger
    ) {
        guard ledger.assignmentVersion != fetchedUnder.version else { return }
        defer { fetchedUnder = ledger.assignment }
        let earlier = fetchedUnder
        fetched.removeAll { raw in
            let partition = KafkaTopicPartition(
                topic: String(cString: rd_kafka_topic_name(raw.pointee.rkt)), partition: raw.pointee.partition)
            guard !ledger.isCurrent(partition, fetchedUnder: earlier) else { return false }
            rd_kafka_message_destroy(raw)
            return true
        }
    }

    private static func setFetching(paused: Bool, client: RDKafkaClient) {
        client.withHandle { handle in
            var list: UnsafeMutablePointer<rd_kafka_topic_partition_list_t>?
            guard rd_kafka_assignment(handle, &list) == RD_KAFKA_RESP_ERR_NO_ERROR, let list else { return }
            defer { rd_kafka_topic_partition_list_destroy(list) }
            _ = paused ? rd_kafka_pause_partitions(handle, list) : rd_kafka_resume_partitions(handle, list)
        }
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
