import CourtesyDeskAPI

/// Why a review command failed: a message for a person and the exit code for scripts.
///
/// The one error type of the review layer; HTTP statuses, transport failures and configuration
/// problems all become one of these, in ``ReviewError/init(status:body:tokenHint:)`` and its siblings.
package struct ReviewError: Error, Sendable, Hashable, CustomStringConvertible {
    /// How the command should exit.
    package var exitCode: ReviewExitCode
    /// One line for a person, without the `courtesy review:` prefix.
    package var message: String
    /// For a conflict: the decision that stands, when the desk named it.
    package var decision: DeskAPI.DecisionView?

    package init(_ exitCode: ReviewExitCode, _ message: String, decision: DeskAPI.DecisionView? = nil) {
        self.exitCode = exitCode
        self.message = message
        self.decision = decision
    }

    package var description: String { message }
}
