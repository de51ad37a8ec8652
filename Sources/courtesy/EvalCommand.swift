import ArgumentParser

/// `courtesy eval`: how well Courtesy reads mentions and how good its drafts are.
struct EvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Measure the classifier's tone (eval tone, the default) or score the drafts (eval drafts).",
        subcommands: [EvalToneCommand.self, EvalDraftsCommand.self],
        defaultSubcommand: EvalToneCommand.self
    )
}
