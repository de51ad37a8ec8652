/// Kafka protocol request kinds (API keys) that ``EmbeddedKafkaCluster`` can inject errors into.
package struct KafkaRequest: Sendable, Hashable, CustomStringConvertible {
    package let rawValue: Int16
    package let description: String

    private init(_ rawValue: Int16, _ name: String) {
        self.rawValue = rawValue
        self.description = name
    }

    package static let produce = KafkaRequest(0, "Produce")
    package static let fetch = KafkaRequest(1, "Fetch")
    package static let listOffsets = KafkaRequest(2, "ListOffsets")
    package static let metadata = KafkaRequest(3, "Metadata")
    package static let offsetCommit = KafkaRequest(8, "OffsetCommit")
    package static let offsetFetch = KafkaRequest(9, "OffsetFetch")
    package static let findCoordinator = KafkaRequest(10, "FindCoordinator")
    package static let joinGroup = KafkaRequest(11, "JoinGroup")
    package static let heartbeat = KafkaRequest(12, "Heartbeat")
    package static let syncGroup = KafkaRequest(14, "SyncGroup")
    package static let initProducerID = KafkaRequest(22, "InitProducerId")
}
