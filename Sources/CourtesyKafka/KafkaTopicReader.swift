import CRdKafka
import Foundation
import Logging

/// Reads whole topics, every partition from the beginning, and then follows them: the way to
/// materialise state from a log (the desk's queue from drafts and decisions, the responder's memory
/// from its changelog, a few partitions at a time with ``KafkaTopicReaderConfiguration/partitions``).
///
/// Unlike ``KafkaConsumer`` it is not a group member: each reader gets every partition, nothing is
/// committed, and a restart reads everything again. ``endOffsets`` are the partitions' ends when the
/// reader started; once the application has applied messages up to them (or a batch reports the
/// partition's end), it has caught up with the log as it was at start.
package final class KafkaTopicReader: Sendable {
    private let client: RDKafkaClient
    private let poller: PollThread

    /// The batches. Iterate once, from one task; it ends after ``shutdown()`` and throws on a fatal error.
    package let batches: KafkaReadBatches
    /// Where each partition started (its first retained offset) when the reader started.
    package let startOffsets: [KafkaTopicPartition: Int64]
    /// Where each partition ended (the offset of its next message) when the reader started.
    package let endOffsets: [KafkaTopicPartition: Int64]
    /// How many partitions each topic has, the partitions not read included.
    package let partitionCounts: [String: Int]

    /// How many messages the topics held when the reader started: what it reads to catch up.
    package var backlog: Int64 {
        endOffsets.reduce(0) { $0 + max(0, $1.value - (startOffsets[$1.key] ?? 0)) }
    }

    /// Looks the topics up (creating them where the cluster allows), notes where every partition ends,
    /// and starts reading from the beginning.
    ///
    /// - Throws: ``KafkaError`` when the cluster does not answer within the start timeout, a topic
    ///   does not exist and cannot be created, or a partition asked for is not one of a topic's.
    package init(configuration: KafkaTopicReaderConfiguration, logger: Logger) async throws(KafkaError) {
        let context = RDKafkaCallbackContext(
            logger: logger, statistics: KafkaStatistics(client: configuration.kafka.clientID))
        let client = try RDKafkaClient(
            role: .consumer, properties: configuration.librdkafkaProperties(), context: context
        ) { _ in }
        let timeout = configuration.startTimeout
        let topics = configuration.topics
        let selected = configuration.partitions
        let (starts, ends, counts) = try await KafkaBlockingCall.run { () throws(KafkaError) in
            var starts: [KafkaTopicPartition: Int64] = [:]
            var ends: [KafkaTopicPartition: Int64] = [:]
            var counts: [String: Int] = [:]
            for topic in topics {
                let partitions = try client.partitionCount(of: topic, timeout: timeout)
                counts[topic] = partitions
                if let selected, let missing = selected.first(where: { $0 >= partitions }) {
                    throw .configuration("topic \(topic) has \(partitions) partitions: it has no partition \(missing)")
                }
                for partition in 0..<Int32(partitions) where selected?.contains(partition) ?? true {
                    let (low, high) = try client.watermarks(topic: topic, partition: partition, timeout: timeout)
                    let key = KafkaTopicPartition(topic: topic, partition: partition)
                    starts[key] = low
                    ends[key] = high
                }
            }
            return (starts, ends, counts)
        }
        let assigned = client.withHandle { handle in
            _ = rd_kafka_poll_set_consumer(handle)
            return RDKafkaTopicPartitionList.withList(ends.mapValues { _ in Int64(RD_KAFKA_OFFSET_BEGINNING) }) {
                rd_kafka_assign(handle, $0)
            }
        }
        guard assigned == RD_KAFKA_RESP_ERR_NO_ERROR else {
            throw KafkaError.response(assigned, "cannot assign the partitions of \(topics)")
        }
        let (stream, continuation) = AsyncThrowingStream.makeStream(of: KafkaReadBatch.self)
        let flow = KafkaReadBatches.Flow()
        self.client = client
        self.startOffsets = starts
        self.endOffsets = ends
        self.partitionCounts = counts
        self.batches = KafkaReadBatches(stream: stream, flow: flow)
        let maxBatch = configuration.maxBatchSize
        let maxBuffered = configuration.maxBufferedMessages
        self.poller = PollThread(name: "kafka-reader-poll") { [client] thread in
            Self.pollLoop(
                client: client, maxBatch: maxBatch, maxBuffered: maxBuffered, flow: flow, output: continuation,
                thread: thread)
        }
    }

    deinit {
        poller.requestStop()
    }

    /// Every message the topics held when the reader started, in order within each partition; for a
    /// reader used once, as a snapshot (it iterates ``batches``, so use one or the other).
    package func readToEnd() async throws(KafkaError) -> [KafkaMessage] {
        var messages: [KafkaMessage] = []
        try await readToEnd { messages += $0 }
        return messages
    }

    /// Hands `body` every message the topics held when the reader started, a run at a time, in order
    /// within each partition, and returns once every partition is read to its end: for state too large
    /// to gather first (it iterates ``batches``, so use one or the other).
    package func readToEnd(_ body: ([KafkaMessage]) -> Void) async throws(KafkaError) {
        var positions: [KafkaTopicPartition: Int64] = [:]
        func caughtUp() -> Bool { endOffsets.allSatisfy { positions[$0.key, default: 0] >= $0.value } }
        guard !caughtUp() else { return }
        for try await batch in batches {
            var messages: [KafkaMessage] = []
            messages.reserveCapacity(batch.messages.count)
            for message in batch.messages {
                let partition = KafkaTopicPartition(topic: message.topic, partition: message.partition)
                positions[partition] = message.offset + 1
                // A batch may run past the end of one partition while another catches up.
                if message.offset < endOffsets[partition, default: 0] { messages.append(message) }
            }
            if !messages.isEmpty { body(messages) }
            for (partition, offset) in batch.reachedEnd {
                positions[partition] = max(positions[partition] ?? 0, offset)
            }
            if caughtUp() { break }
        }
    }

    /// Asks the reader to stop without waiting; ``batches`` ends soon after.
    package func triggerShutdown() {
        poller.requestStop()
    }

    /// Stops reading; ``batches`` ends once the poll thread has let go of the client.
    package func shutdown() async {
        poller.requestStop()
        await poller.waitUntilFinished()
    }

    /// Asks the cluster for its brokers and topics.
    package func metadata(timeout: Duration = .seconds(5)) async throws(KafkaError) -> KafkaClusterMetadata {
        try await KafkaBlockingCall.run { [client] () throws(KafkaError) in try client.metadata(timeout: timeout) }
    }

    private static func pollLoop(
        client: RDKafkaClient,
        maxBatch: Int,
        maxBuffered: Int,
        flow: KafkaReadBatches.Flow,
        output: AsyncThrowingStream<KafkaReadBatch, any Error>.Continuation,
        thread: PollThread
    ) {
        var topicNames: [OpaquePointer: String] = [:]
        var fetched: [UnsafeMutablePointer<rd_kafka_message_t>] = []
        fetched.reserveCapacity(maxBatch)
        while !thread.isStopping {
            if let fatal = client.context.fatalError {
                output.finish(throwing: fatal)
                return
            }
            // Nothing to coordinate with a group, so back-pressure is simply not polling.
            if flow.outstanding.load(ordering: .relaxed) >= maxBuffered {
                Thread.sleep(forTimeInterval: 0.001)
                continue
            }
            var reachedEnd: [KafkaTopicPartition: Int64] = [:]
            var timeout: Int32 = 100
            while fetched.count < maxBatch, let raw = client.withHandle({ rd_kafka_consumer_poll($0, timeout) }) {
                timeout = 0
                let fields = raw.pointee
                if fields.err == RD_KAFKA_RESP_ERR_NO_ERROR {
                    fetched.append(raw)
                    continue
                }
                if fields.err == RD_KAFKA_RESP_ERR__PARTITION_EOF, let rkt = fields.rkt {
                    let topic = String(cString: rd_kafka_topic_name(rkt))
                    reachedEnd[KafkaTopicPartition(topic: topic, partition: fields.partition)] = fields.offset
                } else {
                    client.context.logger.warning(
                        "reader error", metadata: ["error": "\(String(cString: rd_kafka_err2name(fields.err)))"])
                }
                rd_kafka_message_destroy(raw)
            }
            let messages = RDKafkaMessages.convert(fetched, topicNames: &topicNames)
            for raw in fetched {
                rd_kafka_message_destroy(raw)
            }
            fetched.removeAll(keepingCapacity: true)
            guard !messages.isEmpty || !reachedEnd.isEmpty else { continue }
            flow.outstanding.add(messages.count, ordering: .relaxed)
            output.yield(KafkaReadBatch(messages: messages, reachedEnd: reachedEnd))
        }
        _ = client.withHandle { rd_kafka_assign($0, nil) }
        _ = client.withHandle { rd_kafka_consumer_close($0) }
        output.finish()
    }
}
