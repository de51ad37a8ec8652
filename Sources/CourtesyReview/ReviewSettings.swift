/// What the command line says about the desk and the token: each may be absent.
public struct ReviewSettings: Sendable, Hashable {
    /// `--desk-url`.
    public var deskURL: String?
    /// `--token`.
    public var token: String?
    /// `--config`: a configuration file that must exist.
    public var configPath: String?
    /// `--ca-file`: the certificate authority of the desk's certificate.
    public var caFile: String?

    public init(deskURL: String? = nil, token: String? = nil, configPath: String? = nil, caFile: String? = nil) {
        self.deskURL = deskURL
        self.token = token
        self.configPath = configPath
        self.caFile = caFile
    }
}
