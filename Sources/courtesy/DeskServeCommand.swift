import ArgumentParser
import CourtesyCommandSupport
import CourtesyCore
import CourtesyServices
import Foundation
import ServiceLifecycle

struct DeskServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run the desk (the default): rebuild the queue from Kafka, then serve the API.",
        discussion: """
            Reads the drafts, decisions and replies topics from the beginning to rebuild the queue of \
            pending drafts (Kafka is the source of truth; nothing is kept on disk), then follows them. \
            Approvers use `courtesy review` against the API; each decision is written to the decisions \
            topic and each approval's reply to the replies topic. Ctrl-C or SIGTERM stops it.
            """
    )

    @OptionGroup var kafka: KafkaOptions

    @Option(
        help: ArgumentHelp(
            "The approvers file: names, roles and token hashes (see docs/desk.md). Or COURTESY_APPROVERS.",
            valueName: "path"))
    var approvers: String?

    @Option(
        name: .customLong("http-host"), help: "The address the API (and /metrics, without --metrics-port) listens on.")
    var httpHost = "0.0.0.0"

    @Option(
        name: .customLong("http-port"),
        help: "The port of the API, /healthz and /readyz, and of /metrics without --metrics-port (0: any free port).")
    var httpPort = 9402

    @OptionGroup var tls: TLSOptions
    @OptionGroup var server: HTTPServerOptions

    @Option(help: "The topic drafts are read from.")
    var draftsTopic = DeskServiceConfiguration().draftsTopic

    @Option(help: "The topic decisions are written to and read back from.")
    var decisionsTopic = DeskServiceConfiguration().decisionsTopic

    @Option(help: "The topic approved replies are published to.")
    var repliesTopic = DeskServiceConfiguration().repliesTopic

    @Option(help: "The topic the publisher records each reply's outcome on, read to show replies as posted.")
    var publicationsTopic = DeskServiceConfiguration().publicationsTopic

    @Option(
        help: ArgumentHelp(
            "The account each brand replies from, for drafts whose brand profile names none: lines of BRAND ACCOUNT or BRAND/PLATFORM ACCOUNT.",
            valueName: "file"))
    var accounts: String?

    @Option(
        name: .customLong("decision-limit"),
        help: ArgumentHelp(
            "Decisions each approver may make: per second, optionally /burst, or off.", valueName: "rate[/burst]"))
    var decisionLimit = RateLimitOption(DeskRateLimits.standard.decisions)

    @Option(
        name: .customLong("read-limit"),
        help: ArgumentHelp(
            "Other API requests each approver may make: per second, optionally /burst, or off.",
            valueName: "rate[/burst]"))
    var readLimit = RateLimitOption(DeskRateLimits.standard.reads)

    @Option(
        name: .customLong("failed-auth-limit"),
        help: ArgumentHelp(
            "Requests with a missing or unknown token each client address may make: per second, optionally /burst, or off.",
            valueName: "rate[/burst]"))
    var failedAuthLimit = RateLimitOption(DeskRateLimits.standard.failedAuthentications)

    @Option(
        name: .customLong("trusted-proxy"),
        parsing: .singleValue,
        help: ArgumentHelp(
            "A reverse proxy (an address or CIDR block) whose X-Forwarded-For names the client address; repeatable.",
            valueName: "cidr"),
        transform: { text in
            do {
                return try IPNetwork(parsing: text)
            } catch {
                throw ValidationError("\(error)")
            }
        })
    var trustedProxies: [IPNetwork] = []

    func validate() throws {
        guard (0...65_535).contains(httpPort) else {
            throw ValidationError("--http-port must be between 0 and 65535, not \(httpPort)")
        }
    }

    func run() async throws {
        guard let path = approvers ?? ProcessInfo.processInfo.environment["COURTESY_APPROVERS"] else {
            throw ValidationError(
                "the desk needs an approvers file: --approvers PATH or COURTESY_APPROVERS (`courtesy desk token` makes entries)"
            )
        }
        let directory: ApproverDirectory
        do {
            directory = try ApproverDirectory.load(path: path)
        } catch {
            throw ValidationError("\(path): \(error)")
        }
        var replyAccounts = ReplyAccounts()
        if let accounts {
            do {
                replyAccounts = try ReplyAccounts(
                    parsing: try String(contentsOfFile: accounts, encoding: .utf8), source: accounts)
            } catch let error as ReplyAccountsError {
                throw ValidationError(error.description)
            } catch {
                throw ValidationError("cannot read --accounts \(accounts): \(error.localizedDescription)")
            }
        }
        let certificates = try tls.store()
        try PortCheck.ensureFree(host: httpHost, port: httpPort, option: "--http-port")
        try server.ensureMetricsPortFree(httpHost: httpHost)
        let logger = LogSetup.logger("courtesy.desk")
        let registry = MetricsSystemSetup.bootstrapPrometheus()
        let connection = try kafka.connect(clientID: "courtesy-desk")
        if connection.embedded != nil {
            Console.line("no --bootstrap or KAFKA_BOOTSTRAP: using an \(connection.description)")
        }
        let desk = DeskService(
            kafka: connection.configuration,
            configuration: DeskServiceConfiguration(
                draftsTopic: draftsTopic, decisionsTopic: decisionsTopic, repliesTopic: repliesTopic,
                publicationsTopic: publicationsTopic, accounts: replyAccounts),
            logger: logger,
            progress: DeskServeCommand.showProgress
        )
        let routes = DeskRoutes(
            desk: desk, directory: directory,
            rateLimits: DeskRateLimits(
                decisions: decisionLimit.limit, reads: readLimit.limit, failedAuthentications: failedAuthLimit.limit),
            trustedProxies: TrustedProxies(trustedProxies))
        let endpoints = OperationalEndpoints(
            registry: registry, liveness: { desk.failure == nil }, readiness: { await desk.isReady() })
        let separateMetrics = server.metricsPort != nil
        let http = endpoints.server(
            host: httpHost, port: httpPort, limits: server.limits, tls: certificates, metrics: !separateMetrics,
            logger: logger, routes: routes.add,
            onListening: { port in
                let host = httpHost == "0.0.0.0" ? "127.0.0.1" : httpHost
                let scheme = certificates == nil ? "http" : "https"
                Console.line("desk: \(scheme)://\(host):\(port) (\(directory.approvers.count) people in \(path))")
                if !separateMetrics {
                    Console.line("metrics: \(scheme)://\(host):\(port)/metrics (also /healthz, /readyz)")
                }
            })
        var services: [any Service] = [http, desk]
        if let metrics = server.metricsServer(endpoints, httpHost: httpHost, logger: logger) {
            services.append(metrics)
        }
        if let certificates {
            services.append(await TLSReloadService(store: certificates, logger: logger))
        }
        let group = ServiceGroup(services: services, gracefulShutdownSignals: [.sigterm, .sigint], logger: logger)
        try await ServiceExit.run(logger: logger) { try await group.run() }
        withExtendedLifetime(connection) {}
    }

    @Sendable static func showProgress(read: Int64, total: Int64) {
        if total == 0 {
            Console.line("queue rebuilt: the topics were empty")
        } else if read >= total {
            Console.line("queue rebuilt from \(total) events")
        } else {
            Console.line("rebuilding the queue: \(read) of \(total) events (\(read * 100 / total)%)")
        }
    }
}
