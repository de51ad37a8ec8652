/// How `courtesy review` ends, for scripts; `docs/review.md` lists them.
package enum ReviewExitCode: Int32, Sendable, Hashable, CaseIterable {
    /// The request succeeded, or the review loop ended normally.
    case success = 0
    /// Something unexpected: a server error (5xx other than 503), an answer this client does not understand.
    case failure = 1
    /// Unauthorized (401) or forbidden (403).
    case unauthorized = 3
    /// No such draft (404).
    case notFound = 4
    /// The draft was already decided (409).
    case conflict = 5
    /// The desk refused the input (400, 422), or an edit left the reply empty or unchanged.
    case invalidInput = 6
    /// The desk could not be reached (refused, timed out) or is unavailable (503).
    case unavailable = 7
    /// A bad flag or argument, or a bad configuration; the argument parser's own code for usage errors
    /// (`EX_USAGE`).
    case usage = 64
}
