import CourtesyCore
import CourtesyKafka
import Logging

/// The responder's memory on Kafka: a compacted topic, co-partitioned with the mentions, holding each
/// conversation's latest ``ConversationRecord`` under its conversation key, written to the partition of the
/// mention that changed it; read back, partition by partition, when a responder is assigned a partition.
///
/// A Kafka Streams-style changelog: the topic is the memory's source of truth, and an instance's memory of a
/// partition is only a cache of it, rebuilt before the partition's first mention is drafted.
struct ConversationChangelog: Sendable {
    let kafka: KafkaConfiguration
    /// The changelog topic.
    let topic: String
    /// The mentions topic it is co-partitioned with.
    let mentionsTopic: String
    /// The responder's group, for the reader's name (the reader joins no group).
    let groupID: String
    /// How long the conversations' contacts count: the topic's retention should be a little longer.
    let windowSeconds: Int
    let logger: Logger
    let metrics: ResponderMetrics?

    /// What rebuilding one partition found.
    struct Rebuilt: Sendable, Equatable {
        /// Records read back.
        var records = 0
        /// Records that are not a record this version reads, skipped.
        var unreadable = 0
        /// Conversations remembered afterwards.
        var conversations = 0
    }

    /// Rebuilds partitions of the memory from the changelog: reads each from the beginning to where it ends
    /// now, and restores every record into `memory`, whose memory of those partitions must be empty
    /// (forgotten). `check(producer:mentionsPartitions:)` first.
    ///
    /// - Parameters:
    ///   - pending: the partitions assigned and not yet rebuilt. Those whose changelog partition holds
    ///     nothing are rebuilt at once, with no reader (every partition of a new changelog).
    ///   - starts: the pending partitions to rebuild now, each with the offset of the first mention to be
    ///     drafted from it: only contacts before it are restored
    ///     (``ConversationMemory/restore(_:conversation:partition:before:)``), so a mention drafted again
    ///     after a crash sees what it saw the first time. A pending partition with records and no start
    ///     waits for its first mention.
    /// - Returns: what was found in each partition rebuilt.
    ///
    /// A record that cannot be read back is counted, logged and skipped: it never stops the rebuild.
    /// - Throws: ``KafkaError`` when the changelog cannot be read, does not exist, or is not co-partitioned.
    func rebuild(
        _ pending: [Int32], starts: [Int32: Int64], into memory: SharedConversationMemory, mentionsPartitions: Int,
        producer: KafkaProducer
    ) async throws(KafkaError) -> [Int32: Rebuilt] {
        let started = ContinuousClock.now
        // Partitions that hold nothing need no reader, which costs a client and a round of fetches.
        let watermarks = try await producer.watermarks(of: topic, partitions: pending)
        let empty = pending.filter { watermarks[$0].map { $0.high <= $0.low } ?? false }
        let partitions = starts.keys.filter { !empty.contains($0) }.sorted()
        var found = Dictionary(uniqueKeysWithValues: (empty + partitions).map { ($0, Rebuilt()) })
        if !partitions.isEmpty {
            try await read(
                partitions, starts: starts, into: memory, mentionsPartitions: mentionsPartitions, found: &found)
        }
        let elapsed = ContinuousClock.now - started
        for partition in found.keys.sorted() {
            found[partition, default: Rebuilt()].conversations = memory.conversations(in: partition)
            let rebuilt = found[partition, default: Rebuilt()]
            metrics?.recordsRestored.increment(by: rebuilt.records)
            metrics?.recordsUnreadable.increment(by: rebuilt.unreadable)
            metrics?.rebuild.recordNanoseconds(elapsed.nanoseconds)
            logger.info(
                "rebuilt memory of partition \(partition): \(rebuilt.records) records, \(rebuilt.conversations) conversations in \(elapsed.nanoseconds / 1_000_000) ms",
                metadata: rebuilt.unreadable > 0 ? ["unreadable": "\(rebuilt.unreadable)"] : [:])
        }
        return found
    }

    /// Reads `partitions` of the changelog to their ends into `memory`, counting what it finds.
    private func read(
        _ partitions: [Int32], starts: [Int32: Int64], into memory: SharedConversationMemory, mentionsPartitions: Int,
        found: inout [Int32: Rebuilt]
    ) async throws(KafkaError) {
        let reader: KafkaTopicReader
        do {
            reader = try await KafkaTopicReader(
                configuration: KafkaTopicReaderConfiguration(
                    kafka: kafka, topics: [topic], partitions: Set(partitions), groupID: "\(groupID)-memory"),
                logger: logger)
        } catch {
            throw KafkaError(
                kind: error.kind,
                message:
                    "cannot read the conversations changelog \(topic): \(error.message). \(creation(mentionsPartitions))",
                code: error.code, isRetriable: error.isRetriable)
        }
        if let changelogPartitions = reader.partitionCounts[topic] {
            do {
                try check(changelogPartitions: changelogPartitions, mentionsPartitions: mentionsPartitions)
            } catch {
                await reader.shutdown()
                throw error
            }
        }
        var warned = 0
        do {
            try await reader.readToEnd { messages in
                for message in messages {
                    let readable =
                        message.key.map { key in
                            memory.restore(
                                message.value, conversation: StableHash.hash(String(decoding: key, as: UTF8.self)),
                                partition: message.partition, before: starts[message.partition] ?? 0)
                        } ?? false
                    if readable {
                        found[message.partition, default: Rebuilt()].records += 1
                        continue
                    }
                    found[message.partition, default: Rebuilt()].unreadable += 1
                    if warned < 10 {
                        warned += 1
                        logger.warning(
                            "a changelog record cannot be read back; skipped",
                            metadata: [
                                "topic": "\(topic)", "partition": "\(message.partition)", "offset": "\(message.offset)",
                                "bytes": "\(message.value.count)",
                            ])
                    }
                }
            }
        } catch {
            await reader.shutdown()
            throw error
        }
        await reader.shutdown()
    }

    /// Refuses a changelog that is not co-partitioned with the mentions topic.
    func check(changelogPartitions: Int, mentionsPartitions: Int) throws(KafkaError) {
        guard changelogPartitions != mentionsPartitions else { return }
        throw KafkaError(
            kind: .configuration,
            message: "the conversations changelog \(topic) has \(changelogPartitions) partitions and \(mentionsTopic) "
                + "has \(mentionsPartitions): they must have as many, since a conversation's record is written to "
                + "its mention's partition. \(creation(mentionsPartitions))")
    }

    /// Asks for the changelog's partition count through `producer` (creating the topic where the cluster
    /// creates topics on first use) and refuses it unless it is `mentionsPartitions`.
    func check(producer: KafkaProducer, mentionsPartitions: Int) async throws(KafkaError) {
        let changelogPartitions: Int
        do {
            changelogPartitions = try await producer.partitionCount(of: topic)
        } catch {
            throw KafkaError(
                kind: error.kind,
                message:
                    "cannot find the conversations changelog \(topic): \(error.message). \(creation(mentionsPartitions))",
                code: error.code, isRetriable: error.isRetriable)
        }
        try check(changelogPartitions: changelogPartitions, mentionsPartitions: mentionsPartitions)
    }

    /// How to create the changelog, for an error message.
    private func creation(_ partitions: Int) -> String {
        let retention = (Int64(windowSeconds) + 86_400) * 1_000
        return "Create it with \(partitions) partitions, compacted: kafka-topics.sh --create --topic \(topic) "
            + "--partitions \(partitions) --config cleanup.policy=compact,delete --config retention.ms=\(retention) "
            + "--config min.compaction.lag.ms=3600000 "
            + "(deploy/compose.yaml's topics job and docs/operations.md list every topic), "
            + "or run the responder with --memory-contacts 0 to draft without memory"
    }
}

extension Duration {
    fileprivate var nanoseconds: Int64 {
        components.seconds * 1_000_000_000 + components.attoseconds / 1_000_000_000
    }
}
