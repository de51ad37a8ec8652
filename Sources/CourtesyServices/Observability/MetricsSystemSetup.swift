import Metrics
import Prometheus

/// Bootstraps swift-metrics with the described Prometheus backend; a service's `main` calls it once, before
/// creating anything that reports metrics (metrics made earlier stay unreported).
package enum MetricsSystemSetup {
    /// Bootstraps swift-metrics and returns the registry `/metrics` exposes. Call once per process.
    package static func bootstrapPrometheus() -> PrometheusCollectorRegistry {
        let registry = PrometheusCollectorRegistry()
        MetricsSystem.bootstrap(DescribedPrometheusFactory(registry: registry))
        return registry
    }
}
