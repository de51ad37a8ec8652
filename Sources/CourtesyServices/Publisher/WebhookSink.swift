import CourtesyCore
import CourtesyLocking
import Hummingbird
import NIOCore

/// A webhook receiver that records what it is sent: for `courtesy demo` and `courtesy webhook-sink`, to see
/// the last mile work before a real connector exists. It answers every reply with 200 and an id for the
/// post, the same id again for a key it has seen (as a receiver that honours idempotency keys does), and
/// with a secret refuses a post whose signature does not match (401).
package final class WebhookSink: Sendable {
    /// One post received.
    package struct Post: Sendable {
        package let reply: Reply?
        package let idempotencyKey: String?
        package let postId: String
        /// Whether the key was seen before.
        package let isRepeat: Bool
    }

    private let signature: WebhookSignature?
    private let onPost: @Sendable (Post) -> Void
    private let seen = Locked<[String: String]>([:])
    private let count = Locked(0)

    /// A sink that checks signatures when given `secret`, and tells `onPost` of each post it accepts.
    package init(secret: [UInt8]? = nil, onPost: @escaping @Sendable (Post) -> Void) throws(PublishConfigurationError) {
        signature = try secret.map { secret throws(PublishConfigurationError) in try WebhookSignature(secret: secret) }
        self.onPost = onPost
    }

    /// How many posts it accepted, repeats included.
    package var accepted: Int { count.withLock { $0 } }

    /// Adds `POST /replies` to `router`.
    package func add<Context: RequestContext>(to router: Router<Context>) {
        router.post("replies") { request, _ -> Response in
            let buffer = try await request.body.collect(upTo: 1_048_576)
            let body = Array(buffer: buffer)
            if let signature = self.signature,
                !signature.isValid(request.headers[.init(WebhookSignature.header)!] ?? "", for: body)
            {
                return Self.json(.unauthorized, #"{"error":"the signature does not match"}"#)
            }
            let key = request.headers[.init(WebhookSignature.idempotencyHeader)!]
            let number = self.count.withLock { count -> Int in
                count += 1
                return count
            }
            let (postId, isRepeat) = self.seen.withLock { seen -> (String, Bool) in
                if let key, let earlier = seen[key] { return (earlier, true) }
                let id = "sink-\(number)"
                if let key { seen[key] = id }
                return (id, false)
            }
            self.onPost(Post(reply: try? Reply(json: body), idempotencyKey: key, postId: postId, isRepeat: isRepeat))
            return Self.json(.ok, #"{"id":"\#(postId)","repeat":\#(isRepeat)}"#)
        }
    }

    private static func json(_ status: HTTPResponse.Status, _ text: String) -> Response {
        Response(
            status: status, headers: [.contentType: "application/json"],
            body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }
}
