import CourtesyCore
import Foundation
import Testing

@testable import CourtesyServices

@Suite("The desk's API under attack: tokens, limits, logs", .timeLimit(.minutes(1)))
struct DeskSecurityTests {
    private typealias Server = DeskTestServer

    /// Every `/v1` route, with a body where it takes one.
    private func routes(_ draftId: String) -> [(method: String, path: String, body: String?)] {
        [
            ("GET", "v1/me", nil), ("GET", "v1/summary", nil), ("GET", "v1/drafts", nil),
            ("GET", "v1/conversations", nil), ("GET", "v1/drafts/\(draftId)", nil),
            ("POST", "v1/drafts/\(draftId)/approve", "{}"),
            ("POST", "v1/drafts/\(draftId)/reject", #"{"reason":"no"}"#),
        ]
    }

    @Test("every /v1 route needs a token; /healthz, /readyz and /metrics do not")
    func everyRouteNeedsAToken() async throws {
        try await Server.withDesk(rateLimits: .unlimited) { base, draft, _ in
            for route in routes(draft.id) {
                let url = base.appendingPathComponent(route.path)
                let none = try await Server.send(route.method, url, token: nil, body: route.body)
                #expect(none.status == 401 && Server.code(none.json) == "unauthorized", "\(route.method) \(route.path)")
                let unknown = try await Server.send(route.method, url, token: "guess-\(UUID())", body: route.body)
                #expect(unknown.status == 401, "\(route.method) \(route.path) with an unknown token")
                let viewer = try await Server.send(route.method, url, token: Server.viewerToken, body: route.body)
                #expect(viewer.status == (route.method == "GET" ? 200 : 403), "\(route.method) \(route.path), viewer")
            }
            for open in ["healthz", "readyz", "metrics"] {
                let answer = try await Server.fetch(base.appendingPathComponent(open))
                #expect(answer.status == 200, "/\(open)")
            }
            let shown = try await Server.send(
                "GET", base.appendingPathComponent("v1/drafts/\(draft.id)"), token: Server.viewerToken)
            #expect(shown.json["status"] as? String == "pending", "no refused request decided anything")
        }
    }

    @Test("a viewer can neither approve nor reject, with any body")
    func viewerCannotDecide() async throws {
        try await Server.withDesk { base, draft, _ in
            for (action, body) in [
                ("approve", "{}"), ("approve", #"{"text":"Hi Jane, sorted. ^Vic","scope":"draft"}"#),
                ("reject", #"{"reason":"spam"}"#),
            ] {
                let answer = try await Server.send(
                    "POST", base.appendingPathComponent("v1/drafts/\(draft.id)/\(action)"), token: Server.viewerToken,
                    body: body)
                #expect(answer.status == 403 && Server.code(answer.json) == "forbidden", "\(action) \(body)")
            }
            let shown = try await Server.send(
                "GET", base.appendingPathComponent("v1/drafts/\(draft.id)"), token: Server.approverToken)
            #expect(shown.json["status"] as? String == "pending")
        }
    }

    @Test("decision text is checked: controls, bidi overrides, zero-width characters, separators, emptiness and length")
    func decisionText() async throws {
        try await Server.withDesk { base, draft, _ in
            let approve = base.appendingPathComponent("v1/drafts/\(draft.id)/approve")
            for text in [
                #"Hi\u0000 Jane"#, #"Hi \u202Eenaj"#, #"Hi\u200B Jane"#, #"Line\u2028break"#,
                String(repeating: "x", count: 281), "   ",
            ] {
                let answer = try await Server.send(
                    "POST", approve, token: Server.approverToken, body: #"{"text":"\#(text)"}"#)
                #expect(answer.status == 422 && Server.code(answer.json) == "invalid_input", "\(text.prefix(20))")
            }
            let wrongType = try await Server.send("POST", approve, token: Server.approverToken, body: #"{"text":7}"#)
            #expect(wrongType.status == 400 && Server.message(wrongType.json).contains("text"))
            let shown = try await Server.send(
                "GET", base.appendingPathComponent("v1/drafts/\(draft.id)"), token: Server.approverToken)
            #expect(shown.json["status"] as? String == "pending")
        }
    }

    @Test("reads over an approver's limit get 429 rate_limited with Retry-After; other approvers are not held up")
    func readsRateLimited() async throws {
        // One request back every 50 s: the budget cannot refill between these requests, however slowly a loaded
        // machine serves them.
        let limits = DeskRateLimits(
            decisions: .init(perSecond: 0.02, burst: 1), reads: .init(perSecond: 0.02, burst: 3),
            failedAuthentications: nil)
        try await Server.withDesk(rateLimits: limits) { base, draft, _ in
            let me = base.appendingPathComponent("v1/me")
            for _ in 0..<3 {
                #expect(try await Server.send("GET", me, token: Server.viewerToken).status == 200)
            }
            let limited = try await Server.send("GET", me, token: Server.viewerToken)
            #expect(limited.status == 429)
            #expect(Server.code(limited.json) == "rate_limited")
            let retryAfter = try #require(limited.response.header("Retry-After").flatMap { Int($0) })
            #expect((1...50).contains(retryAfter))
            #expect(Server.message(limited.json).contains("try again in"))
            #expect(
                try await Server.send("GET", me, token: Server.approverToken).status == 200, "a budget per approver")

            let approve = base.appendingPathComponent("v1/drafts/\(draft.id)/approve")
            let reject = base.appendingPathComponent("v1/drafts/\(draft.id)/reject")
            let first = try await Server.send("POST", reject, token: Server.approverToken, body: #"{"reason":""}"#)
            #expect(first.status == 422, "a refused decision still counts")
            let second = try await Server.send("POST", approve, token: Server.approverToken, body: "{}")
            #expect(second.status == 429 && Server.code(second.json) == "rate_limited")
            let shown = try await Server.send(
                "GET", base.appendingPathComponent("v1/drafts/\(draft.id)"), token: Server.approverToken)
            #expect(shown.json["status"] as? String == "pending", "a limited decision records nothing")
        }
    }

    @Test("after its failed authentications an address gets 429 for bad tokens, and a good token is still served")
    func guessingIsSlowed() async throws {
        let limits = DeskRateLimits(
            decisions: nil, reads: nil, failedAuthentications: .init(perSecond: 0.1, burst: 4))
        try await Server.withDesk(rateLimits: limits) { base, _, _ in
            let me = base.appendingPathComponent("v1/me")
            for guess in 0..<4 {
                let answer = try await Server.send("GET", me, token: "guess-\(guess)")
                #expect(answer.status == 401)
            }
            let fifth = try await Server.send("GET", me, token: "guess-4")
            #expect(fifth.status == 429 && Server.code(fifth.json) == "rate_limited")
            #expect(fifth.response.header("Retry-After") != nil)
            let good = try await Server.send("GET", me, token: Server.approverToken)
            #expect(good.status == 200, "a valid token is never refused for others' failures")
            #expect(try await Server.send("GET", me, token: nil).status == 429)
            #expect(try await Server.fetch(base.appendingPathComponent("healthz")).status == 200)
        }
    }

    @Test("a flood of bad tokens from one address never refuses an approver at the same address")
    func badTokenFloodDoesNotLockOut() async throws {
        // The report: about 15 bad-token requests a second from one address, and a valid approver from
        // that address refused with 429 on 21 of 24 tries. Here with the standard limits per approver, and
        // failures refilling slowly enough that the flood is limited however slow the machine is.
        var limits = DeskRateLimits.standard
        limits.failedAuthentications = .init(perSecond: 0.05, burst: 10)
        try await Server.withDesk(rateLimits: limits) { base, draft, _ in
            let me = base.appendingPathComponent("v1/me")
            let shown = base.appendingPathComponent("v1/drafts/\(draft.id)")
            let statuses = try await withThrowingTaskGroup(of: (good: Bool, status: Int).self) { group in
                group.addTask {
                    var statuses: [(good: Bool, status: Int)] = []
                    for guess in 0..<60 {
                        statuses.append((false, try await Server.send("GET", me, token: "guess-\(guess)").status))
                    }
                    return statuses.first { $0.status == 429 } ?? statuses.last ?? (false, 0)
                }
                for index in 0..<24 {
                    group.addTask {
                        try await Task.sleep(for: .milliseconds(20 * index))
                        let url = index.isMultiple(of: 2) ? me : shown
                        return (true, try await Server.send("GET", url, token: Server.approverToken).status)
                    }
                }
                var all: [(good: Bool, status: Int)] = []
                for try await status in group { all.append(status) }
                return all
            }
            let good = statuses.filter(\.good).map(\.status)
            #expect(good.count == 24 && good.allSatisfy { $0 == 200 }, "\(good)")
            #expect(statuses.first { !$0.good }?.status == 429, "the flood itself is limited")
            #expect(try await Server.send("GET", me, token: Server.approverToken).status == 200)
        }
    }

    @Test("behind a trusted proxy, failures count per client from X-Forwarded-For; a forged entry changes nothing")
    func trustedProxyClients() async throws {
        let limits = DeskRateLimits(decisions: nil, reads: nil, failedAuthentications: .init(perSecond: 0.05, burst: 2))
        let proxies = TrustedProxies([try IPNetwork(parsing: "127.0.0.0/8")])
        try await Server.withDesk(rateLimits: limits, trustedProxies: proxies) { base, _, _ in
            let me = base.appendingPathComponent("v1/me")
            func bad(_ forwardedFor: String) async throws -> Int {
                try await Server.send("GET", me, token: "guess", headers: [("X-Forwarded-For", forwardedFor)]).status
            }
            // The first failure is outside an expectation, so that the closure is seen to throw.
            let first = try await bad("203.0.113.5")
            #expect(first == 401)
            #expect(try await bad("203.0.113.5") == 401)
            #expect(try await bad("203.0.113.5") == 429)
            #expect(try await bad("198.51.100.7, 203.0.113.5") == 429, "entries left of the client are not believed")
            #expect(try await bad("203.0.113.6") == 401, "another client behind the same proxy")
            #expect(try await bad("203.0.113.5, 127.0.0.9") == 429, "a trusted hop is skipped")
        }
    }

    @Test("X-Forwarded-For from a peer that is not a trusted proxy is ignored")
    func untrustedForwardedFor() async throws {
        let limits = DeskRateLimits(decisions: nil, reads: nil, failedAuthentications: .init(perSecond: 0.05, burst: 2))
        try await Server.withDesk(rateLimits: limits) { base, _, _ in
            let me = base.appendingPathComponent("v1/me")
            var statuses: [Int] = []
            for client in 1...3 {
                let answer = try await Server.send(
                    "GET", me, token: "guess", headers: [("X-Forwarded-For", "203.0.113.\(client)")])
                statuses.append(answer.status)
            }
            #expect(statuses == [401, 401, 429], "every request counted against the connected address")
        }
    }

    @Test("no token appears in any log line, at trace level, with good, bad and malformed tokens")
    func tokensNeverLogged() async throws {
        let store = CapturingLogHandler.Store()
        let wrong = "wrong-" + String(repeating: "5", count: 40)
        let nearMiss = String(DeskTestServer.approverToken.dropLast()) + "8"
        try await Server.withDesk(rateLimits: .unlimited, logger: CapturingLogHandler.logger(store)) {
            base, draft, _ in
            for token in [Server.approverToken, Server.viewerToken, wrong, nearMiss] {
                for route in routes("d_000000000000000000000000") {
                    _ = try await Server.send(
                        route.method, base.appendingPathComponent(route.path), token: token, body: route.body)
                }
            }
            _ = try await Server.send(
                "GET", base.appendingPathComponent("v1/me"), token: nil, authorization: "Basic \(wrong)")
            let approved = try await Server.send(
                "POST", base.appendingPathComponent("v1/drafts/\(draft.id)/approve"), token: Server.approverToken,
                body: "{}")
            #expect(approved.status == 200)
            let metrics = try await Server.fetch(base.appendingPathComponent("metrics"))
            for token in [Server.approverToken, Server.viewerToken, wrong, nearMiss] {
                #expect(!metrics.body.contains(token))
            }
        }
        let lines = store.all
        #expect(lines.contains { $0.contains("decision recorded") }, "the desk logged its work")
        for token in [Server.approverToken, Server.viewerToken, wrong, nearMiss] {
            let leaks = lines.filter { $0.contains(token) || $0.contains(ApproverToken.sha256Hex(of: token)) }
            #expect(leaks.isEmpty, "\(leaks.prefix(3))")
        }
        #expect(!lines.contains { $0.contains("7777777777") || $0.contains("3333333333") })
    }
}
