import ArgumentParser

/// `courtesy review …`: the approvers' client of the desk.
struct ReviewCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review",
        abstract: "Review drafted replies at the desk: list, show, approve, reject, or go through them with next.",
        discussion: """
            The desk's URL and your token come from --desk-url and --token, else COURTESY_DESK_URL and \
            COURTESY_TOKEN, else a configuration file (--config, else $COURTESY_CONFIG, else \
            $XDG_CONFIG_HOME/courtesy/review.json or ~/.config/courtesy/review.json) with the members \
            "deskURL" and "token". An https desk's certificate is verified; --ca-file (or COURTESY_CA_FILE, \
            or "caFile" in the file) adds the certificate authority of a desk with a private one. Exit codes: 0 success, 1 unexpected or server error, 3 unauthorized or \
            forbidden, 4 not found, 5 already decided, 6 invalid input, 7 desk unreachable or unavailable, \
            64 usage or configuration error. See docs/review.md.
            """,
        subcommands: [
            ReviewListCommand.self,
            ReviewShowCommand.self,
            ReviewApproveCommand.self,
            ReviewRejectCommand.self,
            ReviewNextCommand.self,
            ReviewWhoamiCommand.self,
            ReviewUnknownCommand.self,
        ],
        defaultSubcommand: ReviewUnknownCommand.self
    )
}
