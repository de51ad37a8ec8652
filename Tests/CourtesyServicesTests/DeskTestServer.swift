import CourtesyCore
import CourtesyKafka
import CourtesyLocking
import Foundation
import Logging
import ServiceLifecycle
import TestHTTP
import Testing

@testable import CourtesyServices

/// A desk on the embedded broker with one pending draft, served on a free port, and a client for it.
enum DeskTestServer {
    static let approverToken = "sam-" + String(repeating: "7", count: 40)
    static let viewerToken = "vic-" + String(repeating: "3", count: 40)

    static let quietLogger: Logger = {
        var logger = Logger(label: "test")
        logger.logLevel = ProcessInfo.processInfo.environment["COURTESY_TEST_LOG"] == nil ? .critical : .debug
        return logger
    }()

    /// Publishes one pending draft, of a complaint, for a desk to queue.
    static func publishDraft(_ kafka: KafkaConfiguration, logger: Logger) async throws -> Draft {
        let now = Timestamp.now()
        let draft = Draft(
            id: Draft.identifier(platform: .x, mentionId: "m-1"), mentionId: "m-1", platform: .x, brand: "acme",
            conversation: "x:1", customer: Draft.Customer(name: "Jane", handle: "jane"),
            agent: Draft.Agent(id: "a1", name: "Sam"), intent: .complaint, tone: .apology, topics: ["delivery"],
            priority: Priority(level: .high, score: 40, reasons: ["complaint"]), language: .english,
            reviewReason: nil, text: "Sorry, Jane. ^Sam",
            template: Draft.TemplateChoice(name: "en/complaint.x", variant: 1),
            createdAt: now, replyBy: now.adding(seconds: 3600), excerpt: "@acme late again")
        let producer = try KafkaProducer(configuration: KafkaProducerConfiguration(kafka: kafka), logger: logger)
        try await producer.sendAndAwait(
            KafkaProducerMessage(topic: "courtesy.drafts", key: Array("x:1".utf8), value: draft.jsonBytes()))
        await producer.shutdown()
        return draft
    }

    /// Runs `body` with the desk's base URL, its one pending draft and the broker's configuration.
    static func withDesk(
        rateLimits: DeskRateLimits = .standard, trustedProxies: TrustedProxies = TrustedProxies(),
        logger: Logger = quietLogger,
        _ body: (URL, Draft, KafkaConfiguration) async throws -> Void
    ) async throws {
        let cluster = try EmbeddedKafkaCluster()
        let kafka = KafkaConfiguration(bootstrapServers: cluster.bootstrapServers, statisticsInterval: nil)
        let draft = try await publishDraft(kafka, logger: logger)

        let directory = try ApproverDirectory([
            (Approver(name: "Sam Rivera", role: .approver), ApproverToken.sha256Hex(of: approverToken)),
            (Approver(name: "Vic Ng", role: .viewer), ApproverToken.sha256Hex(of: viewerToken)),
        ])
        let desk = DeskService(kafka: kafka, logger: logger)
        let port = Locked<Int?>(nil)
        let routes = DeskRoutes(
            desk: desk, directory: directory, rateLimits: rateLimits, trustedProxies: trustedProxies)
        let http = OperationalEndpoints(registry: .init()) { await desk.isReady() }
            .server(
                host: "127.0.0.1", port: 0, logger: logger, routes: routes.add,
                onListening: { listening in port.withLock { $0 = listening } })
        let group = ServiceGroup(services: [http, desk], gracefulShutdownSignals: [], logger: logger)
        let running = Task { try await group.run() }
        // A wait, not a measure: a dozen suites start brokers and processes beside this one in CI. It stays
        // inside the suites' one-minute limit per test.
        let deadline = ContinuousClock.now + .seconds(40)
        while true {
            let ready = await desk.isReady()
            if ready, port.withLock({ $0 }) != nil { break }
            try #require(ContinuousClock.now < deadline, "the desk did not become ready")
            try await Task.sleep(for: .milliseconds(50))
        }
        let base = try #require(URL(string: "http://127.0.0.1:\(port.withLock { $0 } ?? 0)"))
        do {
            try await body(base, draft, kafka)
        } catch {
            await group.triggerGracefulShutdown()
            try? await running.value
            throw error
        }
        await group.triggerGracefulShutdown()
        try await running.value
    }

    /// Sends a request; `token` goes in as `Bearer`, `authorization` as the whole header; a body is
    /// sent as `contentType`, and `headers` are added as they are.
    static func send(
        _ method: String, _ url: URL, token: String?, body: String? = nil, authorization: String? = nil,
        contentType: String = "application/json", headers: [(String, String)] = []
    ) async throws -> (status: Int, json: [String: Any], response: TestHTTP.Response) {
        var fields = headers
        if body != nil { fields.append(("Content-Type", contentType)) }
        if let authorization = authorization ?? token.map({ "Bearer \($0)" }) {
            fields.append(("Authorization", authorization))
        }
        let response = try await TestHTTP.send(
            method, url.absoluteString, headers: fields, body: body.map { Array($0.utf8) })
        let json = (try? JSONSerialization.jsonObject(with: Data(response.body)) as? [String: Any]) ?? [:]
        return (response.status, json, response)
    }

    /// The raw body of a GET without a token.
    static func fetch(_ url: URL) async throws -> (status: Int, body: String) {
        let response = try await TestHTTP.get(url.absoluteString)
        return (response.status, response.text)
    }

    /// The error code of a refusal.
    static func code(_ json: [String: Any]) -> String? {
        (json["error"] as? [String: Any])?["code"] as? String
    }

    /// The message of a refusal.
    static func message(_ json: [String: Any]) -> String {
        (json["error"] as? [String: Any])?["message"] as? String ?? ""
    }
}
