import CourtesyLocking
import Foundation
import Logging
import NIOCore
import NIOPosix
import ServiceLifecycle
import Testing

@testable import CourtesyServices

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// An operational-endpoints server on a free loopback port, without a broker, and raw TCP clients
/// for it that can stop half-way through a request.
enum HTTPTestServer {
    /// Runs `body` with the port of a server held to `limits`, serving HTTPS when given `tls`.
    static func withServer(
        limits: HTTPConnectionLimits, tls: TLSCertificateStore? = nil, _ body: (Int) async throws -> Void
    ) async throws {
        let logger = DeskTestServer.quietLogger
        let port = Locked<Int?>(nil)
        let http = OperationalEndpoints(registry: .init()) { true }
            .server(
                host: "127.0.0.1", port: 0, limits: limits, tls: tls, logger: logger,
                onListening: { listening in port.withLock { $0 = listening } })
        let group = ServiceGroup(services: [http], gracefulShutdownSignals: [], logger: logger)
        let running = Task { try await group.run() }
        let deadline = ContinuousClock.now + .seconds(10)
        while port.withLock({ $0 }) == nil {
            try #require(ContinuousClock.now < deadline, "the server did not start listening")
            try await Task.sleep(for: .milliseconds(20))
        }
        do {
            try await body(port.withLock { $0 } ?? 0)
        } catch {
            await group.triggerGracefulShutdown()
            try? await running.value
            throw error
        }
        await group.triggerGracefulShutdown()
        try await running.value
    }

    /// A TCP connection to `port` that has sent `bytes` and nothing more.
    static func connect(_ port: Int, sending bytes: String = "") async throws -> any Channel {
        let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .connect(host: "127.0.0.1", port: port).get()
        if !bytes.isEmpty {
            try await channel.writeAndFlush(ByteBuffer(string: bytes))
        }
        return channel
    }

    /// Waits up to `limit` for every channel to be closed by the server; whether they all were.
    static func allClosed(_ channels: [any Channel], within limit: Duration) async throws -> Bool {
        let deadline = ContinuousClock.now + limit
        while channels.contains(where: \.isActive) {
            guard ContinuousClock.now < deadline else { return false }
            try await Task.sleep(for: .milliseconds(20))
        }
        return true
    }

    /// The status of `GET path` over a new connection, by a well-behaved client.
    static func status(_ port: Int, _ path: String = "healthz") async throws -> Int {
        var request = URLRequest(url: try #require(URL(string: "http://127.0.0.1:\(port)/\(path)")))
        request.timeoutInterval = 5
        let (_, response) = try await URLSession.shared.data(for: request)
        return (response as? HTTPURLResponse)?.statusCode ?? 0
    }

    /// File descriptors open in this process (Linux).
    static func openFileDescriptors() -> Int {
        (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd").count) ?? 0
    }
}
