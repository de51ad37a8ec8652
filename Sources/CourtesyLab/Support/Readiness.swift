import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// Waits for a service started by this process (`chaos`, `bench pipeline`) to say it is ready.
enum Readiness {
    /// Polls `base`'s `/readyz` until it answers 200 or `timeout` passes; whether it became ready.
    /// - Parameter giveUp: checked between polls; `true` stops the wait (the service exited).
    static func wait(for base: String, timeout: Duration, giveUp: () -> Bool = { false }) async -> Bool {
        guard let url = URL(string: base + "/readyz") else { return false }
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline, !giveUp() {
            var request = URLRequest(url: url)
            request.timeoutInterval = 2
            if let (_, response) = try? await URLSession.shared.data(for: request),
                (response as? HTTPURLResponse)?.statusCode == 200
            {
                return true
            }
            try? await Task.sleep(for: .milliseconds(200))
        }
        return false
    }
}
