import Foundation

/// Checks, before anything starts, that a port to listen on is free, so that a port already taken is
/// one clear sentence naming the option instead of a bind error after the broker and services started.
package enum PortCheck {
    package static func ensureFree(host: String, port: Int, option: String) throws {
        guard port != 0 else { return }
        let socket = Foundation.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { return }
        defer { close(socket) }
        var reuse: Int32 = 1
        setsockopt(socket, SOL_SOCKET, SO_REUSEADDR, &reuse, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        // A host name other than an IPv4 address is left to the server to resolve and report.
        guard inet_pton(AF_INET, host, &address.sin_addr) == 1 else { return }
        let bound = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        if bound != 0, errno == EADDRINUSE {
            throw PortInUse(
                description:
                    "port \(port) is already in use (another Courtesy running?): choose another with \(option), or 0 for any"
            )
        }
    }
}

extension PortCheck {
    /// A loopback port nothing listens on now, chosen by the kernel, for a child process to listen on.
    package static func freePort() throws -> Int {
        let socket = Foundation.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(socket) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { raw in
                bind(socket, raw, length) == 0 && getsockname(socket, raw, &length) == 0
            }
        }
        guard bound else { throw PortInUse(description: "no free port on 127.0.0.1") }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}

/// A port to listen on that something else holds.
package struct PortInUse: Error, CustomStringConvertible {
    package let description: String
}
