import ArgumentParser
import CourtesyKafka
import Foundation
import Logging

/// How a long-running service ends, and with which exit status (docs/operations.md, "Exit statuses").
package enum ServiceExit {
    /// A Kafka client raised a fatal error (librdkafka's, such as an idempotent producer the broker refuses):
    /// the service shut down what it could and exits, so that its supervisor starts a fresh process.
    package static let kafkaFatal: Int32 = 3

    /// Runs a service group in `body`. A fatal Kafka error it throws is logged and written to standard error,
    /// and ends the process with ``kafkaFatal``; any other error is passed on (exit status 1).
    package static func run(logger: Logger, _ body: () async throws -> Void) async throws {
        do {
            try await body()
        } catch let error as KafkaError where error.kind == .fatal {
            logger.critical("stopping: the Kafka client cannot continue", metadata: ["error": "\(error)"])
            FileHandle.standardError.write(Data("error: \(error.message)\n".utf8))
            throw ExitCode(kafkaFatal)
        }
    }
}
