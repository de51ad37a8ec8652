import CourtesyCore
import CourtesyDeskAPI

/// What the desk's routes ask of the desk: the queue's views and its decisions. ``DeskService`` is the one
/// that runs; the route tests give the routes a stand-in, with no broker behind it.
package protocol DeskOperations: Sendable {
    func summary() async throws(DeskAPIError) -> DeskAPI.Summary
    func list(filter: DeskFilter, limit: Int) async throws(DeskAPIError) -> DeskAPI.DraftList
    func conversations(filter: DeskFilter, limit: Int) async throws(DeskAPIError) -> DeskAPI.ConversationList
    func show(_ id: String) async throws(DeskAPIError) -> DeskAPI.DraftDetail
    func decide(
        _ id: String, _ request: DecisionRequest, by approver: Approver, scope: DecisionScope
    ) async throws(DeskAPIError) -> DeskAPI.DecisionResult
}

extension DeskService: DeskOperations {}
