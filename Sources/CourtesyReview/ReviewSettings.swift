/// What the command line says about the desk and the token: each may be absent.
package struct ReviewSettings: Sendable, Hashable {
    /// `--desk-url`.
    package var deskURL: String?
    /// `--token`.
    package var token: String?
    /// `--config`: a configuration file that must exist.
    package var configPath: String?
    /// `--ca-file`: the certificate authority of the desk's certificate.
    package var caFile: String?

    package init(deskURL: String? = nil, token: String? = nil, configPath: String? = nil, caFile: String? = nil) {
        self.deskURL = deskURL
        self.token = token
        self.configPath = configPath
        self.caFile = caFile
    }
}
