import CourtesyCore

extension DeskAPI {
    /// What every refused request answers, with the status of its ``ErrorCode``.
    package struct ErrorBody: Codable, Sendable, Hashable {
        package struct Detail: Codable, Sendable, Hashable {
            package var code: ErrorCode
            /// One line for a person, e.g. `draft d_… was already approved by Sam Rivera at …`.
            package var message: String
            /// For `conflict`: the decision that stands.
            package var decision: DecisionView?

            package init(code: ErrorCode, message: String, decision: DecisionView? = nil) {
                self.code = code
                self.message = message
                self.decision = decision
            }
        }

        package var error: Detail

        package init(code: ErrorCode, message: String, decision: DecisionView? = nil) {
            error = Detail(code: code, message: message, decision: decision)
        }
    }

    /// Why a request was refused; each code has one HTTP status.
    package enum ErrorCode: String, Codable, Sendable, Hashable, CaseIterable {
        /// No token, or a token the desk does not know (401); nothing was recorded.
        case unauthorized
        /// A viewer tried to decide (403).
        case forbidden
        /// No such draft, or no such route (404).
        case notFound = "not_found"
        /// The draft was already decided (409); the body names who decided and when.
        case conflict
        /// The body is not the JSON the route expects, or a query value is unknown (400).
        case badRequest = "bad_request"
        /// The reply text or reason breaks a rule, or a rejection has no reason (422).
        case invalidInput = "invalid_input"
        /// The desk is still rebuilding its queue, or the broker did not acknowledge (503): try again.
        case unavailable
        /// The request body is larger than the desk accepts (413).
        case payloadTooLarge = "payload_too_large"
        /// The request has a body that is not sent as `application/json` (415).
        case unsupportedMediaType = "unsupported_media_type"
        /// Too many requests from this approver, or too many failed authentications from this address
        /// (429): try again after the `Retry-After` seconds.
        case rateLimited = "rate_limited"

        /// The HTTP status this code is sent with.
        package var status: Int {
            switch self {
            case .unauthorized: 401
            case .forbidden: 403
            case .notFound: 404
            case .conflict: 409
            case .badRequest: 400
            case .invalidInput: 422
            case .unavailable: 503
            case .payloadTooLarge: 413
            case .unsupportedMediaType: 415
            case .rateLimited: 429
            }
        }
    }
}
