import CourtesyLocking
import Hummingbird
import HummingbirdTesting
import Testing

@testable import CourtesyServices

@Suite("/healthz and /readyz: what they answer, and why not")
struct OperationalEndpointsTests {
    @Test("/healthz is 503 once the service cannot go on; /readyz is 503 with the reason, then 200")
    func livenessAndReadiness() async throws {
        let alive = Locked(true)
        let reason = Locked<String?>("the input topic courtesy.mentions does not exist")
        let endpoints = OperationalEndpoints(
            registry: .init(), liveness: { alive.withLock { $0 } }, notReady: { reason.withLock { $0 } })
        let router = Router(context: ServiceRequestContext.self)
        endpoints.add(to: router, metrics: false)
        try await Application(router: router).test(.router) { client in
            try await client.execute(uri: "/readyz", method: .get) { response in
                #expect(response.status == .serviceUnavailable)
                #expect(String(buffer: response.body) == "the input topic courtesy.mentions does not exist\n")
            }
            reason.withLock { $0 = nil }
            try await client.execute(uri: "/readyz", method: .get) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body) == "ready\n")
            }
            try await client.execute(uri: "/healthz", method: .get) { response in
                #expect(response.status == .ok)
            }
            alive.withLock { $0 = false }
            try await client.execute(uri: "/healthz", method: .get) { response in
                #expect(response.status == .serviceUnavailable)
            }
        }
    }
}
