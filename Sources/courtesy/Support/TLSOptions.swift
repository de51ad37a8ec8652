import ArgumentParser
import CourtesyServices

/// The certificate and key a server serves HTTPS with: both or neither.
struct TLSOptions: ParsableArguments {
    @Option(
        name: .customLong("tls-cert"),
        help: ArgumentHelp(
            "Serve HTTPS with this PEM certificate (then any intermediates); reloaded on SIGHUP.", valueName: "path"))
    var certificate: String?

    @Option(
        name: .customLong("tls-key"),
        help: ArgumentHelp("The PEM private key of --tls-cert; reloaded with it on SIGHUP.", valueName: "path"))
    var key: String?

    func validate() throws {
        if (certificate == nil) != (key == nil) {
            throw ValidationError("--tls-cert and --tls-key go together: give both, or neither for plain HTTP")
        }
    }

    /// The certificate store, or `nil` for plain HTTP; throws, naming the file, if they cannot serve TLS.
    func store() throws -> TLSCertificateStore? {
        guard let certificate, let key else { return nil }
        do {
            return try TLSCertificateStore(certificatePath: certificate, keyPath: key)
        } catch {
            throw ValidationError("\(error)")
        }
    }
}
