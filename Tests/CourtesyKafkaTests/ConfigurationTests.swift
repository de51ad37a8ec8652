import CourtesyKafka
import Logging
import Testing

@Suite("Configuration is validated at start-up, naming what is wrong")
struct ConfigurationTests {
    private let logger = Logger(label: "test")
    private let kafka = KafkaConfiguration(bootstrapServers: "127.0.0.1:9", statisticsInterval: nil)

    @Test("an unknown librdkafka property is refused by name")
    func unknownProperty() throws {
        var configuration = KafkaProducerConfiguration(kafka: kafka)
        configuration.kafka.properties["no.such.property"] = "1"
        let error = try #require(throws: KafkaError.self) {
            try KafkaProducer(configuration: configuration, logger: logger)
        }
        #expect(error.kind == .configuration)
        #expect(error.message.contains("unknown Kafka property \"no.such.property\""))
    }

    @Test("an invalid value is refused with the property's name")
    func invalidValue() throws {
        var configuration = KafkaConsumerConfiguration(kafka: kafka, groupID: "g", topics: ["t"])
        configuration.kafka.properties["session.timeout.ms"] = "soon"
        let error = try #require(throws: KafkaError.self) {
            try KafkaConsumer(configuration: configuration, logger: logger)
        }
        #expect(error.message.contains("\"session.timeout.ms\""))
    }

    @Test("properties the adapter relies on cannot be overridden")
    func reservedProperty() throws {
        var configuration = KafkaConsumerConfiguration(kafka: kafka, groupID: "g", topics: ["t"])
        configuration.kafka.properties["enable.auto.offset.store"] = "true"
        let error = try #require(throws: KafkaError.self) { try configuration.librdkafkaProperties() }
        #expect(error.message.contains("enable.auto.offset.store"))
    }

    @Test("pass-through properties win over typed settings")
    func passThroughWins() throws {
        var configuration = KafkaProducerConfiguration(kafka: kafka)
        configuration.kafka.properties["compression.codec"] = "zstd"
        let properties = try configuration.librdkafkaProperties()
        #expect(properties.last { $0.0 == "compression.codec" }?.1 == "zstd")
        #expect(properties.contains { $0 == ("enable.idempotence", "true") })
    }

    @Test("a consumer needs a group and topics")
    func consumerNeedsGroupAndTopics() {
        #expect(throws: KafkaError.self) {
            try KafkaConsumerConfiguration(kafka: kafka, groupID: "", topics: ["t"]).librdkafkaProperties()
        }
        #expect(throws: KafkaError.self) {
            try KafkaConsumerConfiguration(kafka: kafka, groupID: "g", topics: []).librdkafkaProperties()
        }
    }

    @Test("an unreachable cluster is reported within the timeout", .timeLimit(.minutes(1)))
    func unreachableCluster() async throws {
        var silent = Logger(label: "test")
        silent.logLevel = .critical
        let producer = try KafkaProducer(configuration: KafkaProducerConfiguration(kafka: kafka), logger: silent)
        let started = ContinuousClock.now
        let error = try await #require(throws: KafkaError.self) { try await producer.metadata(timeout: .seconds(2)) }
        #expect(error.kind == .connection)
        // The 2 s timeout, with room for a loaded machine or a sanitizer (17 s was seen once, with the whole
        // suite and its child processes on 2 cores); without the timeout the call would not return at all.
        #expect(ContinuousClock.now - started < .seconds(30))
        await producer.shutdown()
    }

    @Test("the embedded cluster refuses impossible sizes")
    func embeddedClusterSize() {
        #expect(throws: KafkaError.self) { try EmbeddedKafkaCluster(brokers: 0) }
    }
}
