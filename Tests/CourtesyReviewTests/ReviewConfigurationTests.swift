import CourtesyReview
import Foundation
import Testing

/// Resolves with files from `files` (path → contents) instead of the disk.
private func resolve(
    _ settings: ReviewSettings = ReviewSettings(), environment: [String: String] = [:],
    files: [String: String] = [:]
) throws(ReviewError) -> ReviewConfiguration {
    try ReviewConfiguration.resolve(
        settings, environment: environment, homeDirectory: "/home/ada",
        readFile: { path in files[path].map { Data($0.utf8) } })
}

private let homeFile = "/home/ada/.config/courtesy/review.json"

@Suite("Review configuration", .timeLimit(.minutes(1)))
struct ReviewConfigurationTests {
    @Test("a flag beats the environment, which beats the file")
    func precedence() throws {
        let files = [homeFile: #"{"deskURL": "http://file:1", "token": "file-token"}"#]
        let environment = ["COURTESY_DESK_URL": "http://env:2", "COURTESY_TOKEN": "env-token"]

        let fromFlags = try resolve(
            ReviewSettings(deskURL: "http://flag:3", token: "flag-token"), environment: environment, files: files)
        #expect(fromFlags.deskURL == "http://flag:3")
        #expect(fromFlags.token == "flag-token")
        #expect(fromFlags.tokenSource == .flag)

        let fromEnvironment = try resolve(environment: environment, files: files)
        #expect(fromEnvironment.deskURL == "http://env:2")
        #expect(fromEnvironment.token == "env-token")
        #expect(fromEnvironment.tokenHint == "check COURTESY_TOKEN")

        let fromFile = try resolve(files: files)
        #expect(fromFile.deskURL == "http://file:1")
        #expect(fromFile.token == "file-token")
        #expect(fromFile.tokenSource == .file(homeFile))
        #expect(fromFile.tokenHint == "check the token in \(homeFile)")
    }

    @Test("each value is resolved on its own: a token from the flag, the URL from the file")
    func mixedSources() throws {
        let configuration = try resolve(
            ReviewSettings(token: "flag-token"), files: [homeFile: #"{"deskURL": "https://desk.example/"}"#])
        #expect(configuration.deskURL == "https://desk.example")
        #expect(configuration.deskURLSource == .file(homeFile))
        #expect(configuration.tokenSource == .flag)
    }

    @Test("the CA file: the flag, else COURTESY_CA_FILE, else the file's caFile, relative to the file; else none")
    func caFile() throws {
        let files = [homeFile: #"{"token": "t", "caFile": "ca/desk-ca.pem"}"#]
        let environment = ["COURTESY_CA_FILE": "/etc/courtesy/env-ca.pem"]
        let fromFlag = try resolve(ReviewSettings(caFile: "/tmp/flag-ca.pem"), environment: environment, files: files)
        #expect(fromFlag.caFile == "/tmp/flag-ca.pem")
        #expect(try resolve(environment: environment, files: files).caFile == "/etc/courtesy/env-ca.pem")
        #expect(try resolve(files: files).caFile == "/home/ada/.config/courtesy/ca/desk-ca.pem")
        #expect(try resolve(environment: ["COURTESY_TOKEN": "t"]).caFile == nil)
        let absolute = [homeFile: #"{"token": "t", "caFile": "/srv/ca.pem"}"#]
        #expect(try resolve(files: absolute).caFile == "/srv/ca.pem")
    }

    @Test("without a desk URL anywhere, the local default")
    func defaultURL() throws {
        let configuration = try resolve(environment: ["COURTESY_TOKEN": "t"])
        #expect(configuration.deskURL == "http://127.0.0.1:9402")
        #expect(configuration.deskURLSource == .builtIn)
    }

    @Test("the file: --config, else COURTESY_CONFIG, else XDG_CONFIG_HOME, else ~/.config")
    func filePrecedence() throws {
        let files = [
            "/flag.json": #"{"token": "from-flag-file"}"#,
            "/env.json": #"{"token": "from-env-file"}"#,
            "/xdg/courtesy/review.json": #"{"token": "from-xdg"}"#,
            homeFile: #"{"token": "from-home"}"#,
        ]
        let environment = ["COURTESY_CONFIG": "/env.json", "XDG_CONFIG_HOME": "/xdg"]
        #expect(
            try resolve(ReviewSettings(configPath: "/flag.json"), environment: environment, files: files).token
                == "from-flag-file")
        #expect(try resolve(environment: environment, files: files).token == "from-env-file")
        #expect(try resolve(environment: ["XDG_CONFIG_HOME": "/xdg"], files: files).token == "from-xdg")
        #expect(try resolve(files: files).token == "from-home")
    }

    @Test("an unknown member in the file is refused, naming it")
    func unknownMember() throws {
        let error = #expect(throws: ReviewError.self) {
            try resolve(files: [homeFile: #"{"deskURL": "http://a:1", "tokn": "t"}"#])
        }
        #expect(error?.exitCode == .usage)
        #expect(error?.message.contains(#"unknown member "tokn""#) == true)
        #expect(error?.message.contains(homeFile) == true)
    }

    @Test(
        "a file that is not a JSON object of strings is refused",
        arguments: [#"{"token": 42}"#, "[]", "{not json", #""token""#])
    func malformedFile(_ contents: String) throws {
        let error = #expect(throws: ReviewError.self) { try resolve(files: [homeFile: contents]) }
        #expect(error?.exitCode == .usage)
    }

    @Test("no token anywhere: the error names the three ways to give one")
    func missingToken() throws {
        let error = #expect(throws: ReviewError.self) { try resolve(environment: ["COURTESY_TOKEN": ""]) }
        #expect(error?.exitCode == .usage)
        let message = try #require(error?.message)
        #expect(message.contains("--token"))
        #expect(message.contains("COURTESY_TOKEN"))
        #expect(message.contains(homeFile))
    }

    @Test("a named file must exist; the default one may be absent")
    func missingFile() throws {
        let named = #expect(throws: ReviewError.self) {
            try resolve(ReviewSettings(token: "t", configPath: "/nowhere.json"))
        }
        #expect(named?.message.contains("/nowhere.json") == true)
        let fromVariable = #expect(throws: ReviewError.self) {
            try resolve(ReviewSettings(token: "t"), environment: ["COURTESY_CONFIG": "/nowhere.json"])
        }
        #expect(fromVariable?.exitCode == .usage)
        #expect(try resolve(ReviewSettings(token: "t")).token == "t")
    }

    @Test(
        "a desk URL must be http or https with a host",
        arguments: ["ftp://desk", "desk:9402", "http://", "http://a/?q=1"])
    func badURL(_ url: String) throws {
        let error = #expect(throws: ReviewError.self) { try resolve(ReviewSettings(deskURL: url, token: "t")) }
        #expect(error?.message.contains("--desk-url") == true)
    }
}
