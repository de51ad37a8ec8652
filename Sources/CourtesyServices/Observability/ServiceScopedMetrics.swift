import CoreMetrics
import Metrics
import Prometheus
import ServiceLifecycle

/// Metrics for a process that runs several services (the demo), each with its own registry, so that each
/// service's `/metrics` shows its own metrics only and a scrape counts nothing twice.
///
/// swift-metrics has one backend per process; this one hands each metric to the registry of the service
/// that makes it. A metric made inside ``Scope/run()`` (or ``Scope/building(_:)``), or by a task started
/// from there, goes to that scope's registry; a Kafka client's statistics go by their `client` label, since
/// librdkafka reports them on its own threads. Anything else goes to `unscoped`, which no endpoint serves.
package final class ServiceScopedMetrics: Sendable {
    @TaskLocal private static var current: DescribedPrometheusFactory?

    private let unscoped: DescribedPrometheusFactory
    private let byClient: [String: DescribedPrometheusFactory]

    /// One registry per Kafka client id, for the services that use those ids, and one for the rest.
    private init(clients: [String: PrometheusCollectorRegistry]) {
        unscoped = DescribedPrometheusFactory(registry: PrometheusCollectorRegistry())
        byClient = clients.mapValues(DescribedPrometheusFactory.init)
    }

    /// Bootstraps swift-metrics with a backend that routes by scope; call once per process, instead of
    /// ``MetricsSystemSetup/bootstrapPrometheus()``. Each entry of `clients` is a service's Kafka client id
    /// and the registry its `/metrics` serves.
    package static func bootstrap(clients: [String: PrometheusCollectorRegistry]) -> ServiceScopedMetrics {
        let metrics = ServiceScopedMetrics(clients: clients)
        MetricsSystem.bootstrap(Router(metrics: metrics))
        return metrics
    }

    /// A new, empty registry.
    package static func registry() -> PrometheusCollectorRegistry { PrometheusCollectorRegistry() }

    /// A scope whose metrics go to `registry`.
    package func scope(_ registry: PrometheusCollectorRegistry) -> Scope {
        Scope(factory: DescribedPrometheusFactory(registry: registry))
    }

    /// Where the metrics made in one service's runs and constructions go.
    package struct Scope: Sendable {
        fileprivate let factory: DescribedPrometheusFactory

        /// Builds something whose metrics are made as it is built (an HTTP server's connection gauges).
        package func building<Result>(_ build: () throws -> Result) rethrows -> Result {
            try ServiceScopedMetrics.$current.withValue(factory) { try build() }
        }

        /// `service`, with the metrics it makes while it runs going to this scope's registry.
        package func running(_ service: any Service) -> any Service {
            ScopedService(base: service, factory: factory)
        }
    }

    private struct ScopedService: Service {
        let base: any Service
        let factory: DescribedPrometheusFactory

        func run() async throws {
            try await ServiceScopedMetrics.$current.withValue(factory) { try await base.run() }
        }
    }

    fileprivate func factory(for dimensions: [(String, String)]) -> DescribedPrometheusFactory {
        if let client = dimensions.first(where: { $0.0 == "client" })?.1, let factory = byClient[client] {
            return factory
        }
        return Self.current ?? unscoped
    }

    fileprivate var all: [DescribedPrometheusFactory] { [unscoped] + Array(byClient.values) }

    /// The backend: each make goes to the scope's factory; a destroy to every factory, since a handler
    /// does not say which registry holds it and unregistering elsewhere does nothing.
    private struct Router: MetricsFactory {
        let metrics: ServiceScopedMetrics

        func makeCounter(label: String, dimensions: [(String, String)]) -> any CounterHandler {
            metrics.factory(for: dimensions).makeCounter(label: label, dimensions: dimensions)
        }

        func makeFloatingPointCounter(label: String, dimensions: [(String, String)]) -> any FloatingPointCounterHandler
        {
            metrics.factory(for: dimensions).makeFloatingPointCounter(label: label, dimensions: dimensions)
        }

        func makeRecorder(label: String, dimensions: [(String, String)], aggregate: Bool) -> any RecorderHandler {
            metrics.factory(for: dimensions).makeRecorder(label: label, dimensions: dimensions, aggregate: aggregate)
        }

        func makeMeter(label: String, dimensions: [(String, String)]) -> any MeterHandler {
            metrics.factory(for: dimensions).makeMeter(label: label, dimensions: dimensions)
        }

        func makeTimer(label: String, dimensions: [(String, String)]) -> any TimerHandler {
            metrics.factory(for: dimensions).makeTimer(label: label, dimensions: dimensions)
        }

        func destroyCounter(_ handler: any CounterHandler) {
            for factory in metrics.all { factory.destroyCounter(handler) }
        }

        func destroyFloatingPointCounter(_ handler: any FloatingPointCounterHandler) {
            for factory in metrics.all { factory.destroyFloatingPointCounter(handler) }
        }

        func destroyRecorder(_ handler: any RecorderHandler) {
            for factory in metrics.all { factory.destroyRecorder(handler) }
        }

        func destroyMeter(_ handler: any MeterHandler) {
            for factory in metrics.all { factory.destroyMeter(handler) }
        }

        func destroyTimer(_ handler: any TimerHandler) {
            for factory in metrics.all { factory.destroyTimer(handler) }
        }
    }
}
