import CRdKafka
import Foundation
import Logging

/// The consumer's rebalance callback: incremental (cooperative) assignment, committing acknowledged work
/// before partitions move, and resuming handed-back partitions after what this member acknowledged.
enum RDKafkaRebalance {
    /// Serves one rebalance event, on the consumer's poll thread.
    static func serve(
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
            resumeFromAcknowledged(handle: handle, partitions: partitions, group: group, logger: logger)
            if let error = rd_kafka_incremental_assign(handle, partitions) {
                logger.error(
                    "cannot take assigned partitions", metadata: ["error": "\(KafkaError.consuming(error, "assign"))"])
                return
            }
            group.ledger.assign(changed)
            group.topicsAssigned(changed.map(\.topic))
            storeStartingOffsets(handle: handle, partitions: partitions)
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
                let committed = commitRetrying(handle)
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
                logger.error(
                    "cannot give up partitions", metadata: ["error": "\(KafkaError.consuming(error, "unassign"))"])
            }
            logger.info("partitions revoked", metadata: ["partitions": "\(changed.map(\.description))"])
        default:
            logger.error("rebalance failed", metadata: ["error": "\(String(cString: rd_kafka_err2str(event)))"])
            _ = rd_kafka_assign(handle, nil)
        }
    }

    /// Commits the stored offsets synchronously, trying again (up to five times, 200 ms apart) while the
    /// coordinator is moving, loading or slow to answer: a commit lost here hands acknowledged work to the
    /// partitions' next owner.
    private static func commitRetrying(_ handle: OpaquePointer) -> rd_kafka_resp_err_t {
        let passing: Set<rd_kafka_resp_err_t> = [
            RD_KAFKA_RESP_ERR_REQUEST_TIMED_OUT, RD_KAFKA_RESP_ERR_COORDINATOR_NOT_AVAILABLE,
            RD_KAFKA_RESP_ERR_NOT_COORDINATOR, RD_KAFKA_RESP_ERR_COORDINATOR_LOAD_IN_PROGRESS,
            RD_KAFKA_RESP_ERR__TIMED_OUT, RD_KAFKA_RESP_ERR__WAIT_COORD, RD_KAFKA_RESP_ERR__TRANSPORT,
        ]
        var result = rd_kafka_commit(handle, nil, 0)
        for _ in 0..<4 where passing.contains(result) {
            Thread.sleep(forTimeInterval: 0.2)
            result = rd_kafka_commit(handle, nil, 0)
        }
        return result
    }

    /// For partitions this member acknowledged before (and lost without committing, or gave up), starts from
    /// what it acknowledged when that is ahead of the group's committed offset, by setting the assignment's offset.
    private static func resumeFromAcknowledged(
        handle: OpaquePointer,
        partitions: UnsafeMutablePointer<rd_kafka_topic_partition_list_t>?,
        group: ConsumerGroupState,
        logger: Logger
    ) {
        guard let partitions else { return }
        let known = group.ledger.acknowledgedPositions(of: RDKafkaTopicPartitionList.partitions(partitions))
        guard !known.isEmpty else { return }
        // The group's committed offsets, so that work another member committed meanwhile is not repeated.
        let committed: [KafkaTopicPartition: Int64] = RDKafkaTopicPartitionList.withList(known.mapValues { _ in -1001 })
        {
            list in
            guard rd_kafka_committed(handle, list, 2000) == RD_KAFKA_RESP_ERR_NO_ERROR else { return [:] }
            return RDKafkaTopicPartitionList.offsets(list)
        }
        let raw = partitions.pointee
        for index in 0..<Int(raw.cnt) {
            let element = raw.elems[index]
            let partition = KafkaTopicPartition(topic: String(cString: element.topic), partition: element.partition)
            guard let acknowledged = known[partition], acknowledged > (committed[partition] ?? -1) else { continue }
            raw.elems[index].offset = acknowledged
            logger.info(
                "resuming after this member's acknowledged offset, ahead of the committed one",
                metadata: ["partition": "\(partition)", "offset": "\(acknowledged)"]
            )
        }
    }

    /// Stores explicit starting offsets from the assignment, so the next commit records them.
    private static func storeStartingOffsets(
        handle: OpaquePointer,
        partitions: UnsafeMutablePointer<rd_kafka_topic_partition_list_t>?
    ) {
        guard let partitions else { return }
        let starting = RDKafkaTopicPartitionList.offsets(partitions).filter { $0.value >= 0 }
        guard !starting.isEmpty else { return }
        _ = RDKafkaTopicPartitionList.withList(starting) { rd_kafka_offsets_store(handle, $0) }
    }
}
