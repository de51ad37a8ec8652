/// The brokers and topics a cluster reported.
package struct KafkaClusterMetadata: Sendable {
    package struct Broker: Sendable {
        package let id: Int32
        package let host: String
        package let port: Int32
    }

    package struct Topic: Sendable {
        package let name: String
        package let partitions: Int
    }

    package let brokers: [Broker]
    package let topics: [Topic]
}
