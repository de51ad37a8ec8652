import ArgumentParser
import CourtesyReview
import Foundation

/// What `courtesy review WORD` runs when WORD is no review command: it names the command WORD most
/// likely misspells. Hidden, and the review command's default, so that it sees every word that is not
/// a command, with whatever follows it.
struct ReviewUnknownCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "unknown", shouldDisplay: false)

    @Argument(parsing: .allUnrecognized, help: .hidden)
    var words: [String] = []

    func run() async throws {
        guard let word = words.first else { throw CleanExit.helpRequest(ReviewCommand.self) }
        let names = ReviewCommand.configuration.subcommands.compactMap { command in
            ObjectIdentifier(command) == ObjectIdentifier(ReviewUnknownCommand.self)
                ? nil : command.configuration.commandName
        }
        let message = CommandSuggestion.message(unknown: word, command: "courtesy review", names: names)
        FileHandle.standardError.write(Data("courtesy review: \(message)\n".utf8))
        throw ExitCode(ReviewExitCode.usage.rawValue)
    }
}
