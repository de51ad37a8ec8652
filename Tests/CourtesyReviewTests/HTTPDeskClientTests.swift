import CourtesyDeskAPI
import CourtesyLocking
import Foundation
import Hummingbird
import Logging
import ServiceLifecycle
import Testing

@testable import CourtesyReview

private let token = "secret-token-1"

/// What the stand-in desk saw: each request line and body.
private final class Requests: Sendable {
    private let seen = Locked<[String]>([])
    func append(_ line: String) { seen.withLock { $0.append(line) } }
    var all: [String] { seen.withLock { $0 } }
}

private func json(_ status: HTTPResponse.Status, _ value: some Encodable) -> Response {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    let data = (try? encoder.encode(value)) ?? Data()
    return Response(
        status: status, headers: [.contentType: "application/json"],
        body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
}

private func refusal(_ code: DeskAPI.ErrorCode, _ message: String, decision: DeskAPI.DecisionView? = nil) -> Response {
    json(HTTPResponse.Status(code: code.status), DeskAPI.ErrorBody(code: code, message: message, decision: decision))
}

/// A stand-in for the desk with the routes the client uses, each answering one way.
private func standInDesk(_ requests: Requests) -> StandInDesk {
    StandInDesk(requests: requests)
}

/// Serves the stand-in desk's router on a free port for the length of `test`.
private struct StandInDesk {
    let requests: Requests

    func test(_ body: (_ port: Int) async throws -> Void) async throws {
        try await withLocalServer(
            { onServerRunning in
                Application(
                    router: standInRouter(requests),
                    configuration: ApplicationConfiguration(address: .hostname("127.0.0.1", port: 0)),
                    onServerRunning: onServerRunning,
                    logger: Logger(label: "stand-in-desk", factory: { _ in SwiftLogNoOpLogHandler() }))
            }, body)
    }
}

private func standInRouter(_ requests: Requests) -> Router<BasicRequestContext> {
    let router = Router()
    router.middlewares.add(RecordingTokenCheck(requests: requests))
    router.get("/v1/me") { _, _ in
        json(.ok, DeskAPI.Identity(name: "Ada Lovelace", role: .approver))
    }
    router.get("/v1/drafts") { _, _ in
        json(.ok, DeskAPI.DraftList(drafts: [Fixture.draft(id: "d_1")], matching: 7, pending: 9))
    }
    router.get("/v1/drafts/:id") { _, context in
        refusal(.notFound, "no draft \(context.parameters.get("id") ?? "")")
    }
    router.get("/v1/conversations") { _, _ in
        refusal(.unavailable, "the desk is rebuilding its queue (40%)")
    }
    router.post("/v1/drafts/:id/approve") { request, context in
        let id = context.parameters.get("id") ?? ""
        let body = try await request.body.collect(upTo: 1 << 16)
        requests.append("body " + String(buffer: body))
        if id == "d_taken" {
            let decision = Fixture.decision(draftId: id, action: "approve", approver: "Sam Rivera")
            return refusal(
                .conflict, "draft d_taken was already approved by Sam Rivera at 2026-11-23T17:55:00.000Z",
                decision: decision)
        }
        let result = DeskAPI.DecisionResult(
            decisions: [Fixture.decision(draftId: id, action: "edit", approver: "Ada Lovelace")],
            reply: Fixture.reply(draftId: id, text: "Hello", approver: "Ada Lovelace"))
        return json(.ok, result)
    }
    router.post("/v1/drafts/:id/reject") { _, _ in
        refusal(.invalidInput, "a rejection needs a reason")
    }
    router.get("/v1/slow/v1/me") { _, _ in
        try await Task.sleep(for: .seconds(10))
        return json(.ok, DeskAPI.Identity(name: "late", role: .viewer))
    }
    return router
}

/// Records each request and refuses any token but ``token`` with 401, like the desk.
private struct RecordingTokenCheck<Context: RequestContext>: RouterMiddleware {
    let requests: Requests

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        requests.append("\(request.method) \(request.uri)")
        guard request.headers[.authorization] == "Bearer \(token)" else {
            return refusal(.unauthorized, "unknown token")
        }
        return try await next(request, context)
    }
}

/// Runs `body` with a client of the stand-in desk on `port`, and shuts the client down after it.
private func withClient<Result>(
    port: Int, token: String = token, path: String = "", timeout: Duration = .seconds(10),
    _ body: (HTTPDeskClient) async throws -> Result
) async throws -> Result {
    try await HTTPDeskClient.with(
        configuration: ReviewConfiguration(
            deskURL: "http://localhost:\(port)\(path)", deskURLSource: .flag, token: token,
            tokenSource: .environment),
        timeout: timeout, body)
}

@Suite("The desk over HTTP with AsyncHTTPClient", .timeLimit(.minutes(1)))
struct HTTPDeskClientTests {
    @Test("a list: the bearer token and the filters are sent, the answer decoded and kept as sent")
    func list() async throws {
        let requests = Requests()
        try await standInDesk(requests).test { port in
            let query = try DeskQuery(intent: "complaint", priority: "urgent", platform: nil, agent: "sam 2", limit: 5)
            let response = try await withClient(port: port) { try await $0.drafts(query) }
            #expect(response.body.matching == 7)
            #expect(response.body.drafts.map(\.id) == ["d_1"])
            #expect(String(decoding: response.json, as: UTF8.self).contains(#""matching":7"#))
            #expect(requests.all == ["GET /v1/drafts?intent=complaint&priority=urgent&agent=sam%202&limit=5"])
        }
    }

    @Test("an approval sends its body and gets the decision")
    func approve() async throws {
        let requests = Requests()
        try await standInDesk(requests).test { port in
            let request = DeskAPI.ApproveRequest(text: "Hello", scope: "draft")
            let result = try await withClient(port: port) { try await $0.approve(id: "d_1", request) }
            #expect(result.body.decisions.first?.action == .edit)
            #expect(requests.all.first == "POST /v1/drafts/d_1/approve")
            let body = try #require(requests.all.last?.dropFirst(5))
            let sent = try JSONDecoder().decode(DeskAPI.ApproveRequest.self, from: Data(body.utf8))
            #expect(sent == request)
        }
    }

    @Test("refusals become their exit codes, with the desk's message")
    func refusals() async throws {
        let requests = Requests()
        try await standInDesk(requests).test { port in
            try await withClient(port: port) { desk in try await refusals(desk, port: port) }
        }
    }

    private func refusals(_ desk: HTTPDeskClient, port: Int) async throws {
        let badToken = await #expect(throws: ReviewError.self) {
            try await withClient(port: port, token: "nope") { try await $0.identity() }
        }
        #expect(badToken?.exitCode == .unauthorized)
        #expect(badToken?.message == "the desk refused the token (401): check COURTESY_TOKEN")

        let missing = await #expect(throws: ReviewError.self) { try await desk.draft(id: "d_gone") }
        #expect(missing?.exitCode == .notFound)
        #expect(missing?.message == "no draft d_gone")

        let conflict = await #expect(throws: ReviewError.self) {
            try await desk.approve(id: "d_taken", DeskAPI.ApproveRequest())
        }
        #expect(conflict?.exitCode == .conflict)
        #expect(conflict?.message == "draft d_taken was already approved by Sam Rivera at 2026-11-23T17:55:00.000Z")
        #expect(conflict?.decision?.approver == "Sam Rivera")

        let invalid = await #expect(throws: ReviewError.self) {
            try await desk.reject(id: "d_1", DeskAPI.RejectRequest(reason: " "))
        }
        #expect(invalid?.exitCode == .invalidInput)

        let unavailable = await #expect(throws: ReviewError.self) { try await desk.conversations(DeskQuery()) }
        #expect(unavailable?.exitCode == .unavailable)
        #expect(unavailable?.message.contains("rebuilding") == true)
    }

    @Test("a path in the desk URL is kept, and an id is escaped as one path segment")
    func paths() async throws {
        let url = try await withClient(port: 9402, path: "/desk") { try $0.url(["drafts", "d_1/../x?"]) }
        #expect(url.absoluteString == "http://localhost:9402/desk/v1/drafts/d_1%2F..%2Fx%3F")
    }

    @Test("a desk that does not answer in time is exit 7, within the time limit")
    func slow() async throws {
        let requests = Requests()
        try await standInDesk(requests).test { port in
            let started = ContinuousClock.now
            let error = await #expect(throws: ReviewError.self) {
                try await withClient(port: port, path: "/v1/slow", timeout: .seconds(1)) { try await $0.identity() }
            }
            #expect(error?.exitCode == .unavailable)
            #expect(
                ContinuousClock.now - started < .seconds(8),
                "the stand-in answers after 10 s, the client gives up after 1")
        }
    }

    @Test("a desk that is not there is exit 7")
    func refused() async throws {
        let error = await #expect(throws: ReviewError.self) {
            try await withClient(port: 1) { try await $0.identity() }
        }
        #expect(error?.exitCode == .unavailable)
        #expect(error?.message == "cannot reach the desk at http://localhost:1: connection refused")
    }
}
