import CRdKafka

/// A Kafka protocol error code, for fault injection and for inspecting ``KafkaError/code``.
public struct KafkaErrorCode: Sendable, Hashable, CustomStringConvertible {
    public let rawValue: Int32

    public init(rawValue: Int32) {
        self.rawValue = rawValue
    }

    public var description: String { String(cString: rd_kafka_err2name(rd_kafka_resp_err_t(rawValue))) }

    public static let notLeaderForPartition = KafkaErrorCode(
        rawValue: RD_KAFKA_RESP_ERR_NOT_LEADER_FOR_PARTITION.rawValue)
    public static let leaderNotAvailable = KafkaErrorCode(rawValue: RD_KAFKA_RESP_ERR_LEADER_NOT_AVAILABLE.rawValue)
    public static let requestTimedOut = KafkaErrorCode(rawValue: RD_KAFKA_RESP_ERR_REQUEST_TIMED_OUT.rawValue)
    public static let notEnoughReplicas = KafkaErrorCode(rawValue: RD_KAFKA_RESP_ERR_NOT_ENOUGH_REPLICAS.rawValue)
    public static let notCoordinator = KafkaErrorCode(rawValue: RD_KAFKA_RESP_ERR_NOT_COORDINATOR.rawValue)
    public static let coordinatorNotAvailable = KafkaErrorCode(
        rawValue: RD_KAFKA_RESP_ERR_COORDINATOR_NOT_AVAILABLE.rawValue
    )
    public static let coordinatorLoadInProgress = KafkaErrorCode(
        rawValue: RD_KAFKA_RESP_ERR_COORDINATOR_LOAD_IN_PROGRESS.rawValue
    )
    public static let unknownTopicOrPartition = KafkaErrorCode(
        rawValue: RD_KAFKA_RESP_ERR_UNKNOWN_TOPIC_OR_PART.rawValue
    )
    /// The message is larger than the producer's `message.max.bytes` or the topic's `max.message.bytes`.
    public static let messageTooLarge = KafkaErrorCode(rawValue: RD_KAFKA_RESP_ERR_MSG_SIZE_TOO_LARGE.rawValue)
}
