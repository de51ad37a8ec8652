import Dispatch
import Hummingbird
import Metrics

/// Counts every HTTP request by method, route and status, and times it by route.
///
/// The route is the pattern that matched (`/v1/drafts/{id}`), never the raw path, so that ids do not
/// make a new time series each; a request that matched no route counts as `unmatched`.
package struct HTTPMetricsMiddleware<Context: RequestContext>: RouterMiddleware {
    package init() {}

    package func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        let start = DispatchTime.now().uptimeNanoseconds
        let status: Int
        do {
            let response = try await next(request, context)
            status = response.status.code
            record(request, context: context, status: status, start: start)
            return response
        } catch {
            status = (error as? any HTTPResponseError)?.status.code ?? 500
            record(request, context: context, status: status, start: start)
            throw error
        }
    }

    private func record(_ request: Request, context: Context, status: Int, start: UInt64) {
        // The router fills the endpoint path while `next` runs; it is read afterwards on purpose.
        let route = context.endpointPath ?? "unmatched"
        Counter(
            label: ServiceMetricName.httpRequests,
            dimensions: [("method", request.method.rawValue), ("route", route), ("status", String(status))]
        ).increment()
        Timer(label: ServiceMetricName.httpRequestDuration, dimensions: [("route", route)])
            .recordNanoseconds(Int64(DispatchTime.now().uptimeNanoseconds - start))
    }
}
