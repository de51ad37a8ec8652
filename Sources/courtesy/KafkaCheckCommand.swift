import ArgumentParser
import CourtesyCommandSupport
import CourtesyKafka

struct KafkaCheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kafka-check",
        abstract: "Check that Courtesy can reach a Kafka cluster with the given settings, and list what it sees."
    )

    @OptionGroup var kafka: KafkaOptions

    @Option(help: "How long to wait for the cluster to answer, in seconds.")
    var timeout: Double = 5

    /// The librdkafka versions Courtesy is tested with, and against which brokers (docs/kafka.md, Versions).
    static let tested = [
        "2.0.2": "Debian's; tested with its embedded broker; cannot talk to Tansu",
        "2.16.0": "PyPI confluent-kafka's; tested with Tansu",
    ]

    func run() async throws {
        let logger = LogSetup.logger("courtesy.kafka-check")
        let connection = try kafka.connect(clientID: "courtesy-kafka-check")
        let limit = Duration.milliseconds(Int64(timeout * 1000))
        let library = KafkaAPIVersions.librdkafkaVersion
        print(
            "librdkafka \(library)\(Self.tested[library].map { " (\($0))" } ?? " (not a version Courtesy is tested with: docs/kafka.md)")"
        )
        // Asked directly, so that a broker this librdkafka cannot read is told apart from one it cannot reach.
        let bootstrap = connection.configuration.bootstrapServers
        let versions = try? await KafkaBlockingCall.run { () throws(KafkaError) in
            try KafkaAPIVersions.fetch(bootstrapServers: bootstrap, timeout: limit)
        }
        if let versions {
            let listed = versions.ranges.map { "\($0.name) v\($0.minimum)-\($0.maximum)" }
            print("broker API versions (\(versions.ranges.count)): \(listed.joined(separator: ", "))")
        }
        let producer = try KafkaProducer(
            configuration: KafkaProducerConfiguration(kafka: connection.configuration),
            logger: logger
        )
        defer { withExtendedLifetime(connection) {} }
        let metadata: KafkaClusterMetadata
        do {
            metadata = try await producer.metadata(timeout: limit)
        } catch {
            await producer.shutdown()
            guard versions != nil, error.kind == .connection else { throw error }
            throw ValidationError(
                "the broker answers, but librdkafka \(library) could not talk to it (\(error.message)). "
                    + "Known: librdkafka 2.0.2 cannot read the answers of some newer brokers, such as Tansu; "
                    + "librdkafka 2.16 can (docs/kafka.md, Versions)")
        }
        await producer.shutdown()
        print("reached \(connection.description)")
        for broker in metadata.brokers {
            print("broker \(broker.id) at \(broker.host):\(broker.port)")
        }
        for topic in metadata.topics.sorted(by: { $0.name < $1.name }) {
            print("topic \(topic.name) (\(topic.partitions) partitions)")
        }
    }
}
