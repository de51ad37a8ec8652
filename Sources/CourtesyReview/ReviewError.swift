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

extension ReviewError {
    /// The error for a draft id the desk does not know, echoing the id as it was typed:
    /// `no draft "abc123" on the desk`, with a reminder of what ids look like when it does not look like one.
    package static func draftNotFound(_ id: String) -> ReviewError {
        let looksLikeAnId =
            id.hasPrefix("d_") && id.utf8.count == 26
            && id.utf8.dropFirst(2).allSatisfy { byte in
                (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
                    || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(byte)
            }
        let hint = looksLikeAnId ? "" : " (draft ids look like d_0123456789abcdef01234567)"
        return ReviewError(.notFound, "no draft \(TerminalText.quoted(id)) on the desk\(hint)")
    }

    /// This error, or ``draftNotFound(_:)`` for `id` when it says the draft is not found (not when the
    /// desk says it has no such route: a desk URL with a wrong path).
    package func naming(draft id: String) -> ReviewError {
        exitCode == .notFound && !message.hasPrefix("no route") ? .draftNotFound(id) : self
    }
}
