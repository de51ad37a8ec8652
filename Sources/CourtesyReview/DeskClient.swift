import CourtesyDeskAPI

/// The desk's HTTP API as calls; ``HTTPDeskClient`` is the real one.
///
/// Every call throws ``ReviewError`` for a refusal (with the exit code of its status) or when the desk
/// cannot be reached.
package protocol DeskClient: Sendable {
    /// `GET /v1/me`.
    func identity() async throws(ReviewError) -> DeskResponse<DeskAPI.Identity>
    /// `GET /v1/drafts`.
    func drafts(_ query: DeskQuery) async throws(ReviewError) -> DeskResponse<DeskAPI.DraftList>
    /// `GET /v1/conversations`.
    func conversations(_ query: DeskQuery) async throws(ReviewError) -> DeskResponse<DeskAPI.ConversationList>
    /// `GET /v1/drafts/{id}`.
    func draft(id: String) async throws(ReviewError) -> DeskResponse<DeskAPI.DraftDetail>
    /// `POST /v1/drafts/{id}/approve`.
    func approve(id: String, _ request: DeskAPI.ApproveRequest) async throws(ReviewError)
        -> DeskResponse<DeskAPI.DecisionResult>
    /// `POST /v1/drafts/{id}/reject`.
    func reject(id: String, _ request: DeskAPI.RejectRequest) async throws(ReviewError)
        -> DeskResponse<DeskAPI.DecisionResult>
}
