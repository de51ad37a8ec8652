/// What one metric means: its name, kind, labels and the help text Prometheus shows.
package struct MetricDescription: Sendable, Hashable {
    /// The kinds of metric, as Prometheus types them.
    package enum Kind: String, Sendable, Hashable {
        case counter
        case gauge
        case histogram
    }

    package let name: String
    package let kind: Kind
    package let labels: [String]
    package let help: String
    /// Bucket upper bounds for a histogram, in its unit (seconds for durations).
    package let buckets: [Double]

    package init(_ name: String, _ kind: Kind, labels: [String] = [], help: String, buckets: [Double] = []) {
        self.name = name
        self.kind = kind
        self.labels = labels
        self.help = help
        self.buckets = buckets
    }
}
