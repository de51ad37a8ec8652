/// Why a server's certificate and key could not be used; each case names the file at fault.
package enum TLSSetupError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The certificate file could not be read or holds no PEM certificate.
    case unreadableCertificate(path: String, reason: String)
    /// The key file could not be read or holds no PEM private key.
    case unreadableKey(path: String, reason: String)
    /// The certificate and the key were read, but TLS cannot be served with them (for example, the
    /// key is not the certificate's).
    case unusable(certificatePath: String, keyPath: String, reason: String)

    package var description: String {
        switch self {
        case .unreadableCertificate(let path, let reason):
            "\(path): not a readable PEM certificate (\(reason))"
        case .unreadableKey(let path, let reason):
            "\(path): not a readable PEM private key (\(reason))"
        case .unusable(let certificatePath, let keyPath, let reason):
            "\(certificatePath) and \(keyPath) cannot serve TLS together (\(reason))"
        }
    }
}
