import Foundation
import Logging

/// Sets up logging once per process: to standard error, at `$COURTESY_LOG_LEVEL` (default `info`).
package enum LogSetup {
    private static let level = ProcessInfo.processInfo.environment["COURTESY_LOG_LEVEL"].flatMap(
        Logger.Level.init(rawValue:))

    private static let once: Void = {
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level ?? .info
            return handler
        }
    }()

    /// A logger at `$COURTESY_LOG_LEVEL`, or at `defaultLevel` when that is not set.
    package static func logger(_ label: String, defaultLevel: Logger.Level = .info) -> Logger {
        _ = once
        var logger = Logger(label: label)
        logger.logLevel = level ?? defaultLevel
        return logger
    }
}
