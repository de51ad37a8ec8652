import CourtesyCore
import CourtesyDeskAPI
import Hummingbird

/// A request context that carries the approver a desk request was authenticated as.
package protocol DeskRequestContext: RemoteAddressRequestContext {
    /// Set by ``DeskAuthenticationMiddleware`` before any `/v1` route runs.
    var approver: Approver? { get set }
}

extension DeskRequestContext {
    /// The approver the middleware authenticated; only `nil` for a route outside the desk's API.
    func authenticated() throws(DeskAPIError) -> Approver {
        guard let approver else { throw DeskAPIError(.unauthorized, "no token: send Authorization: Bearer <token>") }
        return approver
    }
}

/// Authentication and rate limits for every request under `/v1`, in one place: a `POST` counts as a
/// decision, anything else as a read. A `/v1` request that no route takes (an unknown path, or a known path
/// with another method) is answered as the API's other refusals are: `401` without a valid token,
/// otherwise an ``DeskAPI/ErrorBody`` `404 not_found` naming the method and path.
///
/// Added to the router before the desk's routes: router middleware wraps the routes added after it and
/// the answer to what no route matched.
struct DeskAuthenticationMiddleware<Context: DeskRequestContext>: RouterMiddleware {
    let authenticator: DeskAuthenticator

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        let path = request.uri.path
        guard path == DeskAPI.pathPrefix || path.hasPrefix(DeskAPI.pathPrefix + "/") else {
            return try await next(request, context)
        }
        var context = context
        context.approver = try authenticator.authenticate(
            request, context, request.method == .post ? .decision : .read)
        do {
            return try await next(request, context)
        } catch let error as HTTPError where error.status == .notFound {
            throw DeskAPIError(
                .notFound,
                "no route \(request.method) \(path.prefix(200)) (see docs/desk-api.md for the routes)")
        }
    }
}
