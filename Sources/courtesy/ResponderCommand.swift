import ArgumentParser
import CourtesyCore
import CourtesyServices
import ServiceLifecycle

struct ResponderCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "responder",
        abstract: "Draft a reply for every mention on Kafka: the responder service.",
        discussion: """
            Joins a consumer group on the mentions topic and writes one draft per mention to the drafts \
            topic; mentions that cannot be drafted go to the dead-letter topic with headers saying why. \
            Run several for more throughput: they share the partitions. Ctrl-C or SIGTERM finishes \
            in-flight mentions, commits and leaves the group.
            """
    )

    @OptionGroup var kafka: KafkaOptions
    @OptionGroup var responderOptions: ResponderOptions

    @Option(help: "The topic mentions are read from.")
    var mentionsTopic = ResponderServiceConfiguration().mentionsTopic

    @Option(help: "The topic drafts are written to.")
    var draftsTopic = ResponderServiceConfiguration().draftsTopic

    @Option(help: "The topic mentions that cannot be drafted go to.")
    var deadLetterTopic = ResponderServiceConfiguration().deadLetterTopic

    @Option(help: "The consumer group responder instances share.")
    var group = ResponderServiceConfiguration().groupID

    func run() async throws {
        let logger = LogSetup.logger("courtesy.responder")
        let responder = try Responder(configuration: responderOptions.configuration())
        let connection = try kafka.connect(clientID: "courtesy-responder")
        if connection.embedded != nil {
            print("no --bootstrap or KAFKA_BOOTSTRAP: using an \(connection.description)")
        }
        let service = ResponderService(
            kafka: connection.configuration,
            configuration: ResponderServiceConfiguration(
                mentionsTopic: mentionsTopic,
                draftsTopic: draftsTopic,
                deadLetterTopic: deadLetterTopic,
                groupID: group
            ),
            responder: responder,
            logger: logger
        )
        let group = ServiceGroup(
            services: [service],
            gracefulShutdownSignals: [.sigterm, .sigint],
            logger: logger
        )
        try await group.run()
        withExtendedLifetime(connection) {}
    }
}
