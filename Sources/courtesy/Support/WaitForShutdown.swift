import ServiceLifecycle

/// A service that does nothing but keep the group up until SIGINT or SIGTERM.
struct WaitForShutdown: Service {
    func run() async throws {
        try await gracefulShutdown()
    }
}
