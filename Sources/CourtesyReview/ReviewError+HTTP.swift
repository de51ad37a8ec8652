import CourtesyServices
import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

extension ReviewError {
    /// The error for a refused request: the desk's `status` and its body, an ``DeskAPI/ErrorBody``
    /// when the desk wrote it.
    ///
    /// `tokenHint` says where the token came from (e.g. `check COURTESY_TOKEN`), for a 401.
    public init(status: Int, body: Data, tokenHint: String) {
        let detail = try? JSONDecoder().decode(DeskAPI.ErrorBody.self, from: body).error
        let said = detail.map { TerminalText.printable($0.message) } ?? Self.summary(of: body)
        switch status {
        case 401:
            self.init(.unauthorized, "the desk refused the token (401): \(tokenHint)")
        case 403:
            self.init(.unauthorized, "forbidden (403): \(said.isEmpty ? "the token may not do this" : said)")
        case 404:
            self.init(.notFound, said.isEmpty ? "not found (404)" : said)
        case 409:
            self.init(.conflict, said.isEmpty ? "already decided (409)" : said, decision: detail?.decision)
        case 400, 413, 422:
            self.init(.invalidInput, said.isEmpty ? "the desk refused the input (\(status))" : "\(said) (\(status))")
        case 429:
            self.init(.unavailable, "too many requests (429)\(said.isEmpty ? "; try again shortly" : ": \(said)")")
        case 503:
            self.init(
                .unavailable,
                "the desk is unavailable (503)\(said.isEmpty ? "" : ": \(said)"); try again shortly")
        default:
            self.init(.failure, "the desk answered \(status)\(said.isEmpty ? "" : ": \(said)")")
        }
    }

    /// The error for a request that got no answer from the desk at `url`.
    public init(transport error: any Error, url: String) {
        if let urlError = error as? URLError {
            let reason: String
            switch urlError.code {
            case .cannotConnectToHost: reason = "connection refused"
            case .timedOut: reason = "no answer in time"
            case .cannotFindHost, .dnsLookupFailed: reason = "unknown host"
            case .networkConnectionLost: reason = "the connection was lost"
            case .notConnectedToInternet: reason = "no network"
            case .secureConnectionFailed, .serverCertificateUntrusted, .serverCertificateHasBadDate,
                .serverCertificateNotYetValid, .serverCertificateHasUnknownRoot:
                reason = "TLS failed"
            default: reason = urlError.localizedDescription
            }
            self.init(.unavailable, "cannot reach the desk at \(url): \(reason)")
        } else {
            self.init(.unavailable, "cannot reach the desk at \(url): \(error)")
        }
    }

    /// The first line of a body that is not an ``DeskAPI/ErrorBody``, shortened.
    private static func summary(of body: Data) -> String {
        let text = String(decoding: body.prefix(400), as: UTF8.self)
        let firstLine = text.split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
        return TerminalText.truncated(TerminalText.printable(firstLine), toWidth: 160)
    }
}
