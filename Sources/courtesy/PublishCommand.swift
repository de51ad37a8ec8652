import ArgumentParser
import CourtesyCommandSupport
import CourtesyServices
import Foundation

struct PublishCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "publish",
        abstract: "Post every approved reply to a webhook: the publisher service, the last mile.",
        discussion: """
            Joins a consumer group on the replies topic and POSTs each reply, as approved (the \
            courtesy.reply/v1 event), to --webhook or to the route --webhooks gives its platform or brand, \
            with Idempotency-Key: <reply id> and, with --secret-file, a Courtesy-Signature: sha256=<HMAC> \
            header. A 2xx answer is recorded on the publications topic (the desk then shows the reply as \
            posted); 5xx, 408, 429 (after its Retry-After), timeouts and connection errors are tried again \
            with exponential backoff and jitter, holding up only that conversation; any other answer sends \
            the reply to the dead-letter topic. A reply's offset is committed only once its outcome is \
            recorded: after a crash, unrecorded replies are posted again with the same key. Ctrl-C or \
            SIGTERM lets posts in progress settle, commits and leaves the group.
            """
    )

    @OptionGroup var kafka: KafkaOptions

    @Option(help: ArgumentHelp("Where every reply is posted, unless --webhooks routes it elsewhere.", valueName: "url"))
    var webhook: String?

    @Option(
        help: ArgumentHelp(
            "A file of routes, one per line: SELECTOR URL, where SELECTOR is *, a platform, brand:NAME or brand:NAME/PLATFORM.",
            valueName: "file"))
    var webhooks: String?

    @Option(
        help: ArgumentHelp(
            "A file holding the secret that signs each post (HMAC-SHA256 of the body); without it posts are unsigned.",
            valueName: "file"))
    var secretFile: String?

    @Option(help: ArgumentHelp("How long one post may take, connecting included.", valueName: "seconds"))
    var timeout: Double = 10

    @Option(help: "How many posts may be in progress at once on each platform.")
    var concurrency = 4

    @Option(
        help: ArgumentHelp("How many posts a second each platform may receive (0: no limit).", valueName: "per-second"))
    var rate: Double = 0

    @Option(help: "How many replies may be read and not yet settled; reading waits past it.")
    var maxInFlight = 1_000

    @Option(help: "The topic approved replies are read from.")
    var repliesTopic = Self.defaults.repliesTopic

    @Option(help: "The topic each reply's outcome is written to.")
    var publicationsTopic = Self.defaults.publicationsTopic

    @Option(help: "The topic replies a receiver refused for good go to.")
    var deadLetterTopic = Self.defaults.deadLetterTopic

    @Option(help: "The consumer group publisher instances share.")
    var group = Self.defaults.groupID

    @Option(
        help: ArgumentHelp(
            "How long the group waits for an instance that stopped answering before moving its partitions.",
            valueName: "seconds"))
    var sessionTimeout: Double = 45

    @Option(name: .customLong("http-host"), help: "The address /metrics, /healthz and /readyz listen on.")
    var httpHost = "0.0.0.0"

    @Option(
        name: .customLong("http-port"),
        help: "The port of /healthz and /readyz, and of /metrics without --metrics-port (0: any free port).")
    var httpPort = 9404

    @OptionGroup var server: HTTPServerOptions

    private static let defaults = PublishServiceConfiguration(routes: WebhookRoutes(webhook: nil))

    func validate() throws {
        guard webhook != nil || webhooks != nil else {
            throw ValidationError("give --webhook URL, or --webhooks FILE with a route per platform or brand")
        }
        guard (0...65_535).contains(httpPort) else {
            throw ValidationError("--http-port must be between 0 and 65535, not \(httpPort)")
        }
        guard timeout > 0, timeout <= 300 else {
            throw ValidationError("--timeout must be more than 0 and at most 300 seconds, not \(timeout)")
        }
        guard (1...1_000).contains(concurrency) else {
            throw ValidationError("--concurrency must be between 1 and 1000, not \(concurrency)")
        }
        guard (1...3_600).contains(sessionTimeout) else {
            throw ValidationError("--session-timeout must be between 1 and 3600 seconds, not \(sessionTimeout)")
        }
        guard rate >= 0, rate.isFinite else { throw ValidationError("--rate must be 0 or more, not \(rate)") }
        guard (1...100_000).contains(maxInFlight) else {
            throw ValidationError("--max-in-flight must be between 1 and 100000, not \(maxInFlight)")
        }
    }

    /// The publisher's settings from the options, with the routes and secret read from their files.
    func publishConfiguration() throws -> PublishServiceConfiguration {
        do {
            return try readConfiguration()
        } catch let error as PublishConfigurationError {
            throw ValidationError(error.description)
        }
    }

    private func readConfiguration() throws -> PublishServiceConfiguration {
        let fallback = try webhook.map { try WebhookRoutes.webhook($0, at: "--webhook") }
        var routes = WebhookRoutes(webhook: fallback)
        if let webhooks {
            let text: String
            do {
                text = try String(contentsOfFile: webhooks, encoding: .utf8)
            } catch {
                throw ValidationError("cannot read --webhooks \(webhooks): \(error.localizedDescription)")
            }
            routes = try WebhookRoutes(parsing: text, source: webhooks, default: fallback)
            guard !routes.isEmpty else { throw ValidationError("\(webhooks) holds no route") }
        }
        let secret = try secretFile.map { try SecretFile.read($0, option: "--secret-file") }
        return PublishServiceConfiguration(
            repliesTopic: repliesTopic, publicationsTopic: publicationsTopic, deadLetterTopic: deadLetterTopic,
            groupID: group, routes: routes, secret: secret, requestTimeout: .milliseconds(Int64(timeout * 1_000)),
            concurrencyPerPlatform: concurrency, ratePerPlatform: rate, maxInFlight: maxInFlight,
            sessionTimeout: .milliseconds(Int64(sessionTimeout * 1_000)))
    }

    func run() async throws {
        let configuration = try publishConfiguration()
        try PortCheck.ensureFree(host: httpHost, port: httpPort, option: "--http-port")
        try server.ensureMetricsPortFree(httpHost: httpHost)
        let logger = LogSetup.logger("courtesy.publisher")
        let registry = MetricsSystemSetup.bootstrapPrometheus()
        let connection = try kafka.connect(clientID: "courtesy-publisher")
        if connection.embedded != nil {
            Console.line("no --bootstrap or KAFKA_BOOTSTRAP: using an \(connection.description)")
        }
        let service = try PublishService(kafka: connection.configuration, configuration: configuration, logger: logger)
        let endpoints = OperationalEndpoints(
            registry: registry, liveness: { service.failure == nil }, notReady: { await service.notReady() })
        try await server.run(service, endpoints: endpoints, httpHost: httpHost, httpPort: httpPort, logger: logger)
        withExtendedLifetime(connection) {}
    }
}
