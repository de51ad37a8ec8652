import ArgumentParser
import CourtesyReview

/// `courtesy review whoami`: whose token this is, and at which desk.
struct ReviewWhoamiCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "whoami",
        abstract: "Show whose token is in use, with its role, and the desk's URL.")

    @OptionGroup var options: ReviewOptions

    func run() async throws {
        try await options.run { client, configuration in
            let response = try await client.identity()
            options.print(response) { identity in
                ["\(TerminalText.oneLine(identity.name)) (\(identity.role.rawValue)) at \(configuration.deskURL)"]
            }
        }
    }
}
