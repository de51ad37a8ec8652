import CourtesyCore
import Foundation
import Hummingbird
import NIOCore

/// The desk's HTTP API (docs/desk-api.md): authentication, rate limits, request parsing and routing; the
/// work is ``DeskService``'s.
public struct DeskRoutes: Sendable {
    /// The largest request body accepted: a reply text of the longest platform, escaped, with room.
    static let maximumBodyBytes = 256 * 1024

    private let desk: DeskService
    private let directory: ApproverDirectory
    private let limiter: DeskRateLimiter

    /// - Parameter rateLimits: requests allowed per approver, and failed authentications per client address.
    public init(desk: DeskService, directory: ApproverDirectory, rateLimits: DeskRateLimits = .standard) {
        self.init(desk: desk, directory: directory, limiter: DeskRateLimiter(limits: rateLimits))
    }

    init(desk: DeskService, directory: ApproverDirectory, limiter: DeskRateLimiter) {
        self.desk = desk
        self.directory = directory
        self.limiter = limiter
    }

    /// Adds the `/v1` routes to `router`.
    public func add<Context: RemoteAddressRequestContext>(to router: Router<Context>) {
        let api = router.group(RouterPath(DeskAPI.pathPrefix))
        api.get("me") { request, context in
            let approver = try authenticate(request, context, .read)
            return DeskAPI.Identity(name: approver.name, role: approver.role)
        }
        api.get("summary") { request, context in
            _ = try authenticate(request, context, .read)
            return try await desk.summary()
        }
        api.get("drafts") { request, context in
            _ = try authenticate(request, context, .read)
            let (filter, limit) = try Self.query(request)
            return try await desk.list(filter: filter, limit: limit)
        }
        api.get("conversations") { request, context in
            _ = try authenticate(request, context, .read)
            let (filter, limit) = try Self.query(request)
            return try await desk.conversations(filter: filter, limit: limit)
        }
        api.get("drafts/:id") { request, context in
            _ = try authenticate(request, context, .read)
            return try await desk.show(try Self.draftId(context))
        }
        api.post("drafts/:id/approve") { request, context in
            let approver = try authenticate(request, context, .decision)
            let body = try await Self.body(request, as: DeskAPI.ApproveRequest.self) ?? DeskAPI.ApproveRequest()
            let scope: DecisionScope
            switch body.scope {
            case nil, "conversation": scope = .conversation
            case "draft": scope = .draft
            case let other?: throw DeskAPIError(.badRequest, "scope must be conversation or draft, not \(other)")
            }
            let request = DecisionRequest.approve(text: body.text, reason: body.reason)
            return try await desk.decide(try Self.draftId(context), request, by: approver, scope: scope)
        }
        api.post("drafts/:id/reject") { request, context in
            let approver = try authenticate(request, context, .decision)
            guard let body = try await Self.body(request, as: DeskAPI.RejectRequest.self) else {
                throw DeskAPIError(.invalidInput, "a rejection needs a reason: {\"reason\": \"...\"}")
            }
            return try await desk.decide(
                try Self.draftId(context), .reject(reason: body.reason), by: approver, scope: .draft)
        }
    }

    /// The approver the request's bearer token belongs to, once the request is within the rate limits.
    ///
    /// A client address over its limit of failed authentications is refused before its token is looked
    /// at, whatever the token, so that a right guess cannot be told from a wrong one; a missing or
    /// unknown token is refused before anything else is looked at, and counted against the address.
    private func authenticate(
        _ request: Request, _ context: some RemoteAddressRequestContext, _ kind: DeskRateLimiter.Kind
    ) throws(DeskAPIError) -> Approver {
        let address = Self.address(context)
        if let wait = limiter.blocked(address: address) {
            throw .rateLimited("too many requests with a missing or unknown token from this address", wait: wait)
        }
        let approver: Approver
        do throws(DeskAPIError) {
            approver = try identify(request)
        } catch {
            limiter.recordFailure(address: address)
            throw error
        }
        if let wait = limiter.admit(approver: approver.name, kind) {
            throw .rateLimited("too many \(kind == .decision ? "decisions" : "requests") from this token", wait: wait)
        }
        return approver
    }

    /// The approver the bearer token belongs to.
    private func identify(_ request: Request) throws(DeskAPIError) -> Approver {
        guard let header = request.headers[.authorization] else {
            throw DeskAPIError(.unauthorized, "no token: send Authorization: Bearer <token>")
        }
        let parts = header.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else {
            throw DeskAPIError(.unauthorized, "the Authorization header must be: Bearer <token>")
        }
        guard let approver = directory.authenticate(token: String(parts[1]).trimmingCharacters(in: .whitespaces))
        else {
            throw DeskAPIError(.unauthorized, "unknown token")
        }
        return approver
    }

    /// The client's IP address, the key of its failed authentications.
    private static func address(_ context: some RemoteAddressRequestContext) -> String {
        guard let remote = context.remoteAddress else { return "unknown" }
        return remote.ipAddress ?? remote.description
    }

    private static func draftId(_ context: some RequestContext) throws(DeskAPIError) -> String {
        guard let id = context.parameters.get("id"), !id.isEmpty else {
            throw DeskAPIError(.badRequest, "a draft id is required")
        }
        return id
    }

    private static func query(_ request: Request) throws(DeskAPIError) -> (DeskFilter, Int) {
        let parameters = request.uri.queryParameters
        func value<Value: RawRepresentable & CaseIterable>(_ name: String, as: Value.Type) throws(DeskAPIError)
            -> Value? where Value.RawValue == String
        {
            guard let text = parameters[Substring(name)].map(String.init), !text.isEmpty else { return nil }
            guard let value = Value(rawValue: text) else {
                let allowed = Value.allCases.map(\.rawValue).joined(separator: ", ")
                throw DeskAPIError(.badRequest, "\(name) must be one of \(allowed), not \(text)")
            }
            return value
        }
        var filter = DeskFilter()
        filter.intent = try value("intent", as: Intent.self)
        filter.priority = try value("priority", as: PriorityLevel.self)
        filter.platform = try value("platform", as: Platform.self)
        if let agent = parameters["agent"], !agent.isEmpty { filter.agentId = String(agent) }
        var limit = DeskAPI.defaultLimit
        if let text = parameters["limit"] {
            guard let parsed = Int(text), (1...DeskAPI.maximumLimit).contains(parsed) else {
                throw DeskAPIError(.badRequest, "limit must be a whole number from 1 to \(DeskAPI.maximumLimit)")
            }
            limit = parsed
        }
        return (filter, limit)
    }

    /// The request's JSON body, or `nil` when it is empty.
    private static func body<Body: Decodable>(_ request: Request, as type: Body.Type) async throws(DeskAPIError)
        -> Body?
    {
        let buffer: ByteBuffer
        do {
            buffer = try await request.body.collect(upTo: maximumBodyBytes)
        } catch {
            throw DeskAPIError(
                .payloadTooLarge,
                "the request body is larger than \(maximumBodyBytes) bytes (\(maximumBodyBytes / 1024) KiB)")
        }
        guard buffer.readableBytes > 0 else { return nil }
        do {
            return try JSONDecoder().decode(Body.self, from: Data(buffer.readableBytesView))
        } catch let error as DecodingError {
            throw DeskAPIError(.badRequest, "the request body is not the JSON this route expects: \(explain(error))")
        } catch {
            throw DeskAPIError(.badRequest, "the request body is not JSON")
        }
    }

    /// One short line for a decoding error, naming the member at fault.
    private static func explain(_ error: DecodingError) -> String {
        func path(_ codingPath: [any CodingKey]) -> String {
            codingPath.isEmpty ? "the body" : codingPath.map(\.stringValue).joined(separator: ".")
        }
        switch error {
        case .keyNotFound(let key, let context):
            return "\(path(context.codingPath + [key])) is missing"
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            return "\(path(context.codingPath)) has the wrong type"
        case .dataCorrupted(let context):
            return context.codingPath.isEmpty ? "it is not valid JSON" : "\(path(context.codingPath)) is invalid"
        @unknown default:
            return "it does not match"
        }
    }
}
