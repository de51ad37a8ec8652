import CourtesyServices
import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// The desk over HTTP with Foundation's `URLSession`.
///
/// Each request has a time limit, so a desk that is down or unreachable fails within it
/// (``ReviewExitCode/unavailable``) instead of hanging the terminal.
public struct URLSessionDeskClient: DeskClient {
    private let configuration: ReviewConfiguration
    private let session: URLSession
    private let timeout: Duration

    /// A client of the desk `configuration` names; each request gives up after `timeout`.
    public init(configuration: ReviewConfiguration, timeout: Duration = .seconds(10)) {
        self.configuration = configuration
        self.timeout = timeout
        let sessionConfiguration = URLSessionConfiguration.ephemeral
        sessionConfiguration.timeoutIntervalForRequest = timeout.seconds
        sessionConfiguration.timeoutIntervalForResource = timeout.seconds * 3
        sessionConfiguration.httpCookieAcceptPolicy = .never
        sessionConfiguration.urlCache = nil
        session = URLSession(configuration: sessionConfiguration)
    }

    public func identity() async throws(ReviewError) -> DeskResponse<DeskAPI.Identity> {
        try await send("GET", ["me"])
    }

    /// `GET /v1/summary`: the queue at a glance.
    public func summary() async throws(ReviewError) -> DeskResponse<DeskAPI.Summary> {
        try await send("GET", ["summary"])
    }

    public func drafts(_ query: DeskQuery) async throws(ReviewError) -> DeskResponse<DeskAPI.DraftList> {
        try await send("GET", ["drafts"], query: query)
    }

    public func conversations(_ query: DeskQuery) async throws(ReviewError)
        -> DeskResponse<DeskAPI.ConversationList>
    {
        try await send("GET", ["conversations"], query: query)
    }

    public func draft(id: String) async throws(ReviewError) -> DeskResponse<DeskAPI.DraftDetail> {
        try await send("GET", ["drafts", id])
    }

    public func approve(id: String, _ request: DeskAPI.ApproveRequest) async throws(ReviewError)
        -> DeskResponse<DeskAPI.DecisionResult>
    {
        try await send("POST", ["drafts", id, "approve"], body: request)
    }

    public func reject(id: String, _ request: DeskAPI.RejectRequest) async throws(ReviewError)
        -> DeskResponse<DeskAPI.DecisionResult>
    {
        try await send("POST", ["drafts", id, "reject"], body: request)
    }

    /// The URL of the route made of `segments` under ``DeskAPI/pathPrefix``, each segment escaped.
    func url(_ segments: [String], query: DeskQuery? = nil) throws(ReviewError) -> URL {
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: "/;?#%")
        let path = segments.map { $0.addingPercentEncoding(withAllowedCharacters: allowed) ?? $0 }
        guard var components = URLComponents(string: configuration.deskURL) else {
            throw ReviewError(.usage, "not a URL: \(configuration.deskURL)")
        }
        components.percentEncodedPath += DeskAPI.pathPrefix + "/" + path.joined(separator: "/")
        if let parameters = query?.parameters, !parameters.isEmpty {
            components.queryItems = parameters.map { URLQueryItem(name: $0.name, value: $0.value) }
        }
        guard let url = components.url else {
            throw ReviewError(.usage, "cannot make a URL of \(configuration.deskURL) and \(segments)")
        }
        return url
    }

    private func send<Response: Decodable & Sendable>(
        _ method: String, _ segments: [String], query: DeskQuery? = nil, body: (any Encodable & Sendable)? = nil
    ) async throws(ReviewError) -> DeskResponse<Response> {
        var request = URLRequest(url: try url(segments, query: query))
        request.httpMethod = method
        request.timeoutInterval = timeout.seconds
        request.setValue("Bearer \(configuration.token)", forHTTPHeaderField: "Authorization")
        request.setValue("application/json", forHTTPHeaderField: "Accept")
        request.setValue("courtesy-review", forHTTPHeaderField: "User-Agent")
        if let body {
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
            request.httpBody = try? JSONEncoder().encode(body)
        }

        let data: Data
        let response: URLResponse
        do {
            (data, response) = try await session.data(for: request)
        } catch {
            throw ReviewError(transport: error, url: configuration.deskURL)
        }
        guard let http = response as? HTTPURLResponse else {
            throw ReviewError(.failure, "the desk at \(configuration.deskURL) did not answer in HTTP")
        }
        guard (200..<300).contains(http.statusCode) else {
            throw ReviewError(status: http.statusCode, body: data, tokenHint: configuration.tokenHint)
        }
        do {
            return DeskResponse(body: try JSONDecoder().decode(Response.self, from: data), json: data)
        } catch {
            throw ReviewError(
                .failure, "the desk's answer to \(method) \(request.url?.path ?? "") is not what was expected: \(error)"
            )
        }
    }
}

extension Duration {
    /// The duration in seconds, as Foundation's time intervals count.
    fileprivate var seconds: TimeInterval {
        let (seconds, attoseconds) = components
        return TimeInterval(seconds) + TimeInterval(attoseconds) / 1e18
    }
}
