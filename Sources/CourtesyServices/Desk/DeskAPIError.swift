import CourtesyCore
import CourtesyDeskAPI
import Foundation
import Hummingbird
import NIOCore

/// A refused API request: the one place where the desk's errors become HTTP statuses and bodies.
package struct DeskAPIError: Error, HTTPResponseError, CustomStringConvertible {
    package let code: DeskAPI.ErrorCode
    package let message: String
    package let decision: DeskAPI.DecisionView?
    /// For `rate_limited`: whole seconds to wait, sent as `Retry-After`.
    package let retryAfter: Int?

    package init(
        _ code: DeskAPI.ErrorCode, _ message: String, decision: DeskAPI.DecisionView? = nil, retryAfter: Int? = nil
    ) {
        self.code = code
        self.message = message
        self.decision = decision
        self.retryAfter = retryAfter
    }

    /// The answer to a request over a rate limit: `what` was too many; try again after `wait`, rounded
    /// up to a whole second.
    package static func rateLimited(_ what: String, wait: Duration) -> DeskAPIError {
        let seconds = max(
            1, Int((Double(wait.components.seconds) + Double(wait.components.attoseconds) * 1e-18).rounded(.up)))
        return DeskAPIError(
            .rateLimited, "\(what); try again in \(seconds) s", retryAfter: seconds)
    }

    /// The answer to a decision the queue refused.
    package init(_ error: DeskError) {
        switch error {
        case .notFound: self.init(.notFound, error.description)
        case .conflict(let record): self.init(.conflict, error.description, decision: DeskAPI.DecisionView(record))
        case .decisionUnreadable: self.init(.conflict, error.description)
        case .forbidden: self.init(.forbidden, error.description)
        case .invalidText, .reasonRequired, .invalidReason: self.init(.invalidInput, error.description)
        }
    }

    package var description: String { "\(code.rawValue): \(message)" }

    package var status: HTTPResponse.Status { HTTPResponse.Status(code: code.status) }

    package func response(from request: Request, context: some RequestContext) throws -> Response {
        let body = try JSONEncoder().encode(DeskAPI.ErrorBody(code: code, message: message, decision: decision))
        var headers: HTTPFields = [.contentType: "application/json; charset=utf-8"]
        if code == .unauthorized {
            headers[.wwwAuthenticate] = "Bearer realm=\"courtesy-desk\""
        }
        if let retryAfter {
            headers[.retryAfter] = String(retryAfter)
        }
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(data: body)))
    }
}
