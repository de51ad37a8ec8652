import Foundation

extension ReviewConfiguration {
    /// The configuration for `settings`, in this order for each value: the flag, the environment
    /// variable, the configuration file, the default (a desk URL only; a token has none).
    ///
    /// The file is `--config`, else `$COURTESY_CONFIG`, else `$XDG_CONFIG_HOME/courtesy/review.json`,
    /// else `~/.config/courtesy/review.json`; one named by the flag or the variable must exist, a
    /// default one may be absent. `readFile` returns nil for a file that does not exist.
    package static func resolve(
        _ settings: ReviewSettings,
        environment: [String: String],
        homeDirectory: String,
        readFile: (String) throws -> Data? = Self.readFileIfPresent
    ) throws(ReviewError) -> ReviewConfiguration {
        func nonEmpty(_ value: String?) -> String? {
            guard let value, !value.isEmpty else { return nil }
            return value
        }
        let (path, explicit) = configPath(settings, environment: environment, homeDirectory: homeDirectory)
        let file: ConfigFile?
        do {
            file = try readFile(path).map { try ConfigFile(parsing: $0, path: path) }
        } catch let error as ReviewError {
            throw error
        } catch {
            throw ReviewError(.usage, "cannot read \(path): \(error)")
        }
        if file == nil && explicit {
            throw ReviewError(.usage, "the configuration file \(path) does not exist")
        }

        let deskURL: String
        let deskURLSource: Source
        if let value = nonEmpty(settings.deskURL) {
            (deskURL, deskURLSource) = (value, .flag)
        } else if let value = nonEmpty(environment[deskURLVariable]) {
            (deskURL, deskURLSource) = (value, .environment)
        } else if let value = nonEmpty(file?.deskURL) {
            (deskURL, deskURLSource) = (value, .file(path))
        } else {
            (deskURL, deskURLSource) = (defaultDeskURL, .builtIn)
        }

        let token: String
        let tokenSource: Source
        if let value = nonEmpty(settings.token) {
            (token, tokenSource) = (value, .flag)
        } else if let value = nonEmpty(environment[tokenVariable]) {
            (token, tokenSource) = (value, .environment)
        } else if let value = nonEmpty(file?.token) {
            (token, tokenSource) = (value, .file(path))
        } else {
            throw ReviewError(
                .usage,
                "no token: give --token TOKEN, set \(tokenVariable), or put \"token\" in \(path)")
        }
        // A relative path in the configuration file is taken from the file's directory, not the shell's.
        let caFile =
            nonEmpty(settings.caFile) ?? nonEmpty(environment[caFileVariable])
            ?? nonEmpty(file?.caFile).map { caPath in
                caPath.hasPrefix("/")
                    ? caPath
                    : URL(fileURLWithPath: path).deletingLastPathComponent().appendingPathComponent(caPath).path
            }
        return ReviewConfiguration(
            deskURL: try validatedURL(deskURL, source: deskURLSource), deskURLSource: deskURLSource,
            token: token.trimmingCharacters(in: .whitespacesAndNewlines), tokenSource: tokenSource, caFile: caFile)
    }

    /// The configuration file to read, and whether it was named (by `--config` or `$COURTESY_CONFIG`).
    static func configPath(
        _ settings: ReviewSettings, environment: [String: String], homeDirectory: String
    ) -> (path: String, explicit: Bool) {
        if let path = settings.configPath, !path.isEmpty { return (path, true) }
        if let path = environment[configVariable], !path.isEmpty { return (path, true) }
        if let base = environment["XDG_CONFIG_HOME"], !base.isEmpty {
            return (base + "/courtesy/review.json", false)
        }
        return (homeDirectory + "/.config/courtesy/review.json", false)
    }

    /// The contents of the file at `path`, or nil when there is no such file.
    package static func readFileIfPresent(_ path: String) throws -> Data? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        return try Data(contentsOf: URL(fileURLWithPath: path))
    }

    /// `text` as a desk URL: `http` or `https`, a host, no query; without a trailing slash.
    static func validatedURL(_ text: String, source: Source) throws(ReviewError) -> String {
        var trimmed = text.trimmingCharacters(in: .whitespaces)
        while trimmed.hasSuffix("/") { trimmed.removeLast() }
        guard let components = URLComponents(string: trimmed),
            let scheme = components.scheme?.lowercased(), scheme == "http" || scheme == "https",
            let host = components.host, !host.isEmpty,
            components.query == nil, components.fragment == nil
        else {
            let origin =
                switch source {
                case .flag: "--desk-url"
                case .environment: deskURLVariable
                case .file(let path): "deskURL in \(path)"
                case .builtIn: "the default"
                }
            throw ReviewError(.usage, "\(origin) is not an http(s) URL: \(text)")
        }
        return trimmed
    }
}
