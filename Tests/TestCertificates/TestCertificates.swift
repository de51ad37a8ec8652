import Crypto
import Foundation
import X509

/// A certificate authority made for one test, and server certificates it issues for `localhost`,
/// written as PEM files into a temporary directory. Shared by the tests of the HTTPS servers and of the
/// review client.
public struct TestCertificates {
    public let directory: URL
    public let authority: Certificate
    private let authorityKey: P256.Signing.PrivateKey
    private let authorityName: DistinguishedName

    public init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("courtesy-tls-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        authorityKey = P256.Signing.PrivateKey()
        authorityName = try DistinguishedName { CommonName("Courtesy test authority") }
        let now = Date()
        authority = try Certificate(
            version: .v3, serialNumber: Certificate.SerialNumber(), publicKey: .init(authorityKey.publicKey),
            notValidBefore: now.addingTimeInterval(-300), notValidAfter: now.addingTimeInterval(3_600),
            issuer: authorityName, subject: authorityName, signatureAlgorithm: .ecdsaWithSHA256,
            extensions: try Certificate.Extensions {
                Critical(BasicConstraints.isCertificateAuthority(maxPathLength: nil))
                Critical(KeyUsage(keyCertSign: true))
            },
            issuerPrivateKey: .init(authorityKey))
    }

    /// The authority's certificate, PEM.
    public var authorityPEM: String {
        get throws { try authority.serializeAsPEM().pemString }
    }

    /// Issues a certificate for `localhost` named `name`; returns its PEM and its key's PEM.
    public func issue(_ name: String) throws -> (certificate: String, key: String) {
        let key = P256.Signing.PrivateKey()
        let now = Date()
        let certificate = try Certificate(
            version: .v3, serialNumber: Certificate.SerialNumber(), publicKey: .init(key.publicKey),
            notValidBefore: now.addingTimeInterval(-300), notValidAfter: now.addingTimeInterval(3_600),
            issuer: authorityName, subject: try DistinguishedName { CommonName(name) },
            signatureAlgorithm: .ecdsaWithSHA256,
            extensions: try Certificate.Extensions {
                Critical(BasicConstraints.notCertificateAuthority)
                Critical(KeyUsage(digitalSignature: true))
                try ExtendedKeyUsage([.serverAuth])
                SubjectAlternativeNames([.dnsName("localhost")])
            },
            issuerPrivateKey: .init(authorityKey))
        return (try certificate.serializeAsPEM().pemString, key.pemRepresentation)
    }

    /// Writes `text` to `name` in the directory; its path.
    @discardableResult
    public func write(_ text: String, to name: String) throws -> String {
        let url = directory.appendingPathComponent(name)
        try Data(text.utf8).write(to: url, options: .atomic)
        return url.path
    }

    public func remove() {
        try? FileManager.default.removeItem(at: directory)
    }
}
