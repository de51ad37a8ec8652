import CourtesyCore
import Foundation

/// The one-line JSON object a benchmark prints last with `--json`, for scripts to read.
///
/// Keys are sorted so that two runs diff cleanly; numbers that are not finite (a ratio over a zero rate)
/// become `null` rather than making the whole line invalid JSON.
struct BenchSummary: Sendable {
    private(set) var figures: [String: Double?] = [:]
    private(set) var labels: [String: String] = [:]

    init() {}

    subscript(_ key: String) -> Double? {
        get { figures[key] ?? nil }
        set { figures[key] = .some(newValue) }
    }

    mutating func set(_ key: String, text: String) {
        labels[key] = text
    }

    /// The summary as one line of JSON, without a trailing newline.
    func line() -> String {
        var object = figures.mapValues { value in value.map(JSONTree.figure) ?? .null }
        for (key, value) in labels { object[key] = .string(value) }
        return JSONTree.object(object).line
    }
}
