import NIOCore

/// The reverse proxies whose `X-Forwarded-For` the desk believes, and the client address a request
/// comes from (the key of its failed authentications, docs/desk-api.md).
///
/// The header is read only when the connected peer is one of these proxies; then the client is the
/// right-most address in it that is not itself a trusted proxy. Entries to the left of that one were
/// written by the client and are never believed.
package struct TrustedProxies: Sendable, Hashable {
    /// The trusted blocks; empty (the default) trusts nobody and ignores `X-Forwarded-For`.
    package var networks: [IPNetwork]

    package init(_ networks: [IPNetwork] = []) {
        self.networks = networks
    }

    /// The client address of a request from `peer` that carries `forwardedFor` (each
    /// `X-Forwarded-For` line as sent), as text; `unknown` when the peer has no IP address.
    package func clientAddress(peer: SocketAddress?, forwardedFor: [String]) -> String {
        guard let peer, let peerBytes = IPNetwork.addressBytes(peer) else { return "unknown" }
        var client = IPNetwork.format(peerBytes)
        guard trusts(peerBytes) else { return client }
        let hops = forwardedFor.flatMap { $0.split(separator: ",") }
        for hop in hops.reversed() {
            // An entry that is not an address ends the walk at the last trusted hop, which wrote it.
            guard let bytes = Self.hopBytes(hop) else { return client }
            client = IPNetwork.format(bytes)
            if !trusts(bytes) { return client }
        }
        return client
    }

    private func trusts(_ address: [UInt8]) -> Bool {
        networks.contains { $0.contains(address) }
    }

    /// The address of one `X-Forwarded-For` entry: `1.2.3.4`, `1.2.3.4:5678`, `2001:db8::1` or
    /// `[2001:db8::1]:443`.
    private static func hopBytes(_ hop: Substring) -> [UInt8]? {
        var text = hop.trimmingWhitespace()
        if text.hasPrefix("["), let end = text.firstIndex(of: "]") {
            text = text[text.index(after: text.startIndex)..<end]
        } else if text.filter({ $0 == ":" }).count == 1, let colon = text.firstIndex(of: ":") {
            text = text[..<colon]
        }
        return IPNetwork.addressBytes(String(text))
    }
}

extension Substring {
    /// Without leading and trailing spaces and tabs.
    fileprivate func trimmingWhitespace() -> Substring {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else {
            return self[endIndex...]
        }
        return self[first...last]
    }
}
