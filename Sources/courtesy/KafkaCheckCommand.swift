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

    func run() async throws {
        let logger = LogSetup.logger("courtesy.kafka-check")
        let connection = try kafka.connect(clientID: "courtesy-kafka-check")
        let producer = try KafkaProducer(
            configuration: KafkaProducerConfiguration(kafka: connection.configuration),
            logger: logger
        )
        defer { withExtendedLifetime(connection) {} }
        do {
            let metadata = try await producer.metadata(timeout: .milliseconds(Int64(timeout * 1000)))
            await producer.shutdown()
            print("reached \(connection.description)")
            for broker in metadata.brokers {
                print("broker \(broker.id) at \(broker.host):\(broker.port)")
            }
            for topic in metadata.topics.sorted(by: { $0.name < $1.name }) {
                print("topic \(topic.name) (\(topic.partitions) partitions)")
            }
        } catch {
            await producer.shutdown()
            throw error
        }
    }
}
