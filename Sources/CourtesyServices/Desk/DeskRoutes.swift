import CourtesyCore
import CourtesyDeskAPI
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
    private let trustedProxies: TrustedProxies

    /// - Parameters:
    ///   - rateLimits: requests allowed per approver, and failed authentications per client address.
    ///   - trustedProxies: the reverse proxies whose `X-Forwarded-For` names the client address.
    public init(
        desk: DeskService, directory: ApproverDirectory, rateLimits: DeskRateLimits = .standard,
        trustedProxies: TrustedProxies = TrustedProxies()
    ) {
        self.init(
            desk: desk, directory: directory, limiter: DeskRateLimiter(limits: rateLimits),
            trustedProxies: trustedProxies)
    }

    init(
        desk: DeskService, directory: ApproverDirectory, limiter: DeskRateLimiter,
        trustedProxies: TrustedProxies = TrustedProxies()
    ) {
        self.desk = desk
        self.directory = directory
        self.limiter = limiter
        self.trustedProxies = trustedProxies
    }

    /// Adds the `/v1` routes to `router`, and the answer to a `/v1` route that does not exist.
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
            let body = try Self.approveRequest(try await Self.body(request))
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
            let reason = try Self.rejectionReason(try await Self.body(request))
            return try await desk.decide(
                try Self.draftId(context), .reject(reason: reason), by: approver, scope: .draft)
        }
        // Router middleware added after the routes wraps only what no route matched.
        router.add(middleware: DeskUnknownRouteMiddleware<Context>(routes: self))
    }

    /// The approver the request's bearer token belongs to, once the request is within the rate limits.
    ///
    /// The token is looked at first, so that a request with a valid token is never refused because of
    /// other clients' failures: only that approver's own limit applies to it. A missing, malformed or
    /// unknown token is counted against the client address, and once the address has spent its
    /// failures it gets `429` instead of `401`.
    func authenticate(
        _ request: Request, _ context: some RemoteAddressRequestContext, _ kind: DeskRateLimiter.Kind
    ) throws(DeskAPIError) -> Approver {
        let approver: Approver
        do throws(DeskAPIError) {
            approver = try identify(request)
        } catch {
            let address = trustedProxies.clientAddress(
                peer: context.remoteAddress,
                forwardedFor: request.headers.filter { $0.name.canonicalName == "x-forwarded-for" }.map(\.value))
            if let wait = limiter.admitFailure(address: address) {
                throw .rateLimited("too many requests with a missing or unknown token from this address", wait: wait)
            }
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

    private static func draftId(_ context: some RequestContext) throws(DeskAPIError) -> String {
        guard let id = context.parameters.get("id"), !id.isEmpty else {
            throw DeskAPIError(.badRequest, "a draft id is required")
        }
        return id
    }
}
