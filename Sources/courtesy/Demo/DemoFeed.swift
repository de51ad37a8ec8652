import CourtesyCommandSupport
import CourtesyCore
import CourtesyKafka
import Logging
import ServiceLifecycle

/// Feeds the demo's mentions topic with sample mentions: a burst at once, then one every `interval`,
/// each posted about when it is sent.
struct DemoFeed: Service {
    let kafka: KafkaConfiguration
    let seed: UInt64
    let burst: Int
    let interval: Double
    let limit: Int
    let topic: String
    let logger: Logger

    func run() async throws {
        let producer = try KafkaProducer(configuration: KafkaProducerConfiguration(kafka: kafka), logger: logger)
        await cancelWhenGracefulShutdown {
            do {
                // The burst is spread over the moments before now, the rest arrive as they are sent.
                let spacing = max(interval, 1)
                var samples = try SampleMentions(
                    seed: seed, start: Timestamp.now().adding(seconds: -Int(spacing * Double(burst))))
                samples.meanSecondsBetweenMentions = spacing
                var sent = 0
                while sent < limit, !Task.isCancelled {
                    guard let (key, json) = samples.next() else { break }
                    try await producer.sendAndAwait(
                        KafkaProducerMessage(topic: topic, key: Array(key.utf8), value: json))
                    sent += 1
                    if sent == burst { Console.line("sent \(sent) sample mentions; one more every \(interval) s") }
                    if sent >= burst {
                        guard interval > 0 else { break }
                        try await Task.sleep(for: .milliseconds(Int64(interval * 1_000)))
                    }
                }
            } catch is CancellationError {
                return
            } catch {
                logger.error("the sample feed stopped", metadata: ["error": "\(error)"])
            }
        }
        await producer.shutdown()
        try await gracefulShutdown()
    }
}
