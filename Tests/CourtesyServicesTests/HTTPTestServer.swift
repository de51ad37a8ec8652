import CourtesyLocking
import Foundation
import Hummingbird
import Logging
import NIOCore
import NIOPosix
import ServiceLifecycle
import TestHTTP
import Testing

@testable import CourtesyServices

/// An operational-endpoints server on a free loopback port, without a broker, and raw TCP clients
/// for it that can stop half-way through a request.
enum HTTPTestServer {
    /// The size of the body of `GET /large`, which the server adds to its routes (a multiple of 64 KiB).
    static let largeBodyBytes = 32 << 20

    /// Runs `body` with the port of a server held to `limits`, serving HTTPS when given `tls`.
    static func withServer(
        limits: HTTPConnectionLimits, tls: TLSCertificateStore? = nil, _ body: (Int) async throws -> Void
    ) async throws {
        let logger = DeskTestServer.quietLogger
        let port = Locked<Int?>(nil)
        let http = OperationalEndpoints(registry: .init()) { true }
            .server(
                host: "127.0.0.1", port: 0, limits: limits, tls: tls, logger: logger,
                routes: { router in
                    // A response still being made: its end comes 3 s after its bytes, so that only the
                    // client's not reading them can end the connection before.
                    router.get("/large") { _, _ in
                        Response(
                            status: .ok,
                            body: ResponseBody(contentLength: largeBodyBytes) { writer in
                                let chunk = ByteBuffer(repeating: UInt8(ascii: "a"), count: 64 << 10)
                                for _ in 0..<(largeBodyBytes / chunk.readableBytes) {
                                    try await writer.write(chunk)
                                }
                                try await Task.sleep(for: .seconds(3))
                                try await writer.finish(nil)
                            })
                    }
                },
                onListening: { listening in port.withLock { $0 = listening } })
        let group = ServiceGroup(services: [http], gracefulShutdownSignals: [], logger: logger)
        let running = Task { try await group.run() }
        // Generous: a start, not a measurement; under a sanitizer with every suite running it can take seconds.
        let deadline = ContinuousClock.now + .seconds(30)
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

    /// A connection to `port` that asks `GET /large` and reads nothing until ``ReadCounter/startReading()``.
    static func connectWithoutReading(_ port: Int) async throws -> (any Channel, ReadCounter) {
        let counter = ReadCounter()
        let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .channelOption(.autoRead, value: false)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture { try channel.pipeline.syncOperations.addHandler(counter) }
            }
            .connect(host: "127.0.0.1", port: port).get()
        try await channel.writeAndFlush(ByteBuffer(string: "GET /large HTTP/1.1\r\nHost: reader\r\n\r\n"))
        return (channel, counter)
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
        try await TestHTTP.get("http://127.0.0.1:\(port)/\(path)", timeout: .seconds(5)).status
    }

    /// File descriptors open in this process (Linux).
    static func openFileDescriptors() -> Int {
        (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd").count) ?? 0
    }
}
