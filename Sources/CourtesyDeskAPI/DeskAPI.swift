import CourtesyCore

/// The desk's HTTP API, shared by the `courtesy desk` service and the `courtesy review` CLI.
///
/// JSON over HTTP/1.1; every route under ``pathPrefix`` needs `Authorization: Bearer <token>`. The
/// bodies are the Codable types nested here; errors are an ``ErrorBody`` with the status
/// ``ErrorCode/status`` gives. `docs/desk-api.md` describes every route.
package enum DeskAPI {
    /// The prefix of every authenticated route.
    package static let pathPrefix = "/v1"
    /// The most drafts one list returns.
    package static let maximumLimit = 1_000
    /// The list size when the request names none.
    package static let defaultLimit = 100
}
