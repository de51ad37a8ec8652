import Hummingbird
import HummingbirdCore
import Logging
import NIOCore
import Prometheus
import ServiceLifecycle

/// The HTTP endpoints every Courtesy service serves for its operators:
/// `GET /metrics` (Prometheus text), `GET /healthz` (the process can go on) and `GET /readyz` (it can do its
/// work now).
package struct OperationalEndpoints: Sendable {
    /// Answers whether the service is ready; `/readyz` is 200 when it is, 503 otherwise.
    package typealias Readiness = @Sendable () async -> Bool
    /// Answers why the service is not ready, or `nil` when it is; `/readyz` is 503 with the reason, or 200.
    package typealias ReadinessReason = @Sendable () async -> String?
    /// Answers whether the service can go on at all; `/healthz` is 503 once it cannot (a fatal Kafka error),
    /// for the short while before the process exits.
    package typealias Liveness = @Sendable () -> Bool

    private let registry: PrometheusCollectorRegistry
    private let liveness: Liveness
    private let notReady: ReadinessReason

    /// - Parameter registry: what `/metrics` exposes (``MetricsSystemSetup/bootstrapPrometheus()``).
    package init(
        registry: PrometheusCollectorRegistry, liveness: @escaping Liveness = { true },
        readiness: @escaping Readiness
    ) {
        self.init(registry: registry, liveness: liveness, notReady: { await readiness() ? nil : "not ready" })
    }

    /// With `/readyz` saying why the service is not ready (`notReady` gives `nil` when it is).
    package init(
        registry: PrometheusCollectorRegistry, liveness: @escaping Liveness = { true },
        notReady: @escaping ReadinessReason
    ) {
        self.registry = registry
        self.liveness = liveness
        self.notReady = notReady
    }

    /// Adds the routes to `router`; `/metrics` only if `metrics`.
    package func add<Context: RequestContext>(to router: Router<Context>, metrics: Bool = true) {
        if metrics {
            router.get("/metrics") { [registry] _, _ in
                var exposition: [UInt8] = []
                registry.emit(into: &exposition)
                return Response(
                    status: .ok,
                    headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                    body: ResponseBody(byteBuffer: ByteBuffer(bytes: exposition))
                )
            }
        }
        router.get("/healthz") { [liveness] _, _ in
            Self.plain(liveness(), "ok\n", otherwise: "failing: see the log\n")
        }
        router.get("/readyz") { [notReady] _, _ in
            let reason = await notReady()
            return Self.plain(reason == nil, "ready\n", otherwise: "\(reason ?? "")\n")
        }
    }

    /// 200 with `text` when `ok`, else 503 with `otherwise`.
    private static func plain(_ ok: Bool, _ text: String, otherwise: String) -> Response {
        Response(
            status: ok ? .ok : .serviceUnavailable,
            headers: [.contentType: "text/plain; charset=utf-8"],
            body: ResponseBody(byteBuffer: ByteBuffer(string: ok ? text : otherwise))
        )
    }

    /// An HTTP server with these routes, and any `routes` adds, as a service listening on `host:port`
    /// (port 0 picks a free one). Every request is counted and timed; slow clients are disconnected and
    /// connections capped by `limits`; with `tls`, it serves HTTPS with the store's current certificate.
    /// - Parameters:
    ///   - metrics: whether this server serves `/metrics` (not when a separate metrics server does).
    ///   - listener: the `listener` label of its connection metrics.
    ///   - onListening: told the port once the server is listening.
    package func server(
        host: String,
        port: Int,
        limits: HTTPConnectionLimits = .standard,
        tls: TLSCertificateStore? = nil,
        metrics: Bool = true,
        listener: String = "http",
        logger: Logger,
        routes: (Router<ServiceRequestContext>) -> Void = { _ in },
        onListening: @escaping @Sendable (Int) async -> Void = { _ in }
    ) -> some Service {
        let router = Router(context: ServiceRequestContext.self)
        router.add(middleware: HTTPMetricsMiddleware())
        add(to: router, metrics: metrics)
        routes(router)
        let gate = ConnectionGate(maximum: limits.maximumConnections, listener: listener)
        let http1 = HTTP1Channel.Configuration(
            additionalChannelHandlers: [
                HTTPConnectionTimeoutHandler(limits: limits, listener: listener, logger: logger)
            ])
        return Application(
            router: router,
            server: HTTPServerBuilder { responder in
                GuardedHTTPChannel(
                    base: HTTP1Channel(responder: responder, configuration: http1), gate: gate, tls: tls)
            },
            configuration: ApplicationConfiguration(address: .hostname(host, port: port), serverName: "courtesy"),
            onServerRunning: { channel in await onListening(channel.localAddress?.port ?? port) },
            logger: logger
        )
    }

    /// A server of `/metrics`, `/healthz` and `/readyz` alone, for a service whose main server
    /// should not expose its metrics (the desk's API behind an Ingress): plain HTTP, `listener` `metrics`.
    package func metricsServer(
        host: String,
        port: Int,
        limits: HTTPConnectionLimits = .standard,
        logger: Logger,
        onListening: @escaping @Sendable (Int) async -> Void = { _ in }
    ) -> some Service {
        server(host: host, port: port, limits: limits, listener: "metrics", logger: logger, onListening: onListening)
    }
}
