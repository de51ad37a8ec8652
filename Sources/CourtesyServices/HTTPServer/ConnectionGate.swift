import CourtesyLocking
import Metrics

/// Counts a server's open connections and admits a new one only under the cap, so that the cap
/// holds across the event loops that accept connections at once.
final class ConnectionGate: Sendable {
    private let maximum: Int
    private let open = Locked(0)
    private let openGauge: Gauge
    private let refused: Counter

    /// - Parameter listener: the `listener` label of the server's connection metrics (`api`, `metrics`).
    init(maximum: Int, listener: String) {
        self.maximum = maximum
        openGauge = Gauge(label: ServiceMetricName.httpOpenConnections, dimensions: [("listener", listener)])
        refused = Counter(label: ServiceMetricName.httpConnectionsRefused, dimensions: [("listener", listener)])
        openGauge.record(0)
    }

    /// Connections admitted and not yet released.
    var openConnections: Int { open.withLock { $0 } }

    /// Admits a connection if fewer than the maximum are open; each admission needs one ``release()``.
    func admit() -> Bool {
        let admitted = open.withLock { count -> Bool in
            guard count < maximum else { return false }
            count += 1
            // Recorded under the lock, so that two connections never leave the gauge out of order.
            openGauge.record(count)
            return true
        }
        if !admitted { refused.increment() }
        return admitted
    }

    /// A connection admitted earlier closed.
    func release() {
        open.withLock { count in
            count = max(0, count - 1)
            openGauge.record(count)
        }
    }
}
