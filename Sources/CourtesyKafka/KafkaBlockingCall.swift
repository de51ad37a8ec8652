import Dispatch

/// Runs a blocking librdkafka call on a Dispatch thread, so that it never occupies Swift's cooperative pool.
package enum KafkaBlockingCall {
    private static let queue = DispatchQueue(label: "courtesy.kafka.blocking", attributes: .concurrent)

    package static func run<Value: Sendable>(
        _ body: @escaping @Sendable () throws(KafkaError) -> Value
    ) async throws(KafkaError) -> Value {
        let result: Result<Value, KafkaError> = await withCheckedContinuation { continuation in
            queue.async {
                continuation.resume(returning: Result { () throws(KafkaError) in try body() })
            }
        }
        return try result.get()
    }
}
