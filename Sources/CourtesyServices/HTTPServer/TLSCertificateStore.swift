import CourtesyLocking
import Foundation
import Logging
import Metrics
import NIOSSL
import X509

/// A server's certificate and key, read from PEM files, as the TLS context every new connection
/// uses. ``reload()`` reads the files again and swaps the context in only if they are usable, so a
/// certificate can be renewed without restarting the server or dropping its listener; connections
/// already open keep the context they started with.
package final class TLSCertificateStore: Sendable {
    /// The certificate file: the server's certificate, then any intermediates.
    package let certificatePath: String
    /// The private key file.
    package let keyPath: String
    private let current: Locked<NIOSSLContext>

    /// Reads the files; throws, naming the file at fault, if they cannot serve TLS.
    package init(certificatePath: String, keyPath: String) throws(TLSSetupError) {
        self.certificatePath = certificatePath
        self.keyPath = keyPath
        current = Locked(try Self.load(certificatePath: certificatePath, keyPath: keyPath))
    }

    /// The context for a new connection.
    var context: NIOSSLContext {
        current.withLock { $0 }
    }

    /// Reads the files again and, if they are usable, serves new connections with them; otherwise
    /// throws and keeps the certificate in use.
    package func reload() throws(TLSSetupError) {
        do {
            let context = try Self.load(certificatePath: certificatePath, keyPath: keyPath)
            current.withLock { $0 = context }
            Counter(label: ServiceMetricName.tlsReloads, dimensions: [("outcome", "success")]).increment()
        } catch {
            Counter(label: ServiceMetricName.tlsReloads, dimensions: [("outcome", "failure")]).increment()
            throw error
        }
    }

    /// ``reload()``, logging the outcome: for a signal handler, which has nobody to throw to.
    package func reloadLogging(to logger: Logger) {
        do {
            try reload()
            logger.notice("TLS certificate reloaded", metadata: ["certificate": "\(certificatePath)"])
        } catch {
            logger.error(
                "TLS certificate not reloaded; still serving the previous one", metadata: ["error": "\(error)"])
        }
    }

    private static func load(certificatePath: String, keyPath: String) throws(TLSSetupError) -> NIOSSLContext {
        let chain: [NIOSSLCertificate]
        do {
            chain = try NIOSSLCertificate.fromPEMFile(certificatePath)
        } catch {
            throw TLSSetupError.unreadableCertificate(path: certificatePath, reason: "\(error)")
        }
        guard let leafCertificate = chain.first else {
            throw TLSSetupError.unreadableCertificate(path: certificatePath, reason: "no certificate in the file")
        }
        let key: NIOSSLPrivateKey
        do {
            key = try NIOSSLPrivateKey(file: keyPath, format: .pem)
        } catch {
            throw TLSSetupError.unreadableKey(path: keyPath, reason: "\(error)")
        }
        // NIOSSLContext's initializer leaks the SSL_CTX it made when it throws, as it does for a key that
        // is not the certificate's: a pair that swift-certificates can read is matched here first.
        if let text = try? String(contentsOfFile: keyPath, encoding: .utf8),
            let privateKey = try? Certificate.PrivateKey(pemEncoded: text),
            let leaf = try? Certificate(derEncoded: leafCertificate.toDERBytes()),
            privateKey.publicKey != leaf.publicKey
        {
            throw TLSSetupError.unusable(
                certificatePath: certificatePath, keyPath: keyPath, reason: "the key is not the certificate's")
        }
        var configuration = TLSConfiguration.makeServerConfiguration(
            certificateChain: chain.map { .certificate($0) }, privateKey: .privateKey(key))
        configuration.minimumTLSVersion = .tlsv12
        do {
            return try NIOSSLContext(configuration: configuration)
        } catch {
            throw TLSSetupError.unusable(certificatePath: certificatePath, keyPath: keyPath, reason: "\(error)")
        }
    }
}
