import CourtesyLocking
import Logging
import NIOCore
import ServiceLifecycle
import Testing

/// Runs the server `make` builds, given the callback that learns its port, for the length of `body`.
func withLocalServer<Server: Service>(
    _ make: (_ onServerRunning: @escaping @Sendable (any Channel) async -> Void) throws -> Server,
    _ body: (_ port: Int) async throws -> Void
) async throws {
    let port = Locked<Int?>(nil)
    let server = try make { channel in port.withLock { $0 = channel.localAddress?.port } }
    let group = ServiceGroup(
        services: [server], gracefulShutdownSignals: [],
        logger: Logger(label: "local-server", factory: { _ in SwiftLogNoOpLogHandler() }))
    let running = Task { try await group.run() }
    // Generous: a start, not a measurement; under a sanitizer with every suite running it can take seconds.
    let deadline = ContinuousClock.now + .seconds(30)
    while port.withLock({ $0 }) == nil, ContinuousClock.now < deadline {
        try await Task.sleep(for: .milliseconds(10))
    }
    let listening = try #require(port.withLock { $0 }, "the server did not start listening")
    do {
        try await body(listening)
    } catch {
        await group.triggerGracefulShutdown()
        throw error
    }
    await group.triggerGracefulShutdown()
    try await running.value
}
