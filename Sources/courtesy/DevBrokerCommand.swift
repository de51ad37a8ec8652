import ArgumentParser
import CourtesyCommandSupport
import CourtesyKafka
import Foundation
import ServiceLifecycle

struct DevBrokerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dev-broker",
        abstract: "Run the embedded Kafka broker for local development, until Ctrl-C.",
        discussion: """
            Starts librdkafka's in-process mock cluster, a Kafka that speaks the real wire protocol, on random \
            local ports. Point Courtesy's services (--bootstrap or KAFKA_BOOTSTRAP) or any Kafka client, such \
            as kcat, at the address it prints. Topics are created on first use with 4 partitions. Nothing is \
            kept when it stops.
            """
    )

    @Option(help: "How many brokers the cluster has.")
    var brokers = 1

    @Option(help: "Also write the bootstrap address to this file (removed on exit).")
    var bootstrapFile: String?

    @Option(
        name: .customLong("topic"),
        help: ArgumentHelp("Create a topic up front with a partition count, NAME:PARTITIONS (repeatable).")
    )
    var topics: [String] = []

    /// The `--topic` options as names and partition counts.
    private var topicPartitions: [(name: String, partitions: Int)] {
        get throws {
            try topics.map { topic in
                let parts = topic.split(separator: ":", maxSplits: 1)
                guard parts.count == 2, !parts[0].isEmpty, let partitions = Int(parts[1]), partitions > 0 else {
                    throw ValidationError("--topic expects NAME:PARTITIONS, got \"\(topic)\"")
                }
                return (String(parts[0]), partitions)
            }
        }
    }

    func validate() throws {
        guard (1...16).contains(brokers) else { throw ValidationError("--brokers takes 1 to 16, not \(brokers)") }
        _ = try topicPartitions
    }

    func run() async throws {
        let logger = LogSetup.logger("courtesy.dev-broker")
        let cluster = try EmbeddedKafkaCluster(brokers: brokers)
        for topic in try topicPartitions {
            try cluster.createTopic(topic.name, partitions: topic.partitions)
        }
        if let bootstrapFile {
            try Data((cluster.bootstrapServers + "\n").utf8).write(to: URL(fileURLWithPath: bootstrapFile))
        }
        Console.line(cluster.bootstrapServers)
        logger.info(
            "embedded Kafka broker up; Ctrl-C to stop",
            metadata: ["bootstrap": "\(cluster.bootstrapServers)", "brokers": "\(brokers)"]
        )
        let group = ServiceGroup(
            services: [WaitForShutdown()],
            gracefulShutdownSignals: [.sigterm, .sigint],
            logger: logger
        )
        try await group.run()
        if let bootstrapFile {
            try? FileManager.default.removeItem(atPath: bootstrapFile)
        }
        withExtendedLifetime(cluster) {}
        logger.info("embedded Kafka broker stopped")
    }
}
