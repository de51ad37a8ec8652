import Foundation
import NIOSSL
import TestCertificates
import Testing

@testable import CourtesyServices

@Suite("HTTPS: serving a certificate, reloading it, refusing bad files", .timeLimit(.minutes(1)))
struct HTTPSTests {
    private typealias Server = HTTPTestServer

    @Test("a client that trusts the authority is served; one that does not is refused in the handshake")
    func served() async throws {
        let certificates = try TestCertificates()
        defer { certificates.remove() }
        let issued = try certificates.issue("desk one")
        let store = try TLSCertificateStore(
            certificatePath: certificates.write(issued.certificate, to: "desk.pem"),
            keyPath: certificates.write(issued.key, to: "desk.key"))
        let authority = try NIOSSLCertificate(bytes: Array(certificates.authorityPEM.utf8), format: .pem)
        let stranger = try NIOSSLCertificate(bytes: Array(TestCertificates().authorityPEM.utf8), format: .pem)
        try await Server.withServer(limits: .standard, tls: store) { port in
            let answer = try await TLSProbe.probe(port: port, trusting: [authority])
            #expect(answer.statusLine == "HTTP/1.1 200 OK")
            #expect(answer.peer == (try NIOSSLCertificate(bytes: Array(issued.certificate.utf8), format: .pem)))
            await #expect(throws: (any Error).self) { try await TLSProbe.probe(port: port, trusting: [stranger]) }
        }
    }

    @Test("reload serves new connections the new certificate, on the same listener; a bad file keeps the old one")
    func reload() async throws {
        let certificates = try TestCertificates()
        defer { certificates.remove() }
        let first = try certificates.issue("desk one")
        let second = try certificates.issue("desk two")
        let certificatePath = try certificates.write(first.certificate, to: "desk.pem")
        let keyPath = try certificates.write(first.key, to: "desk.key")
        let store = try TLSCertificateStore(certificatePath: certificatePath, keyPath: keyPath)
        let authority = try NIOSSLCertificate(bytes: Array(certificates.authorityPEM.utf8), format: .pem)
        let firstCertificate = try NIOSSLCertificate(bytes: Array(first.certificate.utf8), format: .pem)
        let secondCertificate = try NIOSSLCertificate(bytes: Array(second.certificate.utf8), format: .pem)
        try await Server.withServer(limits: .standard, tls: store) { port in
            #expect(try await TLSProbe.probe(port: port, trusting: [authority]).peer == firstCertificate)

            try certificates.write(second.certificate, to: "desk.pem")
            try certificates.write(second.key, to: "desk.key")
            try store.reload()
            let renewed = try await TLSProbe.probe(port: port, trusting: [authority])
            #expect(renewed.peer == secondCertificate)
            #expect(renewed.statusLine == "HTTP/1.1 200 OK")

            try certificates.write("not a certificate", to: "desk.pem")
            #expect(throws: TLSSetupError.self) { try store.reload() }
            // A certificate whose key is the other one's: refused too.
            try certificates.write(first.certificate, to: "desk.pem")
            #expect(throws: TLSSetupError.self) { try store.reload() }
            #expect(try await TLSProbe.probe(port: port, trusting: [authority]).peer == secondCertificate)
        }
    }

    @Test("start-up refuses a missing, unreadable or mismatched certificate or key, naming the file")
    func badFiles() throws {
        let certificates = try TestCertificates()
        defer { certificates.remove() }
        let issued = try certificates.issue("desk")
        let other = try certificates.issue("other")
        let certificate = try certificates.write(issued.certificate, to: "desk.pem")
        let key = try certificates.write(issued.key, to: "desk.key")
        let otherKey = try certificates.write(other.key, to: "other.key")
        let garbage = try certificates.write(
            "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n", to: "bad.pem")
        let missing = certificates.directory.appendingPathComponent("missing.pem").path

        for (certificatePath, keyPath, named) in [
            (missing, key, missing), (garbage, key, garbage), (key, key, key), (certificate, missing, missing),
            (certificate, garbage, garbage), (certificate, certificate, certificate),
        ] {
            do {
                _ = try TLSCertificateStore(certificatePath: certificatePath, keyPath: keyPath)
                Issue.record("\(certificatePath) with \(keyPath) was accepted")
            } catch {
                #expect("\(error)".contains(named), "\(error)")
            }
        }
        #expect(throws: TLSSetupError.self) { try TLSCertificateStore(certificatePath: certificate, keyPath: otherKey) }
        #expect(throws: Never.self) { try TLSCertificateStore(certificatePath: certificate, keyPath: key) }
    }
}
