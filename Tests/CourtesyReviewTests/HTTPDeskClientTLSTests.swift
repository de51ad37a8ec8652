import CourtesyDeskAPI
import CourtesyLocking
import Foundation
import Hummingbird
import HummingbirdTLS
import Logging
import NIOSSL
import ServiceLifecycle
import TestCertificates
import Testing

@testable import CourtesyReview

@Suite("The desk over HTTPS: certificates are verified, a private CA with --ca-file", .timeLimit(.minutes(1)))
struct HTTPDeskClientTLSTests {
    /// Runs `body` with the port of an HTTPS desk whose certificate `authority` issued, answering `/v1/me`.
    private func withHTTPSDesk(_ authority: TestCertificates, _ body: (Int) async throws -> Void) async throws {
        let issued = try authority.issue("localhost")
        let router = Router()
        router.get("/v1/me") { _, _ in
            let data = try JSONEncoder().encode(DeskAPI.Identity(name: "Ada Lovelace", role: .approver))
            return Response(
                status: .ok, headers: [.contentType: "application/json"],
                body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
        }
        let tls = TLSConfiguration.makeServerConfiguration(
            certificateChain: [
                .certificate(try NIOSSLCertificate(bytes: Array(issued.certificate.utf8), format: .pem))
            ],
            privateKey: .privateKey(try NIOSSLPrivateKey(bytes: Array(issued.key.utf8), format: .pem)))
        try await withLocalServer(
            { onServerRunning in
                Application(
                    router: router, server: try .tls(tlsConfiguration: tls),
                    configuration: ApplicationConfiguration(address: .hostname("127.0.0.1", port: 0)),
                    onServerRunning: onServerRunning,
                    logger: Logger(label: "https-desk", factory: { _ in SwiftLogNoOpLogHandler() }))
            }, body)
    }

    private func identity(port: Int, caFile: String?) async throws -> DeskAPI.Identity {
        let configuration = ReviewConfiguration(
            deskURL: "https://localhost:\(port)", deskURLSource: .flag, token: "t", tokenSource: .flag,
            caFile: caFile)
        return try await HTTPDeskClient.with(configuration: configuration, timeout: .seconds(5)) {
            try await $0.identity().body
        }
    }

    @Test("a certificate from a private CA is refused without --ca-file, and trusted with it")
    func privateAuthority() async throws {
        let authority = try TestCertificates()
        defer { authority.remove() }
        let caFile = try authority.write(try authority.authorityPEM, to: "ca.pem")
        try await withHTTPSDesk(authority) { port in
            let refused = await #expect(throws: ReviewError.self) { try await identity(port: port, caFile: nil) }
            #expect(refused?.exitCode == .unavailable)
            #expect(refused?.message.contains("TLS failed") == true, "\(refused?.message ?? "")")
            #expect(refused?.message.contains("--ca-file") == true)

            #expect(try await identity(port: port, caFile: caFile).name == "Ada Lovelace")

            let stranger = try TestCertificates()
            defer { stranger.remove() }
            let other = try stranger.write(try stranger.authorityPEM, to: "ca.pem")
            let wrongAuthority = await #expect(throws: ReviewError.self) {
                try await identity(port: port, caFile: other)
            }
            #expect(wrongAuthority?.exitCode == .unavailable, "another CA's file does not make the desk trusted")
        }
    }

    @Test("a CA file that cannot be read, or holds no certificate, is a usage error")
    func badAuthorityFile() async throws {
        let missing = await #expect(throws: ReviewError.self) {
            try await identity(port: 1, caFile: "/nonexistent/courtesy-ca.pem")
        }
        #expect(missing?.exitCode == .usage)
        #expect(missing?.message.contains("/nonexistent/courtesy-ca.pem") == true)
        let empty = FileManager.default.temporaryDirectory.appendingPathComponent("courtesy-empty-\(UUID()).pem")
        try Data("not a certificate\n".utf8).write(to: empty)
        defer { try? FileManager.default.removeItem(at: empty) }
        let notPEM = await #expect(throws: ReviewError.self) { try await identity(port: 1, caFile: empty.path) }
        #expect(notPEM?.exitCode == .usage)
    }
}
