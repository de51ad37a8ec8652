import ArgumentParser
import CourtesyReview
import Foundation

/// `courtesy review next`: the interactive review loop.
struct ReviewNextCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "next",
        abstract: "Go through pending drafts, most urgent conversation first, deciding each one.",
        discussion: """
            Shows the most urgent draft beside its whole mention and the customer's other pending mentions, \
            then asks: a approves it as drafted, e edits it in $EDITOR and asks whether to send the result, \
            r rejects it with a reason, s skips the conversation for this session, q quits (as does the end \
            of input). An edited reply someone else's decision overtook is saved in a file and shown. \
            An approval answers the customer's other pending drafts too. With --json, the desk's answers \
            go to standard output and everything else to standard error.
            """)

    @OptionGroup var filters: ReviewFilterOptions

    @OptionGroup var options: ReviewOptions

    func run() async throws {
        try await options.run { client, _ in
            let loop = ReviewLoop(
                client: client,
                input: TerminalInput(promptsToStandardError: options.json),
                output: TerminalOutput(printsJSON: options.json),
                editor: ExternalEditor(
                    command: ExternalEditor.command(environment: ProcessInfo.processInfo.environment)),
                query: try filters.query(),
                width: TerminalSize.columns())
            _ = try await loop.run()
        }
    }
}
