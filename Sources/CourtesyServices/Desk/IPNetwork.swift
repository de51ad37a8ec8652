import NIOCore

/// A block of IP addresses written in CIDR notation (`10.0.0.0/8`, `2001:db8::/32`), or one address.
///
/// IPv4 addresses written as IPv6 (`::ffff:10.1.2.3`) are read as the IPv4 address they carry, so a
/// block of either form matches a peer however its socket reports it.
package struct IPNetwork: Sendable, Hashable, CustomStringConvertible {
    /// The network's address bytes: 4 for IPv4, 16 for IPv6; host bits are zero.
    let bytes: [UInt8]
    /// How many leading bits an address shares with ``bytes`` to be in the block.
    let prefixLength: Int

    /// Parses `text`: an address, or an address and a prefix length, `ADDRESS/BITS`.
    /// - Throws: ``IPNetworkError`` saying what is wrong, e.g. host bits set after the prefix.
    package init(parsing text: String) throws(IPNetworkError) {
        let parts = text.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
        guard let address = Self.addressBytes(String(parts[0])) else { throw .notAnAddress(text) }
        let bits = address.count * 8
        var prefixLength = bits
        if parts.count == 2 {
            guard let parsed = Int(parts[1]), (0...bits).contains(parsed) else {
                throw .badPrefix(text, maximum: bits)
            }
            prefixLength = parsed
        }
        let masked = Self.masked(address, prefixLength: prefixLength)
        guard masked == address else {
            throw .hostBitsSet(text, network: Self.format(masked) + "/\(prefixLength)")
        }
        self.bytes = address
        self.prefixLength = prefixLength
    }

    /// Whether `address` (as ``addressBytes(_:)`` gives it) is in the block.
    func contains(_ address: [UInt8]) -> Bool {
        address.count == bytes.count && Self.masked(address, prefixLength: prefixLength) == bytes
    }

    package var description: String { Self.format(bytes) + "/\(prefixLength)" }

    /// The bytes of an address written as text, IPv4-mapped IPv6 addresses as IPv4; `nil` when it is
    /// not an address.
    static func addressBytes(_ text: String) -> [UInt8]? {
        guard !text.isEmpty, text.utf8.count <= 64, let socket = try? SocketAddress(ipAddress: text, port: 0) else {
            return nil
        }
        return addressBytes(socket)
    }

    /// The bytes of a socket's IP address, IPv4-mapped IPv6 addresses as IPv4; `nil` for a Unix socket.
    static func addressBytes(_ socket: SocketAddress) -> [UInt8]? {
        switch socket {
        case .v4(let address):
            return withUnsafeBytes(of: address.address.sin_addr) { Array($0) }
        case .v6(let address):
            let bytes = withUnsafeBytes(of: address.address.sin6_addr) { Array($0) }
            let mappedPrefix: [UInt8] = Array(repeating: 0, count: 10) + [0xFF, 0xFF]
            return Array(bytes.prefix(12)) == mappedPrefix ? Array(bytes.suffix(4)) : bytes
        case .unixDomainSocket:
            return nil
        }
    }

    /// An address's bytes as text: dotted for IPv4, colon-separated groups for IPv6.
    static func format(_ bytes: [UInt8]) -> String {
        if bytes.count == 4 { return bytes.map(String.init).joined(separator: ".") }
        let groups = stride(from: 0, to: bytes.count, by: 2).map {
            String(UInt16(bytes[$0]) << 8 | UInt16(bytes[$0 + 1]), radix: 16)
        }
        let text = groups.joined(separator: ":")
        // NIO writes the canonical, shortened form (`2001:db8::`).
        return (try? SocketAddress(ipAddress: text, port: 0))?.ipAddress ?? text
    }

    private static func masked(_ address: [UInt8], prefixLength: Int) -> [UInt8] {
        address.enumerated().map { index, byte in
            let kept = min(8, max(0, prefixLength - index * 8))
            return kept == 8 ? byte : byte & ~(UInt8.max >> kept)
        }
    }
}
