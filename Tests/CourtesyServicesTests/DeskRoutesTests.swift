import CourtesyCore
import CourtesyKafka
import Foundation
import TestHTTP
import Testing

@testable import CourtesyServices

@Suite("The desk's HTTP API: tokens, roles, input and errors", .timeLimit(.minutes(1)))
struct DeskRoutesTests {
    private static let approverToken = DeskTestServer.approverToken
    private static let viewerToken = DeskTestServer.viewerToken

    private func withDesk(_ body: (URL, Draft, KafkaConfiguration) async throws -> Void) async throws {
        try await DeskTestServer.withDesk(body)
    }

    private func send(
        _ method: String, _ url: URL, token: String?, body: String? = nil, authorization: String? = nil,
        contentType: String = "application/json"
    ) async throws -> (status: Int, json: [String: Any], response: TestHTTP.Response) {
        try await DeskTestServer.send(
            method, url, token: token, body: body, authorization: authorization, contentType: contentType)
    }

    private func code(_ json: [String: Any]) -> String? { DeskTestServer.code(json) }

    private func message(_ json: [String: Any]) -> String { DeskTestServer.message(json) }

    @Test("no token, a malformed header or an unknown token: 401 with WWW-Authenticate, and nothing is recorded")
    func unauthorized() async throws {
        try await withDesk { base, draft, _ in
            let approve = base.appendingPathComponent("v1/drafts/\(draft.id)/approve")
            for (token, authorization) in [(nil, nil), (nil, "Basic c2FtOnNhbQ=="), ("not-a-token", nil)]
                as [(String?, String?)]
            {
                let answer = try await send("POST", approve, token: token, body: "{}", authorization: authorization)
                #expect(answer.status == 401)
                #expect(code(answer.json) == "unauthorized")
                #expect(answer.response.header("WWW-Authenticate") != nil)
            }
            let listed = try await send("GET", base.appendingPathComponent("v1/drafts"), token: nil)
            #expect(listed.status == 401)
            let shown = try await send(
                "GET", base.appendingPathComponent("v1/drafts/\(draft.id)"), token: Self.viewerToken)
            #expect(shown.json["status"] as? String == "pending", "nothing was recorded")
        }
    }

    @Test("a viewer may look but not decide; /v1/me says who the token belongs to")
    func roles() async throws {
        try await withDesk { base, draft, _ in
            let me = try await send("GET", base.appendingPathComponent("v1/me"), token: Self.viewerToken)
            #expect(me.json["name"] as? String == "Vic Ng" && me.json["role"] as? String == "viewer")
            let list = try await send("GET", base.appendingPathComponent("v1/drafts"), token: Self.viewerToken)
            #expect(list.status == 200 && list.json["pending"] as? Int == 1)
            let approve = try await send(
                "POST", base.appendingPathComponent("v1/drafts/\(draft.id)/approve"), token: Self.viewerToken,
                body: "{}")
            #expect(approve.status == 403 && code(approve.json) == "forbidden")
        }
    }

    @Test("bad input is refused with a status and a message that says what is wrong")
    func badInput() async throws {
        try await withDesk { base, draft, _ in
            let drafts = base.appendingPathComponent("v1/drafts")
            let badFilter = try await send(
                "GET", URL(string: drafts.absoluteString + "?intent=rant")!, token: Self.approverToken)
            #expect(badFilter.status == 400 && message(badFilter.json).contains("intent must be one of"))
            let badLimit = try await send(
                "GET", URL(string: drafts.absoluteString + "?limit=0")!, token: Self.approverToken)
            #expect(badLimit.status == 400)
            let approve = drafts.appendingPathComponent(draft.id).appendingPathComponent("approve")
            let notJSON = try await send("POST", approve, token: Self.approverToken, body: "{text:")
            #expect(notJSON.status == 400 && code(notJSON.json) == "bad_request")
            let control = try await send("POST", approve, token: Self.approverToken, body: #"{"text":"Hi\u0007 Jane"}"#)
            #expect(control.status == 422 && message(control.json).contains("U+0007"))
            let long = try await send(
                "POST", approve, token: Self.approverToken, body: #"{"text":"\#(String(repeating: "a", count: 281))"}"#)
            #expect(long.status == 422 && message(long.json).contains("280"))
            let empty = try await send("POST", approve, token: Self.approverToken, body: #"{"text":"   "}"#)
            #expect(empty.status == 422)
            let noReason = try await send(
                "POST", drafts.appendingPathComponent(draft.id).appendingPathComponent("reject"),
                token: Self.approverToken,
                body: #"{"reason":" "}"#)
            #expect(noReason.status == 422 && code(noReason.json) == "invalid_input")
            let unknown = try await send(
                "POST", drafts.appendingPathComponent("d_000000000000000000000000/approve"), token: Self.approverToken,
                body: "{}")
            #expect(unknown.status == 404 && code(unknown.json) == "not_found")
            let still = try await send("GET", drafts, token: Self.approverToken)
            #expect(still.json["pending"] as? Int == 1, "no refused request recorded anything")
        }
    }

    @Test("the second decision on a draft gets 409 naming who decided and when")
    func conflict() async throws {
        try await withDesk { base, draft, _ in
            let approve = base.appendingPathComponent("v1/drafts/\(draft.id)/approve")
            let first = try await send(
                "POST", approve, token: Self.approverToken, body: #"{"text":"Jane, on it. ^Sam"}"#)
            #expect(first.status == 200)
            let decisions = try #require(first.json["decisions"] as? [[String: Any]])
            #expect(decisions.first?["action"] as? String == "edit")
            #expect((first.json["reply"] as? [String: Any])?["text"] as? String == "Jane, on it. ^Sam")
            let second = try await send(
                "POST", base.appendingPathComponent("v1/drafts/\(draft.id)/reject"), token: Self.approverToken,
                body: #"{"reason":"changed my mind"}"#)
            #expect(second.status == 409)
            #expect(message(second.json).contains("edited and approved by Sam Rivera at"))
            let decision = try #require((second.json["error"] as? [String: Any])?["decision"] as? [String: Any])
            #expect(decision["approver"] as? String == "Sam Rivera")
        }
    }
}
