import AsyncHTTPClient

/// Waits for a service started by this process (`chaos`, `bench pipeline`) to say it is ready.
enum Readiness {
    /// Polls `base`'s `/readyz` until it answers 200 or `timeout` passes; whether it became ready.
    /// - Parameter giveUp: checked between polls; `true` stops the wait (the service exited).
    static func wait(for base: String, timeout: Duration, giveUp: () -> Bool = { false }) async -> Bool {
        let request = HTTPClientRequest(url: base + "/readyz")
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline, !giveUp() {
            if let response = try? await HTTPClient.shared.execute(request, timeout: .seconds(2)),
                response.status == .ok
            {
                return true
            }
            try? await Task.sleep(for: .milliseconds(200))
        }
        return false
    }
}
