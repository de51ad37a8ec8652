import NIOCore
import Testing

@testable import CourtesyServices

@Suite("Client addresses: trusted proxies and X-Forwarded-For", .timeLimit(.minutes(1)))
struct TrustedProxiesTests {
    private func peer(_ address: String) throws -> SocketAddress {
        try SocketAddress(ipAddress: address, port: 40_000)
    }

    private func proxies(_ blocks: String...) throws -> TrustedProxies {
        TrustedProxies(try blocks.map { try IPNetwork(parsing: $0) })
    }

    @Test("blocks in CIDR notation, IPv4 and IPv6, and single addresses")
    func parsing() throws {
        #expect(try IPNetwork(parsing: "10.0.0.0/8").description == "10.0.0.0/8")
        #expect(try IPNetwork(parsing: "192.168.1.7").description == "192.168.1.7/32")
        #expect(try IPNetwork(parsing: "2001:db8::/32").description == "2001:db8::/32")
        #expect(try IPNetwork(parsing: "::ffff:10.1.2.3").description == "10.1.2.3/32")
        #expect(try IPNetwork(parsing: "0.0.0.0/0").contains([203, 0, 113, 5]))
        #expect(throws: IPNetworkError.notAnAddress("ingress")) { try IPNetwork(parsing: "ingress") }
        #expect(throws: IPNetworkError.badPrefix("10.0.0.0/33", maximum: 32)) { try IPNetwork(parsing: "10.0.0.0/33") }
        #expect(throws: IPNetworkError.hostBitsSet("10.1.0.0/8", network: "10.0.0.0/8")) {
            try IPNetwork(parsing: "10.1.0.0/8")
        }
    }

    @Test("with no trusted proxy, X-Forwarded-For is ignored")
    func nobodyTrusted() throws {
        let address = TrustedProxies().clientAddress(peer: try peer("10.0.0.5"), forwardedFor: ["203.0.113.9"])
        #expect(address == "10.0.0.5")
    }

    @Test("from a peer that is not trusted, X-Forwarded-For is ignored")
    func untrustedPeer() throws {
        let trusted = try proxies("10.0.0.0/8")
        #expect(trusted.clientAddress(peer: try peer("192.0.2.1"), forwardedFor: ["203.0.113.9"]) == "192.0.2.1")
    }

    @Test("from a trusted proxy, the right-most address that is not itself trusted is the client")
    func rightMostUntrusted() throws {
        let trusted = try proxies("10.0.0.0/8", "2001:db8::/32")
        let ingress = try peer("10.0.0.5")
        #expect(trusted.clientAddress(peer: ingress, forwardedFor: ["203.0.113.9"]) == "203.0.113.9")
        #expect(trusted.clientAddress(peer: ingress, forwardedFor: ["1.1.1.1, 203.0.113.9"]) == "203.0.113.9")
        #expect(
            trusted.clientAddress(peer: ingress, forwardedFor: ["1.1.1.1", "203.0.113.9, 10.2.3.4"]) == "203.0.113.9")
        #expect(trusted.clientAddress(peer: ingress, forwardedFor: ["203.0.113.9:5123"]) == "203.0.113.9")
        #expect(trusted.clientAddress(peer: ingress, forwardedFor: ["[2001:db9::1]:443"]) == "2001:db9::1")
        #expect(
            trusted.clientAddress(peer: try peer("::ffff:10.0.0.5"), forwardedFor: ["198.51.100.2"]) == "198.51.100.2")
        #expect(trusted.clientAddress(peer: ingress, forwardedFor: []) == "10.0.0.5", "no header: the proxy itself")
        #expect(
            trusted.clientAddress(peer: ingress, forwardedFor: ["10.9.9.9, 10.2.3.4"]) == "10.9.9.9",
            "every hop trusted: the left-most")
        #expect(
            trusted.clientAddress(peer: ingress, forwardedFor: ["203.0.113.9, unknown, 10.2.3.4"]) == "10.2.3.4",
            "an entry that is not an address stops at the hop that wrote it")
    }
}
