/// Kafka protocol request kinds (API keys) that ``EmbeddedKafkaCluster`` can inject errors into.
public struct KafkaRequest: Sendable, Hashable, CustomStringConvertible {
    public let rawValue: Int16
    public let description: String

    private init(_ rawValue: Int16, _ name: String) {
        self.rawValue = rawValue
        self.description = name
    }

    public static let produce = KafkaRequest(0, "Produce")
    public static let fetch = KafkaRequest(1, "Fetch")
    public static let listOffsets = KafkaRequest(2, "ListOffsets")
    public static let metadata = KafkaRequest(3, "Metadata")
    public static let offsetCommit = KafkaRequest(8, "OffsetCommit")
    public static let offsetFetch = KafkaRequest(9, "OffsetFetch")
    public static let findCoordinator = KafkaRequest(10, "FindCoordinator")
    public static let joinGroup = KafkaRequest(11, "JoinGroup")
    public static let heartbeat = KafkaRequest(12, "Heartbeat")
    public static let syncGroup = KafkaRequest(14, "SyncGroup")
    public static let initProducerID = KafkaRequest(22, "InitProducerId")
}
