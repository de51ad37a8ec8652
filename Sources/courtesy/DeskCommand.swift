import ArgumentParser

struct DeskCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "desk",
        abstract: "The approval desk: the queue of drafts, and the HTTP API approvers' decisions go through.",
        subcommands: [DeskServeCommand.self, DeskTokenCommand.self, DeskHashTokenCommand.self],
        defaultSubcommand: DeskServeCommand.self
    )
}
