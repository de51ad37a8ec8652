import ArgumentParser

/// `courtesy templates …`: work with the reply templates.
struct TemplatesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "templates",
        abstract: "Work with the reply templates.",
        subcommands: [TemplatesCheckCommand.self]
    )
}
