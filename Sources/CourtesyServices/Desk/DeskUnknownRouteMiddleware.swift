import CourtesyDeskAPI
import Hummingbird

/// Answers a request under `/v1` that no route takes (an unknown path, or a known path with another
/// method) as the API's other refusals do: `401` without a valid token, otherwise an ``DeskAPI/ErrorBody``
/// `404 not_found` naming the method and path.
///
/// Added to the router after the desk's routes, so that it wraps only what no route matched.
struct DeskUnknownRouteMiddleware<Context: RemoteAddressRequestContext>: RouterMiddleware {
    let routes: DeskRoutes

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        let path = request.uri.path
        guard path == DeskAPI.pathPrefix || path.hasPrefix(DeskAPI.pathPrefix + "/") else {
            return try await next(request, context)
        }
        do {
            return try await next(request, context)
        } catch let error as HTTPError where error.status == .notFound {
            _ = try routes.authenticate(request, context, .read)
            throw DeskAPIError(
                .notFound,
                "no route \(request.method) \(path.prefix(200)) (see docs/desk-api.md for the routes)")
        }
    }
}
