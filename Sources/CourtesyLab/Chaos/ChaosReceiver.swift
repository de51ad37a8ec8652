import CourtesyCommandSupport
import CourtesyCore
import CourtesyLocking
import CourtesyServices
import Foundation
import Hummingbird
import Logging
import NIOCore
import ServiceLifecycle

/// The webhook `courtesy-lab chaos` has its publisher post to, failing on purpose: every fifth request
/// answers 503, and every eleventh is answered 200 only after longer than the publisher waits, so the
/// publisher takes it for a timeout and posts the reply again. It records which reply each accepted post
/// carried and under which idempotency key.
final class ChaosReceiver: Sendable {
    /// How long the publisher waits for an answer (its `--timeout`); the slow answers take longer.
    static let publisherTimeoutSeconds = 2

    private struct State {
        var requests = 0
        /// For each reply id accepted, the idempotency keys it was accepted under, and how many times.
        var keysByReply: [String: [String: Int]] = [:]
    }

    private let state = Locked(State())
    let port: Int
    private let server: Task<Void, any Error>

    init(logger: Logger) throws {
        port = try PortCheck.freePort()
        let router = Router()
        let state = self.state
        router.post("replies") { request, _ -> Response in
            let body = Array(buffer: try await request.body.collect(upTo: 1_048_576))
            let number = state.withLock { state -> Int in
                state.requests += 1
                return state.requests
            }
            if number % 5 == 0 { return Response(status: .serviceUnavailable) }
            if number % 11 == 0 { try await Task.sleep(for: .seconds(Self.publisherTimeoutSeconds + 1)) }
            let key = request.headers[.init(WebhookSignature.idempotencyHeader)!] ?? ""
            guard let reply = try? Reply(json: body) else { return Response(status: .badRequest) }
            state.withLock { $0.keysByReply[reply.id, default: [:]][key, default: 0] += 1 }
            return Response(
                status: .ok, headers: [.contentType: "application/json"],
                body: ResponseBody(byteBuffer: ByteBuffer(string: #"{"id":"chaos-\#(number)"}"#)))
        }
        let application = Application(
            router: router, configuration: ApplicationConfiguration(address: .hostname("127.0.0.1", port: port)),
            logger: logger)
        server = Task { try await application.run() }
    }

    var webhook: String { "http://127.0.0.1:\(port)/replies" }

    /// Requests received, and the reply ids accepted.
    var requests: Int { state.withLock { $0.requests } }
    var posted: Set<String> { state.withLock { Set($0.keysByReply.keys) } }

    /// Replies accepted under more than one idempotency key: posts a receiver that honours keys would
    /// make twice.
    var postsDuplicatedByKey: Int { state.withLock { $0.keysByReply.values.filter { $0.count > 1 }.count } }

    /// Replies accepted more than once under their key: posted again after a crash or a timeout, which a
    /// receiver that honours keys absorbs.
    var repostedWithSameKey: Int {
        state.withLock { $0.keysByReply.values.filter { $0.values.contains { $0 > 1 } }.count }
    }

    func stop() {
        server.cancel()
    }
}
