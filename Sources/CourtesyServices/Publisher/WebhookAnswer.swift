import CourtesyCore
import Foundation

/// What one post's answer means for the reply.
package enum WebhookAnswer: Sendable, Equatable {
    /// Posted (2xx), with the receiver's id for the post when its JSON body named one.
    case posted(status: Int, postId: String?)
    /// Worth trying again: 5xx, 408, 429, a timeout or a connection that failed. `after` is the receiver's
    /// `Retry-After`, when it gave one.
    case retry(status: Int?, reason: String, after: Duration?)
    /// Refused for good (any other status): the reply goes to the dead letters.
    case refused(status: Int, reason: String)

    /// The meaning of an answer with `status`, `retryAfter` (the header's value) and `body`, read at `now`.
    package static func classify(status: Int, retryAfter: String?, body: [UInt8], now: Date = Date()) -> WebhookAnswer {
        switch status {
        case 200..<300:
            return .posted(status: status, postId: postId(in: body))
        case 408, 429, 500..<600:
            return .retry(
                status: status, reason: "HTTP \(status)", after: retryAfter.flatMap { Self.delay($0, now: now) })
        default:
            let excerpt = String(decoding: body.prefix(200), as: UTF8.self)
                .replacingOccurrences(of: "\n", with: " ")
            return .refused(status: status, reason: excerpt.isEmpty ? "HTTP \(status)" : "HTTP \(status): \(excerpt)")
        }
    }

    /// `Retry-After` as a delay: whole seconds, or an HTTP date; `nil` when it is neither.
    package static func delay(_ value: String, now: Date = Date()) -> Duration? {
        let trimmed = value.trimmingCharacters(in: .whitespaces)
        if let seconds = Int(trimmed), seconds >= 0 { return .seconds(seconds) }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        guard let date = formatter.date(from: trimmed) else { return nil }
        return .milliseconds(max(0, Int64(date.timeIntervalSince(now) * 1_000)))
    }

    /// The receiver's id for the post: a string or number member `id` or `postId` of a JSON object body.
    static func postId(in body: [UInt8]) -> String? {
        guard !body.isEmpty, body.count <= 65_536, case .object(let members)? = try? JSONTree(parsing: Data(body))
        else { return nil }
        for name in ["postId", "id"] {
            switch members[name] {
            case .string(let text)? where !text.isEmpty: return String(text.prefix(200))
            case .integer(let number)?: return String(number)
            default: continue
            }
        }
        return nil
    }
}

/// How long to wait before trying a reply again: exponential backoff with jitter, or what the receiver asked.
package struct PublishBackoff: Sendable, Equatable {
    /// The wait after the first failure, before jitter.
    package var initial: Duration
    /// The longest wait.
    package var maximum: Duration

    package init(initial: Duration = .milliseconds(500), maximum: Duration = .seconds(60)) {
        self.initial = initial
        self.maximum = maximum
    }

    /// The wait after failed attempt number `attempt` (1 for the first): `initial` doubled for each attempt
    /// after the first, up to `maximum`, of which a random half to all is taken, so that replies that failed
    /// together do not come back together. A receiver's `Retry-After` is honoured up to 15 minutes.
    package func delay(afterAttempt attempt: Int, retryAfter: Duration? = nil, random: Double) -> Duration {
        if let retryAfter { return min(retryAfter, .seconds(900)) }
        let exponent = min(max(attempt - 1, 0), 30)
        let ceiling = min(initial * (1 << exponent), maximum)
        let fraction = 0.5 + 0.5 * min(max(random, 0), 1)
        return ceiling * fraction
    }
}
