import CourtesyKafka
import CourtesyServices
import Foundation
import Logging
import ServiceLifecycle

/// The demo's publisher: waits for the built-in receiver to listen, then posts every approved reply to it,
/// in a consumer group of its own so that a `courtesy publish` beside the demo receives every reply too.
struct DemoPublisher: Service {
    static let groupID = "courtesy-demo-publisher"

    let kafka: KafkaConfiguration
    /// Shared with the receiver, which checks every post's signature.
    let secret: [UInt8]
    let ports: DemoPorts
    let logger: Logger

    func run() async throws {
        let port = await ports.sinkPort()
        guard let webhook = URL(string: "http://127.0.0.1:\(port)/replies") else { return }
        let service = try PublishService(
            kafka: kafka,
            configuration: PublishServiceConfiguration(
                groupID: Self.groupID, routes: WebhookRoutes(webhook: webhook), secret: secret),
            logger: logger)
        try await service.run()
    }
}
