import ArgumentParser
import CourtesyCommandSupport
import CourtesyCore
import CourtesyServices
import Foundation

struct ResponderCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "responder",
        abstract: "Draft a reply for every mention on Kafka: the responder service.",
        discussion: """
            Joins a consumer group on the mentions topic and writes one draft per mention to the drafts \
            topic; mentions that cannot be drafted go to the dead-letter topic with headers saying why. \
            Drafts consider the conversation's earlier contacts, remembered on a compacted changelog topic \
            with as many partitions as the mentions topic and rebuilt when partitions are assigned \
            (--memory-contacts 0 turns that off). Run several for more throughput: they share the \
            partitions. Ctrl-C or SIGTERM finishes in-flight mentions, commits and leaves the group.
            """
    )

    @OptionGroup var kafka: KafkaOptions
    @OptionGroup var responderOptions: ResponderOptions
    @OptionGroup var memory: MemoryOptions

    @Option(name: .customLong("http-host"), help: "The address /metrics, /healthz and /readyz listen on.")
    var httpHost = "0.0.0.0"

    @Option(
        name: .customLong("http-port"),
        help: "The port of /healthz and /readyz, and of /metrics without --metrics-port (0: any free port).")
    var httpPort = 9401

    @OptionGroup var server: HTTPServerOptions

    @Option(help: "The topic mentions are read from.")
    var mentionsTopic = ResponderServiceConfiguration().mentionsTopic

    @Option(help: "The topic drafts are written to.")
    var draftsTopic = ResponderServiceConfiguration().draftsTopic

    @Option(help: "The topic mentions that cannot be drafted go to.")
    var deadLetterTopic = ResponderServiceConfiguration().deadLetterTopic

    @Option(help: "The consumer group responder instances share.")
    var group = ResponderServiceConfiguration().groupID

    @Option(
        help: ArgumentHelp(
            "How long the group waits for an instance that stopped answering before moving its partitions.",
            valueName: "seconds"))
    var sessionTimeout: Double = 45

    @Option(help: "How many tasks draft a batch of mentions at once (by default, one per processor).")
    var draftingTasks = ResponderServiceConfiguration().draftingTasks

    @Option(
        help: ArgumentHelp(
            "The largest dead letter (key, value and headers); a mention that would not fit is dead-lettered as its first 4 KiB, size and SHA-256. Never more than the producer's message.max.bytes.",
            valueName: "bytes"))
    var deadLetterMaxBytes = ResponderServiceConfiguration().deadLetterMaxBytes

    func validate() throws {
        guard (0...65_535).contains(httpPort) else {
            throw ValidationError("--http-port must be between 0 and 65535, not \(httpPort)")
        }
        guard (1...3_600).contains(sessionTimeout) else {
            throw ValidationError("--session-timeout must be between 1 and 3600 seconds, not \(sessionTimeout)")
        }
        guard (1...256).contains(draftingTasks) else {
            throw ValidationError("--drafting-tasks must be between 1 and 256, not \(draftingTasks)")
        }
        guard deadLetterMaxBytes >= 16_384 else {
            throw ValidationError("--dead-letter-max-bytes must be at least 16384, not \(deadLetterMaxBytes)")
        }
    }

    func run() async throws {
        try PortCheck.ensureFree(host: httpHost, port: httpPort, option: "--http-port")
        try server.ensureMetricsPortFree(httpHost: httpHost)
        let logger = LogSetup.logger("courtesy.responder")
        let registry = MetricsSystemSetup.bootstrapPrometheus()
        let responder = try Responder(configuration: responderOptions.configuration())
        let connection = try kafka.connect(clientID: "courtesy-responder")
        if connection.embedded != nil {
            Console.line("no --bootstrap or KAFKA_BOOTSTRAP: using an \(connection.description)")
        }
        let service = ResponderService(
            kafka: connection.configuration,
            configuration: ResponderServiceConfiguration(
                mentionsTopic: mentionsTopic,
                draftsTopic: draftsTopic,
                deadLetterTopic: deadLetterTopic,
                conversationsTopic: memory.conversationsTopic,
                memory: try memory.settings(),
                groupID: group,
                sessionTimeout: .milliseconds(Int64(sessionTimeout * 1_000)),
                draftingTasks: draftingTasks,
                deadLetterMaxBytes: deadLetterMaxBytes
            ),
            responder: responder,
            logger: logger
        )
        let endpoints = OperationalEndpoints(
            registry: registry, liveness: { service.failure == nil }, notReady: { await service.notReady() })
        try await server.run(service, endpoints: endpoints, httpHost: httpHost, httpPort: httpPort, logger: logger)
        withExtendedLifetime(connection) {}
    }
}
