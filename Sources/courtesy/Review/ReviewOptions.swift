import ArgumentParser
import CourtesyCommandSupport
import CourtesyReview
import Foundation

/// `--desk-url`, `--token`, `--ca-file`, `--config` and `--json`, shared by every review command.
struct ReviewOptions: ParsableArguments {
    @Option(
        name: .customLong("desk-url"),
        help: ArgumentHelp(
            "The desk's URL (default: $COURTESY_DESK_URL, else the configuration file, else \(ReviewConfiguration.defaultDeskURL)).",
            valueName: "URL"))
    var deskURL: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Your token (default: $COURTESY_TOKEN, else the configuration file); visible to other users in the process list.",
            valueName: "TOKEN"))
    var token: String?

    @Option(
        name: .customLong("ca-file"),
        help: ArgumentHelp(
            "A PEM file of the certificate authority that signed the desk's certificate, trusted besides the system's (default: $COURTESY_CA_FILE, else the configuration file).",
            valueName: "PATH"))
    var caFile: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "A configuration file with \"deskURL\", \"token\" and \"caFile\" (default: $COURTESY_CONFIG, else ~/.config/courtesy/review.json).",
            valueName: "PATH"))
    var config: String?

    @Flag(name: .long, help: "Print the desk's JSON answers instead of tables, for scripts.")
    var json = false

    /// Resolves the configuration and runs `body` with a client of the desk; a ``ReviewError`` is
    /// printed to standard error and becomes the exit code.
    func run(_ body: (any DeskClient, ReviewConfiguration) async throws -> Void) async throws {
        do {
            let environment = ProcessInfo.processInfo.environment
            let configuration = try ReviewConfiguration.resolve(
                ReviewSettings(deskURL: deskURL, token: token, configPath: config, caFile: caFile),
                environment: environment,
                homeDirectory: environment["HOME"].flatMap { $0.isEmpty ? nil : $0 }
                    ?? FileManager.default.homeDirectoryForCurrentUser.path)
            try await HTTPDeskClient.with(configuration: configuration) { client in
                try await body(client, configuration)
            }
        } catch let error as ReviewError {
            FileHandle.standardError.write(Data("courtesy review: \(error.message)\n".utf8))
            throw ExitCode(error.exitCode.rawValue)
        }
    }

    /// Prints a desk answer: its JSON with `--json`, else `lines`.
    func print<Body>(_ response: DeskResponse<Body>, _ lines: (Body) -> [String]) {
        if json {
            TerminalOutput(printsJSON: true).json(response.json)
        } else {
            for line in lines(response.body) { Console.line(line) }
        }
    }

    /// A renderer for the terminal at this moment.
    var renderer: ReviewRenderer {
        ReviewRenderer(now: .now(), width: TerminalSize.columns())
    }
}
