import Foundation
import Logging

/// Sets up logging once per process: to standard error, at `$COURTESY_LOG_LEVEL` (default `info`).
enum LogSetup {
    private static let once: Void = {
        let level = ProcessInfo.processInfo.environment["COURTESY_LOG_LEVEL"].flatMap(Logger.Level.init(rawValue:))
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level ?? .info
            return handler
        }
    }()

    static func logger(_ label: String) -> Logger {
        _ = once
        return Logger(label: label)
    }
}
