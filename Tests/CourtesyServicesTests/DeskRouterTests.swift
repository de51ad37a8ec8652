import CourtesyCore
import CourtesyDeskAPI
import CourtesyLocking
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import CourtesyServices

/// The desk's routes in HummingbirdTesting's router mode: no broker, no port, no HTTP client. A stand-in
/// records what reached the desk, so a refused request can be seen to have decided nothing.
@Suite("The desk's routes: tokens, limits, strict bodies and queries, without a broker")
struct DeskRouterTests {
    private static let approverToken = "sam-" + String(repeating: "7", count: 40)
    private static let viewerToken = "vic-" + String(repeating: "3", count: 40)

    /// What the routes asked of the desk.
    final class StandIn: DeskOperations {
        enum Call: Equatable {
            case summary
            case show(String)
            case list(DeskFilter, Int)
            case conversations(DeskFilter, Int)
            case decide(String, DecisionRequest, approver: String, DecisionScope)
        }

        let calls = Locked<[Call]>([])

        func summary() async throws(DeskAPIError) -> DeskAPI.Summary {
            calls.withLock { $0.append(.summary) }
            return DeskAPI.Summary(pending: 1, pendingByPriority: ["high": 1], overdue: 0, decided: 0)
        }

        func list(filter: DeskFilter, limit: Int) async throws(DeskAPIError) -> DeskAPI.DraftList {
            calls.withLock { $0.append(.list(filter, limit)) }
            return DeskAPI.DraftList(drafts: [], matching: 0, pending: 1)
        }

        func conversations(filter: DeskFilter, limit: Int) async throws(DeskAPIError) -> DeskAPI.ConversationList {
            calls.withLock { $0.append(.conversations(filter, limit)) }
            return DeskAPI.ConversationList(conversations: [], matching: 0)
        }

        func show(_ id: String) async throws(DeskAPIError) -> DeskAPI.DraftDetail {
            calls.withLock { $0.append(.show(id)) }
            return DeskAPI.DraftDetail(status: "pending", draft: nil, conversation: nil, decision: nil)
        }

        func decide(
            _ id: String, _ request: DecisionRequest, by approver: Approver, scope: DecisionScope
        ) async throws(DeskAPIError) -> DeskAPI.DecisionResult {
            calls.withLock { $0.append(.decide(id, request, approver: approver.name, scope)) }
            return DeskAPI.DecisionResult(decisions: [], reply: nil)
        }
    }

    private func withRoutes(
        limits: DeskRateLimits = .standard,
        _ body: @escaping @Sendable (any TestClientProtocol, StandIn) async throws -> Void
    ) async throws {
        let directory = try ApproverDirectory([
            (Approver(name: "Sam Rivera", role: .approver), ApproverToken.sha256Hex(of: Self.approverToken)),
            (Approver(name: "Vic Ng", role: .viewer), ApproverToken.sha256Hex(of: Self.viewerToken)),
        ])
        let desk = StandIn()
        let router = Router(context: ServiceRequestContext.self)
        DeskRoutes(operations: desk, directory: directory, limiter: DeskRateLimiter(limits: limits)).add(to: router)
        try await Application(router: router).test(.router) { client in try await body(client, desk) }
    }

    private func headers(_ token: String?, json: Bool = true) -> HTTPFields {
        var fields: HTTPFields = [:]
        if let token { fields[.authorization] = "Bearer \(token)" }
        if json { fields[.contentType] = "application/json" }
        return fields
    }

    /// The error the response carries, or nil when its body is not an ``DeskAPI/ErrorBody``.
    private func errorBody(_ response: TestResponse) -> DeskAPI.ErrorBody.Detail? {
        try? JSONDecoder().decode(DeskAPI.ErrorBody.self, from: Data(buffer: response.body)).error
    }

    @Test("every /v1 route needs a token: 401 with WWW-Authenticate, and nothing reaches the desk")
    func unauthorized() async throws {
        // Without a limit on failed authentications, which would answer 429 after the first ten.
        try await withRoutes(limits: DeskRateLimits(failedAuthentications: nil)) { client, desk in
            let routes: [(String, HTTPRequest.Method)] = [
                ("/v1/me", .get), ("/v1/summary", .get), ("/v1/drafts", .get), ("/v1/conversations", .get),
                ("/v1/drafts/d1", .get), ("/v1/drafts/d1/approve", .post), ("/v1/drafts/d1/reject", .post),
            ]
            for (uri, method) in routes {
                for authorization in [nil, "Basic c2FtOnNhbQ==", "Bearer not-a-token"] {
                    var fields = headers(nil)
                    if let authorization { fields[.authorization] = authorization }
                    try await client.execute(uri: uri, method: method, headers: fields) { response in
                        #expect(response.status == .unauthorized, "\(method) \(uri)")
                        #expect(response.headers[.wwwAuthenticate] == "Bearer realm=\"courtesy-desk\"")
                        #expect(errorBody(response)?.code == .unauthorized)
                    }
                }
            }
            #expect(desk.calls.withLock { $0 }.isEmpty)
        }
    }

    @Test("/v1/me names the token's approver; a decision reaches the desk as that approver, with its body")
    func identityAndDecisions() async throws {
        try await withRoutes { client, desk in
            try await client.execute(uri: "/v1/me", method: .get, headers: headers(Self.viewerToken)) { response in
                let identity = try JSONDecoder().decode(DeskAPI.Identity.self, from: Data(buffer: response.body))
                #expect(identity == DeskAPI.Identity(name: "Vic Ng", role: .viewer))
            }
            let edit = #"{"text":"Jane, sorted. ^Sam","reason":"warmer","scope":"draft"}"#
            try await client.execute(
                uri: "/v1/drafts/d1/approve", method: .post, headers: headers(Self.approverToken),
                body: ByteBuffer(string: edit)
            ) { #expect($0.status == .ok) }
            try await client.execute(uri: "/v1/drafts/d2/approve", method: .post, headers: headers(Self.approverToken))
            { #expect($0.status == .ok, "no body approves the draft as it is") }
            try await client.execute(
                uri: "/v1/drafts/d3/reject", method: .post, headers: headers(Self.viewerToken),
                body: ByteBuffer(string: #"{"reason":"spam"}"#)
            ) { #expect($0.status == .ok, "the stand-in leaves roles to the desk") }
            #expect(
                desk.calls.withLock { $0 } == [
                    .decide(
                        "d1", .approve(text: "Jane, sorted. ^Sam", reason: "warmer"), approver: "Sam Rivera", .draft),
                    .decide("d2", .approve(text: nil, reason: nil), approver: "Sam Rivera", .conversation),
                    .decide("d3", .reject(reason: "spam"), approver: "Vic Ng", .draft),
                ])
        }
    }

    @Test("a member given twice, one the route does not take, or a value of another type is 400 and decides nothing")
    func strictBodies() async throws {
        try await withRoutes { client, desk in
            for (route, body, member) in [
                ("approve", #"{"text":"Jane, on it. ^Sam","text":"Jane, sorted. ^Sam"}"#, "text"),
                ("approve", #"{"scope":"draft","scope":"conversation"}"#, "scope"),
                ("reject", #"{"reason":"spam","reason":"not about us"}"#, "reason"),
                ("approve", #"{"txt":"Jane, sorted. ^Sam"}"#, "txt"),
                ("reject", #"{"reason":"spam","why":"x"}"#, "why"),
                ("approve", #"{"text":5}"#, "text"),
                ("approve", #"{"scope":"everything"}"#, "everything"),
                ("approve", #"["text"]"#, "object"),
            ] {
                try await client.execute(
                    uri: "/v1/drafts/d1/\(route)", method: .post, headers: headers(Self.approverToken),
                    body: ByteBuffer(string: body)
                ) { response in
                    let error = errorBody(response)
                    #expect(response.status == .badRequest && error?.code == .badRequest, "\(body)")
                    #expect(error?.message.contains(member) == true, "\(error?.message ?? "no error body")")
                }
            }
            #expect(desk.calls.withLock { $0 }.isEmpty)
        }
    }

    @Test("a rejection without a reason is 422; a body not sent as JSON is 415; one over 256 KiB is 413")
    func refusedBodies() async throws {
        try await withRoutes { client, desk in
            for body in [nil, "{}", #"{"reason":null}"#] {
                try await client.execute(
                    uri: "/v1/drafts/d1/reject", method: .post, headers: headers(Self.approverToken),
                    body: body.map { ByteBuffer(string: $0) }
                ) { response in
                    #expect(response.status == .unprocessableContent, "\(body ?? "no body")")
                    #expect(errorBody(response)?.code == .invalidInput)
                }
            }
            var form = headers(Self.approverToken, json: false)
            form[.contentType] = "application/x-www-form-urlencoded"
            try await client.execute(
                uri: "/v1/drafts/d1/approve", method: .post, headers: form, body: ByteBuffer(string: "text=hi")
            ) { response in
                #expect(response.status == .unsupportedMediaType)
                #expect(errorBody(response)?.message.contains("application/x-www-form-urlencoded") == true)
            }
            let text = String(repeating: "a", count: DeskRoutes.maximumBodyBytes + 1)
            try await client.execute(
                uri: "/v1/drafts/d1/approve", method: .post, headers: headers(Self.approverToken),
                body: ByteBuffer(string: #"{"text":"\#(text)"}"#)
            ) { response in
                #expect(response.status == .contentTooLarge)
                #expect(errorBody(response)?.code == .payloadTooLarge)
            }
            #expect(desk.calls.withLock { $0 }.isEmpty)
        }
    }

    @Test("list queries are read strictly: a parameter twice, an unknown one or a bad value is 400")
    func strictQueries() async throws {
        try await withRoutes { client, desk in
            for query in ["intent=complaint&intent=rant", "limit=5&limit=0", "priorty=urgent", "limit=0", "intent=x"] {
                for route in ["/v1/drafts", "/v1/conversations"] {
                    try await client.execute(
                        uri: "\(route)?\(query)", method: .get, headers: headers(Self.approverToken)
                    ) { response in
                        #expect(response.status == .badRequest, "\(route)?\(query)")
                        #expect(errorBody(response)?.code == .badRequest)
                    }
                }
            }
            #expect(desk.calls.withLock { $0 }.isEmpty)
            try await client.execute(
                uri: "/v1/drafts?intent=complaint&limit=5&", method: .get, headers: headers(Self.approverToken)
            ) { #expect($0.status == .ok) }
            var filter = DeskFilter()
            filter.intent = .complaint
            #expect(desk.calls.withLock { $0 } == [.list(filter, 5)])
        }
    }

    @Test("an unknown /v1 route: 401 without a valid token, an ErrorBody 404 with one; other paths are untouched")
    func unknownRoutes() async throws {
        try await withRoutes { client, _ in
            for (uri, method) in [("/v1/nothing", HTTPRequest.Method.get), ("/v1/drafts", .delete), ("/v1", .get)] {
                try await client.execute(uri: uri, method: method, headers: headers(nil)) {
                    #expect($0.status == .unauthorized, "\(method) \(uri)")
                }
                try await client.execute(uri: uri, method: method, headers: headers(Self.approverToken)) { response in
                    #expect(response.status == .notFound, "\(method) \(uri)")
                    #expect(errorBody(response)?.message.contains("no route \(method) \(uri)") == true)
                }
            }
            try await client.execute(uri: "/elsewhere", method: .get) { response in
                #expect(response.status == .notFound)
                #expect(response.headers[.wwwAuthenticate] == nil)
            }
        }
    }

    @Test("over an approver's limit: 429 with Retry-After, decisions counted apart from reads, others not held up")
    func rateLimits() async throws {
        let limits = DeskRateLimits(
            decisions: .init(perSecond: 0.01, burst: 1), reads: .init(perSecond: 0.01, burst: 2),
            failedAuthentications: nil)
        try await withRoutes(limits: limits) { client, _ in
            for expected in [HTTPResponse.Status.ok, .ok, .tooManyRequests] {
                try await client.execute(uri: "/v1/summary", method: .get, headers: headers(Self.approverToken)) {
                    response in
                    #expect(response.status == expected)
                    if expected == .tooManyRequests {
                        #expect(Int(response.headers[.retryAfter] ?? "") ?? 0 >= 1)
                        #expect(errorBody(response)?.code == .rateLimited)
                    }
                }
            }
            try await client.execute(
                uri: "/v1/drafts/d1/reject", method: .post, headers: headers(Self.approverToken),
                body: ByteBuffer(string: #"{"reason":"spam"}"#)
            ) { #expect($0.status == .ok, "decisions have their own limit") }
            try await client.execute(uri: "/v1/summary", method: .get, headers: headers(Self.viewerToken)) {
                #expect($0.status == .ok, "another approver is not held up")
            }
        }
    }
}
