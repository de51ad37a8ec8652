import CourtesyLocking

/// Runs a blocking librdkafka call on a thread of its own (``BlockingWork``), so that it never occupies
/// Swift's cooperative pool.
package enum KafkaBlockingCall {
    package static func run<Value: Sendable>(
        _ body: @escaping @Sendable () throws(KafkaError) -> Value
    ) async throws(KafkaError) -> Value {
        try await BlockingWork.run("kafka-blocking-call", body)
    }
}
