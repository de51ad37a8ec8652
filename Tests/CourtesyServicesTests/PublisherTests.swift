import CourtesyCore
import CourtesyKafka
import Crypto
import Foundation
import Testing

@testable import CourtesyServices

@Suite("The publisher's parts: routes, signatures, answers, backoff, lanes and permits")
struct PublisherTests {
    @Test("routes: brand on platform, then brand, then platform, then *; bad lines named with their number")
    func routes() throws {
        let text = """
            # comment
            *                  https://all.example/replies
            instagram          https://ig.example/hook

            brand:skylark      https://skylark.example/hook
            brand:skylark/x    https://skylark.example/x
            """
        let routes = try WebhookRoutes(parsing: text, source: "routes.txt")
        #expect(routes.webhook(brand: "skylark", platform: .x)?.host == "skylark.example")
        #expect(routes.webhook(brand: "skylark", platform: .x)?.path == "/x")
        #expect(routes.webhook(brand: "skylark", platform: .instagram)?.path == "/hook")
        #expect(routes.webhook(brand: "acme", platform: .instagram)?.host == "ig.example")
        #expect(routes.webhook(brand: nil, platform: .email)?.host == "all.example")
        #expect(WebhookRoutes(webhook: nil).webhook(brand: "acme", platform: .x) == nil)
        #expect(throws: PublishConfigurationError.self) {
            try WebhookRoutes(parsing: "myspace https://a.example/", source: "r")
        }
        do {
            _ = try WebhookRoutes(parsing: "*  https://a.example/\nx  ftp://b.example/\n", source: "routes.txt")
            Issue.record("an ftp URL was taken")
        } catch {
            #expect(error.description.hasPrefix("routes.txt:2: "))
        }
    }

    @Test("the signature is HMAC-SHA256 of the body, hex, and checking it compares the whole value")
    func signature() throws {
        let body = Array(#"{"schema":"courtesy.reply/v1","id":"d_1"}"#.utf8)
        let signature = try WebhookSignature(secret: Array("topsecret".utf8))
        let mac = HMAC<SHA256>.authenticationCode(for: body, using: SymmetricKey(data: Array("topsecret".utf8)))
        let hex = mac.map { String(format: "%02x", $0) }.joined()
        #expect(signature.value(for: body) == "sha256=" + hex)
        #expect(signature.isValid("sha256=" + hex, for: body))
        #expect(!signature.isValid("sha256=" + hex, for: body + [0x20]))
        #expect(!signature.isValid("sha256=" + hex.dropLast(), for: body))
        #expect(throws: PublishConfigurationError.self) { try WebhookSignature(secret: []) }
        #expect(WebhookSignature.secret(fromFile: Array("s3cret\r\n".utf8)) == Array("s3cret".utf8))
    }

    @Test("answers: 2xx posted with the receiver's id; 5xx, 408 and 429 retried with Retry-After; other 4xx refused")
    func answers() {
        #expect(
            WebhookAnswer.classify(status: 201, retryAfter: nil, body: Array(#"{"id":"p-9"}"#.utf8))
                == .posted(status: 201, postId: "p-9"))
        #expect(
            WebhookAnswer.classify(status: 200, retryAfter: nil, body: Array(#"{"postId":17}"#.utf8))
                == .posted(status: 200, postId: "17"))
        #expect(WebhookAnswer.classify(status: 204, retryAfter: nil, body: []) == .posted(status: 204, postId: nil))
        #expect(
            WebhookAnswer.classify(status: 503, retryAfter: nil, body: [])
                == .retry(status: 503, reason: "HTTP 503", after: nil))
        #expect(
            WebhookAnswer.classify(status: 429, retryAfter: "7", body: [])
                == .retry(status: 429, reason: "HTTP 429", after: .seconds(7)))
        #expect(
            WebhookAnswer.classify(status: 408, retryAfter: nil, body: [])
                == .retry(status: 408, reason: "HTTP 408", after: nil))
        #expect(
            WebhookAnswer.classify(status: 422, retryAfter: nil, body: Array("too long\n".utf8))
                == .refused(status: 422, reason: "HTTP 422: too long "))
        #expect(
            WebhookAnswer.classify(status: 301, retryAfter: nil, body: []) == .refused(status: 301, reason: "HTTP 301"))
        let now = Date(timeIntervalSince1970: 1_796_000_000)
        #expect(WebhookAnswer.delay("Wed, 21 Nov 2026 22:13:40 GMT", now: now) != nil)
        #expect(WebhookAnswer.delay(" 12 ", now: now) == .seconds(12))
        #expect(WebhookAnswer.delay("soon", now: now) == nil)
    }

    @Test(
        "backoff doubles from 0.5 s up to 60 s, takes a random half to all of it, and honours Retry-After up to 15 min")
    func backoff() {
        let backoff = PublishBackoff()
        #expect(backoff.delay(afterAttempt: 1, random: 1) == .milliseconds(500))
        #expect(backoff.delay(afterAttempt: 1, random: 0) == .milliseconds(250))
        #expect(backoff.delay(afterAttempt: 4, random: 1) == .seconds(4))
        #expect(backoff.delay(afterAttempt: 40, random: 1) == .seconds(60))
        #expect(backoff.delay(afterAttempt: 40, random: 0) == .seconds(30))
        #expect(backoff.delay(afterAttempt: 2, retryAfter: .seconds(20), random: 0) == .seconds(20))
        #expect(backoff.delay(afterAttempt: 2, retryAfter: .seconds(7_200), random: 0) == .seconds(900))
    }

    @Test("lanes: one task per conversation, replies in the order they came, a new task once a lane is empty")
    func lanes() {
        let lanes = ConversationLanes()
        let messages = (0..<4).map { KafkaMessage(topic: "t", partition: 0, offset: Int64($0), key: nil, value: []) }
        #expect(lanes.add(messages[0], conversation: "x:1"))
        #expect(!lanes.add(messages[1], conversation: "x:1"))
        #expect(lanes.add(messages[2], conversation: "x:2"))
        #expect(lanes.next(of: "x:1")?.offset == 0)
        #expect(!lanes.add(messages[3], conversation: "x:1"), "a lane being posted takes more without a new task")
        #expect(lanes.next(of: "x:1")?.offset == 1)
        #expect(lanes.next(of: "x:1")?.offset == 3)
        #expect(lanes.next(of: "x:1") == nil)
        #expect(lanes.count == 1)
        #expect(lanes.add(messages[0], conversation: "x:1"), "a closed lane needs a new task")
    }

    @Test("permits: waiters served in order, a cancelled waiter gets none and loses no permit")
    func permits() async throws {
        let pool = PermitPool(permits: 1)
        #expect(await pool.acquire())
        let cancelled = Task { await pool.acquire() }
        try await Task.sleep(for: .milliseconds(50))
        cancelled.cancel()
        #expect(await cancelled.value == false)
        let waiting = Task { await pool.acquire() }
        try await Task.sleep(for: .milliseconds(50))
        #expect(pool.available == 0)
        pool.release()
        #expect(await waiting.value)
        pool.release()
        #expect(pool.available == 1)
    }

    @Test("a closed pool wakes its waiters without a permit and refuses later ones: a full publisher still stops")
    func closedPermits() async throws {
        let pool = PermitPool(permits: 1)
        #expect(await pool.acquire())
        let waiting = Task { await pool.acquire() }
        try await Task.sleep(for: .milliseconds(50))
        pool.close()
        #expect(await waiting.value == false)
        pool.release()
        #expect(await pool.acquire() == false)
    }
}
