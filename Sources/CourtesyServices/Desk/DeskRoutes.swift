import CourtesyCore
import CourtesyDeskAPI
import Foundation
import Hummingbird
import NIOCore

/// The desk's HTTP API (docs/desk-api.md): routes over ``DeskOperations``, behind one authentication
/// and rate-limit middleware; bodies are read by the context's ``DeskRequestDecoder``.
package struct DeskRoutes: Sendable {
    /// The largest request body accepted: a reply text of the longest platform, escaped, with room.
    static let maximumBodyBytes = 256 * 1024

    private let desk: any DeskOperations
    private let authenticator: DeskAuthenticator

    /// - Parameters:
    ///   - rateLimits: requests allowed per approver, and failed authentications per client address.
    ///   - trustedProxies: the reverse proxies whose `X-Forwarded-For` names the client address.
    package init(
        desk: DeskService, directory: ApproverDirectory, rateLimits: DeskRateLimits = .standard,
        trustedProxies: TrustedProxies = TrustedProxies()
    ) {
        self.init(
            operations: desk, directory: directory, limiter: DeskRateLimiter(limits: rateLimits),
            trustedProxies: trustedProxies)
    }

    init(
        operations: any DeskOperations, directory: ApproverDirectory, limiter: DeskRateLimiter,
        trustedProxies: TrustedProxies = TrustedProxies()
    ) {
        self.desk = operations
        self.authenticator = DeskAuthenticator(
            directory: directory, limiter: limiter, trustedProxies: trustedProxies)
    }

    /// Adds the authentication middleware and the `/v1` routes to `router`.
    package func add<Context: DeskRequestContext>(to router: Router<Context>) {
        router.add(middleware: DeskAuthenticationMiddleware<Context>(authenticator: authenticator))
        let api = router.group(RouterPath(DeskAPI.pathPrefix))
        api.get("me") { _, context in
            let approver = try context.authenticated()
            return DeskAPI.Identity(name: approver.name, role: approver.role)
        }
        api.get("summary") { _, _ in
            try await desk.summary()
        }
        api.get("drafts") { request, _ in
            let (filter, limit) = try Self.query(request)
            return try await desk.list(filter: filter, limit: limit)
        }
        api.get("conversations") { request, _ in
            let (filter, limit) = try Self.query(request)
            return try await desk.conversations(filter: filter, limit: limit)
        }
        api.get("drafts/:id") { _, context in
            try await desk.show(try Self.draftId(context))
        }
        api.post("drafts/:id/approve") { request, context in
            let approver = try context.authenticated()
            let body = try await request.decode(as: DeskAPI.ApproveRequest.self, context: context)
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
            let approver = try context.authenticated()
            let body = try await request.decode(as: DeskAPI.RejectRequest.self, context: context)
            return try await desk.decide(
                try Self.draftId(context), .reject(reason: body.reason), by: approver, scope: .draft)
        }
    }

    private static func draftId(_ context: some RequestContext) throws(DeskAPIError) -> String {
        guard let id = context.parameters.get("id"), !id.isEmpty else {
            throw DeskAPIError(.badRequest, "a draft id is required")
        }
        return id
    }
}
