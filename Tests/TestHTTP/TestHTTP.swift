import AsyncHTTPClient
import NIOCore
import NIOHTTP1

/// The tests' HTTP client: AsyncHTTPClient's shared client, one request at a time, the whole body read.
package enum TestHTTP {
    package struct Response: Sendable {
        package let status: Int
        package let body: [UInt8]
        let headers: HTTPHeaders

        package var text: String { String(decoding: body, as: UTF8.self) }

        /// The first value of a header, whatever its case.
        package func header(_ name: String) -> String? { headers.first(name: name) }
    }

    /// Sends `method` to `url` with `headers`, and `body` when given.
    package static func send(
        _ method: String, _ url: String, headers: [(String, String)] = [], body: [UInt8]? = nil,
        timeout: Duration = .seconds(10)
    ) async throws -> Response {
        var request = HTTPClientRequest(url: url)
        request.method = HTTPMethod(rawValue: method)
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        if let body { request.body = .bytes(ByteBuffer(bytes: body)) }
        let response = try await HTTPClient.shared.execute(request, timeout: .init(timeout))
        let bytes = try await response.body.collect(upTo: 64 << 20)
        return Response(status: Int(response.status.code), body: Array(buffer: bytes), headers: response.headers)
    }

    /// A GET, with the approver's token as `Bearer` when given.
    package static func get(_ url: String, token: String? = nil, timeout: Duration = .seconds(10)) async throws
        -> Response
    {
        try await send("GET", url, headers: token.map { [("Authorization", "Bearer \($0)")] } ?? [], timeout: timeout)
    }
}
