import CourtesyCore
import Hummingbird

/// Who a request to the desk's API comes from, within the rate limits.
struct DeskAuthenticator: Sendable {
    let directory: ApproverDirectory
    let limiter: DeskRateLimiter
    let trustedProxies: TrustedProxies

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
}
