import ArgumentParser
import CourtesyCommandSupport
import CourtesyServices
import Logging
import ServiceLifecycle

/// How a service's HTTP servers treat slow clients, how many connections they hold, and where a
/// separate metrics server listens. Shared by `courtesy responder` and `courtesy desk serve`.
struct HTTPServerOptions: ParsableArguments {
    @Option(
        name: .customLong("metrics-port"),
        help: ArgumentHelp(
            "Serve /metrics on this port instead of --http-port, over plain HTTP (also /healthz, /readyz; 0: any free port).",
            valueName: "port"))
    var metricsPort: Int?

    @Option(
        name: .customLong("metrics-host"),
        help: ArgumentHelp("The address --metrics-port listens on (default: --http-host).", valueName: "address"))
    var metricsHost: String?

    @Option(
        name: .customLong("header-timeout"),
        help: ArgumentHelp("Seconds a client has to send a complete request head.", valueName: "seconds"))
    var headerTimeout = Self.seconds(HTTPConnectionLimits.standard.headerTimeout)

    @Option(
        name: .customLong("body-timeout"),
        help: ArgumentHelp("Seconds a client has to send a request body, after its head.", valueName: "seconds"))
    var bodyTimeout = Self.seconds(HTTPConnectionLimits.standard.bodyTimeout)

    @Option(
        name: .customLong("idle-timeout"),
        help: ArgumentHelp(
            "Seconds a connection stays open, after a response, waiting for the next request.", valueName: "seconds"))
    var idleTimeout = Self.seconds(HTTPConnectionLimits.standard.idleTimeout)

    @Option(
        name: .customLong("max-connections"),
        help: ArgumentHelp(
            "Connections each HTTP server holds open at once; more are closed as soon as they are accepted.",
            valueName: "count"))
    var maxConnections = HTTPConnectionLimits.standard.maximumConnections

    func validate() throws {
        if let metricsPort, !(0...65_535).contains(metricsPort) {
            throw ValidationError("--metrics-port must be between 0 and 65535, not \(metricsPort)")
        }
        if metricsHost != nil, metricsPort == nil {
            throw ValidationError("--metrics-host needs --metrics-port")
        }
        for (option, value) in [
            ("--header-timeout", headerTimeout), ("--body-timeout", bodyTimeout), ("--idle-timeout", idleTimeout),
        ] {
            guard value.isFinite, value > 0, value <= 3_600 else {
                throw ValidationError("\(option) must be more than 0 and at most 3600 seconds, not \(value)")
            }
        }
        guard (1...1_000_000).contains(maxConnections) else {
            throw ValidationError("--max-connections must be between 1 and 1000000, not \(maxConnections)")
        }
    }

    /// The limits these options describe.
    var limits: HTTPConnectionLimits {
        HTTPConnectionLimits(
            headerTimeout: .milliseconds(Int64(headerTimeout * 1_000)),
            bodyTimeout: .milliseconds(Int64(bodyTimeout * 1_000)),
            idleTimeout: .milliseconds(Int64(idleTimeout * 1_000)),
            maximumConnections: maxConnections)
    }

    /// Checks that `--metrics-port`, if given, is free (see ``PortCheck``).
    func ensureMetricsPortFree(httpHost: String) throws {
        guard let metricsPort else { return }
        try PortCheck.ensureFree(host: metricsHost ?? httpHost, port: metricsPort, option: "--metrics-port")
    }

    /// The separate metrics server `--metrics-port` asks for, if any; it prints its URL once listening.
    func metricsServer(_ endpoints: OperationalEndpoints, httpHost: String, logger: Logger) -> (any Service)? {
        guard let metricsPort else { return nil }
        let host = metricsHost ?? httpHost
        return endpoints.metricsServer(host: host, port: metricsPort, limits: limits, logger: logger) { port in
            let shown = host == "0.0.0.0" ? "127.0.0.1" : host
            Console.line("metrics: http://\(shown):\(port)/metrics (also /healthz, /readyz)")
        }
    }

    private static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}

extension HTTPServerOptions {
    /// Runs a service with its operational endpoints until SIGTERM or SIGINT: `/healthz`, `/readyz` and
    /// `/metrics` on `httpHost:httpPort`, or `/metrics` on `--metrics-port` when given; prints where they
    /// listen, and exits as ``ServiceExit`` says.
    func run(
        _ service: any Service, endpoints: OperationalEndpoints, httpHost: String, httpPort: Int, logger: Logger
    ) async throws {
        let separateMetrics = metricsPort != nil
        let http = endpoints.server(
            host: httpHost, port: httpPort, limits: limits, metrics: !separateMetrics, logger: logger,
            onListening: { port in
                let host = httpHost == "0.0.0.0" ? "127.0.0.1" : httpHost
                Console.line(
                    separateMetrics
                        ? "health: http://\(host):\(port)/healthz (also /readyz)"
                        : "metrics: http://\(host):\(port)/metrics (also /healthz, /readyz)")
            })
        var services: [any Service] = [http, service]
        if let metrics = metricsServer(endpoints, httpHost: httpHost, logger: logger) {
            services.append(metrics)
        }
        let group = ServiceGroup(services: services, gracefulShutdownSignals: [.sigterm, .sigint], logger: logger)
        try await ServiceExit.run(logger: logger) { try await group.run() }
    }
}
