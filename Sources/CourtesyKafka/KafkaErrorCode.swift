import CRdKafka

/// A Kafka protocol error code, for fault injection and for inspecting ``KafkaError/code``.
package struct KafkaErrorCode: Sendable, Hashable, CustomStringConvertible {
    package let rawValue: Int32

    package init(rawValue: Int32) {
        self.rawValue = rawValue
    }

    package var description: String { String(cString: rd_kafka_err2name(rd_kafka_resp_err_t(rawValue))) }

    package static let notLeaderForPartition = KafkaErrorCode(
        rawValue: RD_KAFKA_RESP_ERR_NOT_LEADER_FOR_PARTITION.rawValue)
    package static let leaderNotAvailable = KafkaErrorCode(rawValue: RD_KAFKA_RESP_ERR_LEADER_NOT_AVAILABLE.rawValue)
    package static let requestTimedOut = KafkaErrorCode(rawValue: RD_KAFKA_RESP_ERR_REQUEST_TIMED_OUT.rawValue)
    package static let notEnoughReplicas = KafkaErrorCode(rawValue: RD_KAFKA_RESP_ERR_NOT_ENOUGH_REPLICAS.rawValue)
    package static let notCoordinator = KafkaErrorCode(rawValue: RD_KAFKA_RESP_ERR_NOT_COORDINATOR.rawValue)
    package static let coordinatorNotAvailable = KafkaErrorCode(
        rawValue: RD_KAFKA_RESP_ERR_COORDINATOR_NOT_AVAILABLE.rawValue
    )
    package static let unknownTopicOrPartition = KafkaErrorCode(
        rawValue: RD_KAFKA_RESP_ERR_UNKNOWN_TOPIC_OR_PART.rawValue
    )
    /// The broker expected another sequence number from an idempotent producer: fatal for librdkafka's
    /// idempotent producer when it answers the first request (fault injection only).
    package static let outOfOrderSequenceNumber = KafkaErrorCode(
        rawValue: RD_KAFKA_RESP_ERR_OUT_OF_ORDER_SEQUENCE_NUMBER.rawValue)
    package static let topicAlreadyExists = KafkaErrorCode(rawValue: RD_KAFKA_RESP_ERR_TOPIC_ALREADY_EXISTS.rawValue)
    /// The message is larger than the producer's `message.max.bytes` or the topic's `max.message.bytes`.
    package static let messageTooLarge = KafkaErrorCode(rawValue: RD_KAFKA_RESP_ERR_MSG_SIZE_TOO_LARGE.rawValue)
}
