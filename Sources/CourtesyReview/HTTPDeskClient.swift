import AsyncHTTPClient
import CourtesyDeskAPI
import Foundation
import NIOCore
import NIOHTTP1
import NIOSSL

/// The desk over HTTP or HTTPS with AsyncHTTPClient.
///
/// Certificates are verified against the system's trusted roots, plus the private certificate
/// authority of ``ReviewConfiguration/caFile`` when one is given. Each request has a time limit, so a
/// desk that is down or unreachable fails within it (``ReviewExitCode/unavailable``) instead of hanging
/// the terminal. The client holds connections open between requests: call ``shutdown()`` when done, or
/// use ``with(configuration:timeout:_:)``.
package struct HTTPDeskClient: DeskClient {
    /// The largest answer read: a list of the most drafts a list returns, with room.
    static let maximumResponseBytes = 64 * 1024 * 1024

    private let configuration: ReviewConfiguration
    private let client: HTTPClient
    private let timeout: Duration

    /// A client of the desk `configuration` names; each request gives up after `timeout`.
    /// - Throws: ``ReviewError`` with ``ReviewExitCode/usage`` when the CA file cannot be read or holds
    ///   no certificate.
    package init(configuration: ReviewConfiguration, timeout: Duration = .seconds(10)) throws(ReviewError) {
        var tls = TLSConfiguration.makeClientConfiguration()
        if let caFile = configuration.caFile {
            tls.additionalTrustRoots = [.certificates(try Self.certificates(caFile))]
        }
        var settings = HTTPClient.Configuration(
            tlsConfiguration: tls,
            redirectConfiguration: .disallow,
            timeout: HTTPClient.Configuration.Timeout(connect: TimeAmount(timeout), read: TimeAmount(timeout)))
        // Fail at once when the desk refuses the connection, instead of retrying until the time limit.
        settings.connectionPool.retryConnectionEstablishment = false
        settings.httpVersion = .http1Only
        self.configuration = configuration
        self.timeout = timeout
        client = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: settings)
    }

    /// Runs `body` with a client of the desk `configuration` names, and shuts the client down after it.
    package static func with<Result>(
        configuration: ReviewConfiguration, timeout: Duration = .seconds(10),
        _ body: (HTTPDeskClient) async throws -> Result
    ) async throws -> Result {
        let client = try HTTPDeskClient(configuration: configuration, timeout: timeout)
        do {
            let result = try await body(client)
            await client.shutdown()
            return result
        } catch {
            await client.shutdown()
            throw error
        }
    }

    /// Closes the client's connections; no request may be made after it.
    package func shutdown() async {
        try? await client.shutdown()
    }

    package func identity() async throws(ReviewError) -> DeskResponse<DeskAPI.Identity> {
        try await send(.GET, ["me"])
    }

    /// `GET /v1/summary`: the queue at a glance.
    package func summary() async throws(ReviewError) -> DeskResponse<DeskAPI.Summary> {
        try await send(.GET, ["summary"])
    }

    package func drafts(_ query: DeskQuery) async throws(ReviewError) -> DeskResponse<DeskAPI.DraftList> {
        try await send(.GET, ["drafts"], query: query)
    }

    package func conversations(_ query: DeskQuery) async throws(ReviewError)
        -> DeskResponse<DeskAPI.ConversationList>
    {
        try await send(.GET, ["conversations"], query: query)
    }

    package func draft(id: String) async throws(ReviewError) -> DeskResponse<DeskAPI.DraftDetail> {
        try await send(.GET, ["drafts", id])
    }

    package func approve(id: String, _ request: DeskAPI.ApproveRequest) async throws(ReviewError)
        -> DeskResponse<DeskAPI.DecisionResult>
    {
        try await send(.POST, ["drafts", id, "approve"], body: request)
    }

    package func reject(id: String, _ request: DeskAPI.RejectRequest) async throws(ReviewError)
        -> DeskResponse<DeskAPI.DecisionResult>
    {
        try await send(.POST, ["drafts", id, "reject"], body: request)
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
        _ method: HTTPMethod, _ segments: [String], query: DeskQuery? = nil, body: (any Encodable & Sendable)? = nil
    ) async throws(ReviewError) -> DeskResponse<Response> {
        let url = try url(segments, query: query)
        var request = HTTPClientRequest(url: url.absoluteString)
        request.method = method
        request.headers.add(name: "Authorization", value: "Bearer \(configuration.token)")
        request.headers.add(name: "Accept", value: "application/json")
        request.headers.add(name: "User-Agent", value: "courtesy-review")
        if let body {
            request.headers.add(name: "Content-Type", value: "application/json")
            request.body = .bytes(ByteBuffer(bytes: (try? JSONEncoder().encode(body)) ?? Data()))
        }

        let status: Int
        let data: Data
        do {
            let response = try await client.execute(request, timeout: TimeAmount(timeout))
            status = Int(response.status.code)
            data = Data(try await response.body.collect(upTo: Self.maximumResponseBytes).readableBytesView)
        } catch {
            throw ReviewError(transport: error, url: configuration.deskURL)
        }
        guard (200..<300).contains(status) else {
            throw ReviewError(status: status, body: data, tokenHint: configuration.tokenHint)
        }
        do {
            return DeskResponse(body: try JSONDecoder().decode(Response.self, from: data), json: data)
        } catch {
            throw ReviewError(
                .failure, "the desk's answer to \(method.rawValue) \(url.path) is not what was expected: \(error)")
        }
    }

    /// The certificates of the PEM file at `path`.
    private static func certificates(_ path: String) throws(ReviewError) -> [NIOSSLCertificate] {
        let certificates: [NIOSSLCertificate]
        do {
            certificates = try NIOSSLCertificate.fromPEMFile(path)
        } catch {
            throw ReviewError(.usage, "cannot read the CA file \(path): \(error)")
        }
        guard !certificates.isEmpty else {
            throw ReviewError(.usage, "the CA file \(path) holds no PEM certificate")
        }
        return certificates
    }
}
