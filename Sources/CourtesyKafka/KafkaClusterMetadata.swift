/// The brokers and topics a cluster reported.
public struct KafkaClusterMetadata: Sendable {
    public struct Broker: Sendable {
        public let id: Int32
        public let host: String
        public let port: Int32
    }

    public struct Topic: Sendable {
        public let name: String
        public let partitions: Int
    }

    public let brokers: [Broker]
    public let topics: [Topic]
}
