import CourtesyLocking
import Logging

/// A log handler that keeps every line, with its metadata, at every level.
struct CapturingLogHandler: LogHandler {
    /// The lines logged through every handler made from one store.
    final class Store: Sendable {
        private let lines = Locked<[String]>([])

        func append(_ line: String) {
            lines.withLock { $0.append(line) }
        }

        var all: [String] { lines.withLock { $0 } }
    }

    let label: String
    let store: Store
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .trace

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        let merged = metadata.merging(event.metadata ?? [:]) { _, new in new }
        let fields = merged.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
        store.append("\(event.level) \(label) \(event.message) \(fields) \(event.source) \(event.file):\(event.line)")
    }

    /// A logger at `trace` whose lines go to `store`.
    static func logger(_ store: Store) -> Logger {
        var logger = Logger(label: "capture") { label in CapturingLogHandler(label: label, store: store) }
        logger.logLevel = .trace
        return logger
    }
}
