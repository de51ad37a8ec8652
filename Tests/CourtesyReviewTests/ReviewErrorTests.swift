import AsyncHTTPClient
import CourtesyReview
import Foundation
import NIOCore
import NIOSSL
import Testing

private func errorBody(_ code: String, _ message: String) -> Data {
    Data(#"{"error":{"code":"\#(code)","message":"\#(message)"}}"#.utf8)
}

@Suite("Exit codes from the desk's answers", .timeLimit(.minutes(1)))
struct ReviewErrorTests {
    @Test(
        "each refusal status has its exit code",
        arguments: [
            (401, ReviewExitCode.unauthorized), (403, .unauthorized), (404, .notFound), (409, .conflict),
            (400, .invalidInput), (413, .invalidInput), (415, .invalidInput), (422, .invalidInput), (429, .unavailable),
            (503, .unavailable),
            (500, .failure), (502, .failure),
        ])
    func statuses(_ status: Int, _ expected: ReviewExitCode) {
        let error = ReviewError(status: status, body: errorBody("x", "the desk's words"), tokenHint: "check X")
        #expect(error.exitCode == expected)
    }

    @Test("the codes are the documented numbers")
    func numbers() {
        #expect(ReviewExitCode.allCases.map(\.rawValue) == [0, 1, 3, 4, 5, 6, 7, 64])
    }

    @Test("a refused token says so and where to look, never the token")
    func unauthorized() {
        let error = ReviewError(
            status: 401, body: errorBody("unauthorized", "unknown token"), tokenHint: "check COURTESY_TOKEN")
        #expect(error.message == "the desk refused the token (401): check COURTESY_TOKEN")
    }

    @Test("a conflict passes on the desk's message and decision")
    func conflict() throws {
        let body = Data(
            #"""
            {"error":{"code":"conflict","message":"draft d_1 was already approved by Sam Rivera at 2026-11-23T17:55:00.000Z",
            "decision":{"draftId":"d_1","decisionId":"c1","action":"approve","approver":"Sam Rivera",
            "decidedAt":"2026-11-23T17:55:00.000Z"}}}
            """#.utf8)
        let error = ReviewError(status: 409, body: body, tokenHint: "")
        #expect(error.exitCode == .conflict)
        #expect(error.message == "draft d_1 was already approved by Sam Rivera at 2026-11-23T17:55:00.000Z")
        #expect(error.decision?.approver == "Sam Rivera")
    }

    @Test("invalid input keeps the desk's reason; an answer that is not JSON is summarised safely")
    func otherBodies() {
        let invalid = ReviewError(status: 422, body: errorBody("invalid_input", "the reply is too long"), tokenHint: "")
        #expect(invalid.message == "the reply is too long (422)")
        let html = ReviewError(status: 502, body: Data("<html>Bad \u{1B}[31mGateway</html>\nmore".utf8), tokenHint: "")
        #expect(html.exitCode == .failure)
        #expect(html.message == "the desk answered 502: <html>Bad  [31mGateway</html>")
    }

    @Test(
        "a desk that cannot be reached is exit 7, saying why",
        arguments: [
            (HTTPClientError.connectTimeout as any Error, "no answer in time"),
            (HTTPClientError.deadlineExceeded, "no answer in time"),
            (HTTPClientError.remoteConnectionClosed, "the connection was lost"),
            (IOError(errnoCode: ECONNREFUSED, reason: "connect"), "connection refused"),
            (NIOSSLError.handshakeFailed(.sslError([])), "TLS failed"),
        ])
    func transport(_ error: any Error, _ reason: String) {
        let reviewError = ReviewError(transport: error, url: "http://127.0.0.1:9402")
        #expect(reviewError.exitCode == .unavailable)
        #expect(reviewError.message.hasPrefix("cannot reach the desk at http://127.0.0.1:9402: \(reason)"))
    }
}
