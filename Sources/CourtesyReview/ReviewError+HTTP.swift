import AsyncHTTPClient
import CourtesyDeskAPI
import Foundation
import NIOCore
import NIOPosix
import NIOSSL

extension ReviewError {
    /// The error for a refused request: the desk's `status` and its body, an ``DeskAPI/ErrorBody``
    /// when the desk wrote it.
    ///
    /// `tokenHint` says where the token came from (e.g. `check COURTESY_TOKEN`), for a 401.
    package init(status: Int, body: Data, tokenHint: String) {
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
        case 400, 413, 415, 422:
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
    package init(transport error: any Error, url: String) {
        self.init(.unavailable, "cannot reach the desk at \(url): \(Self.reason(error))")
    }

    /// Why a request got no answer, in a few words.
    private static func reason(_ error: any Error) -> String {
        switch error {
        case let error as HTTPClientError:
            switch error {
            case .connectTimeout, .deadlineExceeded, .readTimeout, .writeTimeout: return "no answer in time"
            case .remoteConnectionClosed: return "the connection was lost"
            case .tlsHandshakeTimeout: return "TLS failed: no handshake in time"
            default: return "\(error)"
            }
        case let error as NIOConnectionError:
            if let failure = error.connectionErrors.first { return reason(failure.error) }
            return error.dnsAError != nil || error.dnsAAAAError != nil ? "unknown host" : "cannot connect"
        case let error as IOError where error.errnoCode == ECONNREFUSED:
            return "connection refused"
        case is NIOSSLError, is BoringSSLError, is NIOSSLExtraError:
            return "TLS failed (\(error)); for a desk whose certificate a private CA signed, give the CA with --ca-file"
        case let error as ChannelError:
            if case .connectTimeout = error { return "no answer in time" }
            return "\(error)"
        default:
            return "\(error)"
        }
    }

    /// The first line of a body that is not an ``DeskAPI/ErrorBody``, shortened.
    private static func summary(of body: Data) -> String {
        let text = String(decoding: body.prefix(400), as: UTF8.self)
        let firstLine = text.split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
        return TerminalText.truncated(TerminalText.printable(firstLine), toWidth: 160)
    }
}
