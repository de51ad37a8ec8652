import Foundation

/// The one-line JSON object a benchmark prints last with `--json`, for scripts to read.
///
/// Keys are sorted so that two runs diff cleanly; numbers that are not finite (a ratio over a zero rate)
/// become `null` rather than making the whole line invalid JSON.
public struct BenchSummary: Sendable {
    public private(set) var figures: [String: Double?] = [:]
    public private(set) var labels: [String: String] = [:]

    public init() {}

    public subscript(_ key: String) -> Double? {
        get { figures[key] ?? nil }
        set { figures[key] = .some(newValue) }
    }

    public mutating func set(_ key: String, text: String) {
        labels[key] = text
    }

    /// The summary as one line of JSON, without a trailing newline.
    public func line() -> String {
        var object: [String: Any] = [:]
        for (key, value) in figures {
            if let value, value.isFinite {
                object[key] = value.rounded() == value && abs(value) < 1e15 ? Int64(value) as Any : value as Any
            } else {
                object[key] = NSNull()
            }
        }
        for (key, value) in labels { object[key] = value }
        guard let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]) else {
            return "{}"
        }
        return String(decoding: data, as: UTF8.self)
    }
}
