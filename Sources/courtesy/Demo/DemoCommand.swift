import ArgumentParser
import CourtesyCommandSupport
import CourtesyCore
import CourtesyKafka
import CourtesyServices
import Foundation
import Logging
import ServiceLifecycle

struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract:
            "The whole loop in one process, no set-up: broker, responder, desk, publisher and a stream of mentions.",
        discussion: """
            Starts an embedded Kafka broker, the responder, the desk and a publisher that posts approved \
            replies to a built-in receiver (which prints each post), and feeds them sample mentions (a \
            burst, then one every few seconds). It prints the desk's URL, the /metrics URLs, the broker's \
            address as KAFKA_BOOTSTRAP=, and the two lines an approver runs in another terminal to review \
            the drafts. Its publisher has a consumer group of its own (courtesy-demo-publisher), so a \
            `courtesy publish` started beside it receives every reply too. Ctrl-C stops it all.
            """
    )

    @Option(
        name: .customLong("desk-port"),
        help: "The desk's port: its API, /metrics, /healthz, /readyz (0: any free port).")
    var deskPort = 9402

    @Option(
        name: .customLong("responder-port"),
        help: "The responder's /metrics, /healthz, /readyz port (0: any free port).")
    var responderPort = 9401

    @Option(
        name: .customLong("publisher-port"),
        help: "The publisher's /metrics, /healthz, /readyz port (0: any free port).")
    var publisherPort = 9404

    @Option(help: "Mentions sent at once when the demo starts.")
    var burst = 12

    @Option(help: "Seconds between the mentions that follow the burst (0: none follow).")
    var interval: Double = 4

    @Option(help: "The most mentions sent in all.")
    var limit = 500

    @Option(help: "The seed of the sample mentions (the same seed, the same mentions).")
    var seed: UInt64 = 2026

    @OptionGroup var responderOptions: ResponderOptions

    func validate() throws {
        for (name, port) in [
            ("--desk-port", deskPort), ("--responder-port", responderPort), ("--publisher-port", publisherPort),
        ]
        where !(0...65_535).contains(port) {
            throw ValidationError("\(name) must be between 0 and 65535, not \(port)")
        }
        guard burst >= 0, limit >= 0, interval >= 0 else {
            throw ValidationError("--burst, --limit and --interval cannot be negative")
        }
    }

    func run() async throws {
        try PortCheck.ensureFree(host: "127.0.0.1", port: deskPort, option: "--desk-port")
        try PortCheck.ensureFree(host: "127.0.0.1", port: responderPort, option: "--responder-port")
        try PortCheck.ensureFree(host: "127.0.0.1", port: publisherPort, option: "--publisher-port")
        let logger = LogSetup.logger("courtesy.demo", defaultLevel: .warning)
        // One process, but one registry per service, as if each ran on its own: each /metrics shows its
        // service's metrics only, so a scrape of all three counts nothing twice.
        let registries = (
            responder: ServiceScopedMetrics.registry(), desk: ServiceScopedMetrics.registry(),
            publisher: ServiceScopedMetrics.registry()
        )
        let metrics = ServiceScopedMetrics.bootstrap(clients: [
            "courtesy-demo-responder": registries.responder, "courtesy-demo-desk": registries.desk,
            "courtesy-demo-publisher": registries.publisher,
        ])
        let scopes = (
            responder: metrics.scope(registries.responder), desk: metrics.scope(registries.desk),
            publisher: metrics.scope(registries.publisher)
        )
        let cluster = try EmbeddedKafkaCluster()
        // librdkafka 2.0.2's mock broker answers a fetch only when the fetch's wait runs out (500 ms by
        // default), not when data arrives as a real broker does: a short wait keeps the demo's drafts prompt.
        var kafka = KafkaConfiguration(bootstrapServers: cluster.bootstrapServers, clientID: "courtesy-demo")
        kafka.consumerProperties = ["fetch.wait.max.ms": "10"]
        func client(_ id: String) -> KafkaConfiguration {
            var configuration = kafka
            configuration.clientID = id
            return configuration
        }

        var responderConfiguration = try responderOptions.configuration()
        let workspace = try DemoWorkspace()
        if responderConfiguration.roster == nil {
            responderConfiguration.roster = try workspace.writeRoster()
        }
        let responder = try Responder(configuration: responderConfiguration)
        let token = ApproverToken.generate()
        let directory = try ApproverDirectory([
            (Approver(name: "Demo Approver", role: .approver), ApproverToken.sha256Hex(of: token))
        ])

        let responderService = ResponderService(
            kafka: client("courtesy-demo-responder"),
            configuration: ResponderServiceConfiguration(sessionTimeout: .seconds(6)), responder: responder,
            logger: logger)
        let desk = DeskService(kafka: client("courtesy-demo-desk"), logger: logger)
        let ports = DemoPorts(bootstrap: cluster.bootstrapServers, token: token)
        let responderHTTP = scopes.responder.building {
            OperationalEndpoints(
                registry: registries.responder, liveness: { responderService.failure == nil },
                notReady: { await responderService.notReady() }
            )
            .server(
                host: "127.0.0.1", port: responderPort, logger: logger,
                onListening: { await ports.set(responder: $0) })
        }
        let deskHTTP = scopes.desk.building {
            OperationalEndpoints(
                registry: registries.desk, liveness: { desk.failure == nil }, readiness: { await desk.isReady() }
            )
            .server(
                host: "127.0.0.1", port: deskPort, logger: logger,
                routes: DeskRoutes(desk: desk, directory: directory).add,
                onListening: { await ports.set(desk: $0) })
        }
        // The last mile: a publisher in a group of its own, posting to a receiver that prints each post.
        let secret = (0..<32).map { _ in UInt8.random(in: 0...255) }
        let sink = try WebhookSink(secret: secret) { post in Console.line(WebhookSinkCommand.describe(post)) }
        let sinkHTTP = OperationalEndpoints(registry: ServiceScopedMetrics.registry(), readiness: { true })
            .server(
                host: "127.0.0.1", port: 0, metrics: false, logger: logger, routes: sink.add,
                onListening: { await ports.set(sink: $0) })
        let publisher = DemoPublisher(
            kafka: client("courtesy-demo-publisher"), secret: secret, ports: ports, logger: logger)
        let publisherHTTP = scopes.publisher.building {
            OperationalEndpoints(
                registry: registries.publisher, liveness: { publisher.failure == nil },
                notReady: { await publisher.notReady() }
            )
            .server(
                host: "127.0.0.1", port: publisherPort, logger: logger,
                onListening: { await ports.set(publisher: $0) })
        }
        let feed = DemoFeed(
            kafka: client("courtesy-demo-feed"), seed: seed, burst: burst, interval: interval, limit: limit,
            topic: ResponderServiceConfiguration().mentionsTopic, logger: logger)
        let group = ServiceGroup(
            services: [
                scopes.responder.running(responderHTTP), scopes.desk.running(deskHTTP),
                scopes.publisher.running(publisherHTTP), sinkHTTP, scopes.responder.running(responderService),
                scopes.desk.running(desk), scopes.publisher.running(publisher), feed,
            ],
            gracefulShutdownSignals: [.sigterm, .sigint],
            logger: logger
        )
        try await ServiceExit.run(logger: logger) { try await group.run() }
        withExtendedLifetime(cluster) {}
        withExtendedLifetime(workspace) {}
    }
}
