/// Where the desk is and the token to show it: resolved from flags, the environment and a
/// configuration file by ``resolve(_:environment:homeDirectory:readFile:)``.
package struct ReviewConfiguration: Sendable, Hashable {
    /// Where a setting came from, to say so in error messages.
    package enum Source: Sendable, Hashable {
        /// `--desk-url` or `--token`.
        case flag
        /// `COURTESY_DESK_URL` or `COURTESY_TOKEN`.
        case environment
        /// The configuration file at this path.
        case file(String)
        /// ``defaultDeskURL``.
        case builtIn
    }

    /// The desk's base URL without a trailing slash, e.g. `http://127.0.0.1:9402`.
    package var deskURL: String
    /// Where ``deskURL`` came from.
    package var deskURLSource: Source
    /// The approver's bearer token; never printed.
    package var token: String
    /// Where ``token`` came from, for ``tokenHint``.
    package var tokenSource: Source
    /// A PEM file of the certificate authority that signed the desk's certificate, trusted besides the
    /// system's roots; `nil` trusts the system's roots only.
    package var caFile: String?

    /// The desk URL used when no flag, variable or file names one.
    package static let defaultDeskURL = "http://127.0.0.1:9402"
    /// The environment variable naming the desk URL.
    package static let deskURLVariable = "COURTESY_DESK_URL"
    /// The environment variable holding the token.
    package static let tokenVariable = "COURTESY_TOKEN"
    /// The environment variable naming the CA file.
    package static let caFileVariable = "COURTESY_CA_FILE"
    /// The environment variable naming the configuration file.
    package static let configVariable = "COURTESY_CONFIG"
    /// The members a configuration file may have.
    package static let fileMembers = ["deskURL", "token", "caFile"]

    package init(deskURL: String, deskURLSource: Source, token: String, tokenSource: Source, caFile: String? = nil) {
        self.deskURL = deskURL
        self.deskURLSource = deskURLSource
        self.token = token
        self.tokenSource = tokenSource
        self.caFile = caFile
    }

    /// What to check when the desk refuses the token, naming where it came from.
    package var tokenHint: String {
        switch tokenSource {
        case .flag: "check --token"
        case .environment: "check \(Self.tokenVariable)"
        case .file(let path): "check the token in \(path)"
        case .builtIn: "give a token"
        }
    }
}
