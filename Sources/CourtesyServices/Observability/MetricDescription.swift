/// What one metric means: its name, kind, labels and the help text Prometheus shows.
public struct MetricDescription: Sendable, Hashable {
    /// The kinds of metric, as Prometheus types them.
    public enum Kind: String, Sendable, Hashable {
        case counter
        case gauge
        case histogram
    }

    public let name: String
    public let kind: Kind
    public let labels: [String]
    public let help: String
    /// Bucket upper bounds for a histogram, in its unit (seconds for durations).
    public let buckets: [Double]

    public init(_ name: String, _ kind: Kind, labels: [String] = [], help: String, buckets: [Double] = []) {
        self.name = name
        self.kind = kind
        self.labels = labels
        self.help = help
        self.buckets = buckets
    }
}
