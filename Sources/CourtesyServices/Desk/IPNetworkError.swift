/// Why a `--trusted-proxy` value is not an IP network.
package enum IPNetworkError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The part before the `/` is not an IPv4 or IPv6 address.
    case notAnAddress(String)
    /// The prefix length is not a whole number within the address's bits.
    case badPrefix(String, maximum: Int)
    /// Bits after the prefix are set: `network` is what was probably meant.
    case hostBitsSet(String, network: String)

    package var description: String {
        switch self {
        case .notAnAddress(let text): "\(text) is not an IP address or CIDR block (e.g. 10.0.0.0/8)"
        case .badPrefix(let text, let maximum): "\(text): the prefix length must be a whole number from 0 to \(maximum)"
        case .hostBitsSet(let text, let network): "\(text) has bits set after its prefix; did you mean \(network)?"
        }
    }
}
