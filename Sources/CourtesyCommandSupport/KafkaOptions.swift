import ArgumentParser
import CourtesyKafka
import Foundation

/// `--bootstrap` and `--kafka-property`, shared by every command that talks to Kafka.
package struct KafkaOptions: ParsableArguments {
    @Option(
        name: .customLong("bootstrap"),
        help: ArgumentHelp(
            "Kafka brokers to bootstrap from, HOST:PORT[,...] (default: $KAFKA_BOOTSTRAP, else an embedded broker).",
            valueName: "servers"
        )
    )
    package var bootstrap: String?

    @Option(
        name: .customLong("kafka-property"),
        help: ArgumentHelp(
            "A librdkafka property passed through as it is (repeatable), e.g. security.protocol=SASL_SSL.",
            valueName: "key=value"
        )
    )
    package var kafkaProperties: [String] = []

    package init() {}

    /// The brokers named by the flag or the environment, if any.
    package var explicitBootstrap: String? {
        if let bootstrap, !bootstrap.isEmpty { return bootstrap }
        if let fromEnvironment = ProcessInfo.processInfo.environment["KAFKA_BOOTSTRAP"], !fromEnvironment.isEmpty {
            return fromEnvironment
        }
        return nil
    }

    /// Validates the properties and connects: to the named cluster, or to a new embedded one.
    package func connect(clientID: String) throws -> KafkaConnection {
        let properties = try KafkaConfiguration.parseProperties(kafkaProperties)
        if let explicitBootstrap {
            let configuration = KafkaConfiguration(
                bootstrapServers: explicitBootstrap,
                clientID: clientID,
                properties: properties
            )
            try configuration.validate()
            return KafkaConnection(configuration: configuration, embedded: nil)
        }
        let embedded = try EmbeddedKafkaCluster()
        let configuration = KafkaConfiguration(
            bootstrapServers: embedded.bootstrapServers,
            clientID: clientID,
            properties: properties
        )
        try configuration.validate()
        return KafkaConnection(configuration: configuration, embedded: embedded)
    }
}

/// A Kafka configuration, and the embedded cluster behind it when no cluster was named.
package struct KafkaConnection: Sendable {
    package var configuration: KafkaConfiguration
    /// Kept alive for as long as the connection is used.
    package let embedded: EmbeddedKafkaCluster?

    package var description: String {
        embedded == nil
            ? configuration.bootstrapServers : "embedded broker at \(configuration.bootstrapServers)"
    }
}
