import CourtesyKafka
import CourtesyLocking
import CourtesyServices
import Foundation
import Logging
import ServiceLifecycle

/// The demo's publisher: waits for the built-in receiver to listen, then posts every approved reply to it,
/// in a consumer group of its own so that a `courtesy publish` beside the demo receives every reply too.
final class DemoPublisher: Service, Sendable {
    static let groupID = "courtesy-demo-publisher"

    let kafka: KafkaConfiguration
    /// Shared with the receiver, which checks every post's signature.
    let secret: [UInt8]
    let ports: DemoPorts
    let logger: Logger
    private let service = Locked<PublishService?>(nil)

    init(kafka: KafkaConfiguration, secret: [UInt8], ports: DemoPorts, logger: Logger) {
        self.kafka = kafka
        self.secret = secret
        self.ports = ports
        self.logger = logger
    }

    var failure: KafkaError? { service.withLock { $0 }?.failure }

    func notReady() async -> String? {
        guard let service = service.withLock({ $0 }) else { return "starting" }
        return await service.notReady()
    }

    func run() async throws {
        let port = await ports.sinkPort()
        guard let webhook = URL(string: "http://127.0.0.1:\(port)/replies") else { return }
        let service = try PublishService(
            kafka: kafka,
            configuration: PublishServiceConfiguration(
                groupID: Self.groupID, routes: WebhookRoutes(webhook: webhook), secret: secret),
            logger: logger)
        self.service.withLock { $0 = service }
        try await service.run()
    }
}
