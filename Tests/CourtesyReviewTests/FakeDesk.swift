import CourtesyDeskAPI
import CourtesyReview

/// A desk in memory: pending conversations, decisions as the real desk records them, and every call
/// made, for the loop's tests.
actor FakeDesk: DeskClient {
    var conversations: [DeskAPI.ConversationView]
    var identityAnswer = DeskAPI.Identity(name: "Ada Lovelace", role: .approver)
    /// Errors to throw instead of deciding, by draft id.
    var refusals: [String: ReviewError] = [:]
    /// Decided drafts, as `show` tells of them.
    var decided: [String: (decision: DeskAPI.DecisionView, publication: DeskAPI.PublicationView?)] = [:]
    /// Every call, e.g. `approve d1 text=nil scope=nil`.
    private(set) var calls: [String] = []

    init(_ conversations: [DeskAPI.ConversationView]) {
        self.conversations = conversations
    }

    func refuse(_ id: String, with error: ReviewError) {
        refusals[id] = error
    }

    /// Records `decision` as someone else's: the draft leaves the queue and `show` tells of it.
    func decide(_ decision: DeskAPI.DecisionView, publication: DeskAPI.PublicationView? = nil) {
        remove([decision.draftId])
        decided[decision.draftId] = (decision, publication)
    }

    func identity() async throws(ReviewError) -> DeskResponse<DeskAPI.Identity> {
        calls.append("identity")
        return DeskResponse(encoding: identityAnswer)
    }

    func drafts(_ query: DeskQuery) async throws(ReviewError) -> DeskResponse<DeskAPI.DraftList> {
        calls.append("drafts")
        let all = conversations.flatMap(\.drafts)
        let drafts = Array(all.prefix(query.limit ?? DeskAPI.defaultLimit))
        return DeskResponse(encoding: DeskAPI.DraftList(drafts: drafts, matching: all.count, pending: all.count))
    }

    func conversations(_ query: DeskQuery) async throws(ReviewError) -> DeskResponse<DeskAPI.ConversationList> {
        calls.append("conversations limit=\(query.limit.map(String.init) ?? "-")")
        let matching = conversations.filter { conversation in
            query.intent.map { intent in conversation.drafts.contains { $0.intent == intent } } ?? true
        }
        let page = Array(matching.prefix(query.limit ?? DeskAPI.defaultLimit))
        return DeskResponse(encoding: DeskAPI.ConversationList(conversations: page, matching: matching.count))
    }

    func draft(id: String) async throws(ReviewError) -> DeskResponse<DeskAPI.DraftDetail> {
        calls.append("draft \(id)")
        for conversation in conversations {
            if let draft = conversation.drafts.first(where: { $0.id == id }) {
                return DeskResponse(
                    encoding: DeskAPI.DraftDetail(
                        status: "pending", draft: draft, conversation: conversation.drafts, decision: nil))
            }
        }
        if let (decision, publication) = decided[id] {
            return DeskResponse(
                encoding: DeskAPI.DraftDetail(
                    status: "decided", draft: nil, conversation: nil, decision: decision, publication: publication))
        }
        throw ReviewError(.notFound, "no draft \(id)")
    }

    func approve(id: String, _ request: DeskAPI.ApproveRequest) async throws(ReviewError)
        -> DeskResponse<DeskAPI.DecisionResult>
    {
        calls.append("approve \(id) text=\(request.text ?? "nil") scope=\(request.scope ?? "nil")")
        try refuseIfAsked(id)
        guard let draft = try await self.draft(id: id).body.draft else {
            throw ReviewError(.conflict, "draft \(id) was already decided", decision: decided[id]?.decision)
        }
        let action = request.text == nil ? "approve" : "edit"
        var decisions = [Fixture.decision(draftId: id, action: action, approver: identityAnswer.name)]
        let others = request.scope == "draft" ? [] : siblings(of: id)
        decisions += others.map {
            Fixture.decision(draftId: $0.id, action: "answered", approver: identityAnswer.name, answeredBy: id)
        }
        remove([id] + others.map(\.id))
        let reply = Fixture.reply(draftId: id, text: request.text ?? draft.text, approver: identityAnswer.name)
        return DeskResponse(encoding: DeskAPI.DecisionResult(decisions: decisions, reply: reply))
    }

    func reject(id: String, _ request: DeskAPI.RejectRequest) async throws(ReviewError)
        -> DeskResponse<DeskAPI.DecisionResult>
    {
        calls.append("reject \(id) reason=\(request.reason)")
        try refuseIfAsked(id)
        _ = try await draft(id: id)
        remove([id])
        let decision = Fixture.decision(
            draftId: id, action: "reject", approver: identityAnswer.name, reason: request.reason)
        return DeskResponse(encoding: DeskAPI.DecisionResult(decisions: [decision], reply: nil))
    }

    /// The decisions recorded, in the order they were asked for.
    var decisions: [String] {
        calls.filter { $0.hasPrefix("approve") || $0.hasPrefix("reject") }
    }

    /// Throws the refusal set for `id`; a conflict means someone else decided it, so it leaves the queue.
    private func refuseIfAsked(_ id: String) throws(ReviewError) {
        guard let error = refusals[id] else { return }
        if error.exitCode == .conflict { remove([id]) }
        throw error
    }

    private func siblings(of id: String) -> [DeskAPI.DraftView] {
        conversations.first { $0.drafts.contains { $0.id == id } }?.drafts.filter { $0.id != id } ?? []
    }

    private func remove(_ ids: [String]) {
        conversations = conversations.compactMap { conversation in
            let drafts = conversation.drafts.filter { !ids.contains($0.id) }
            return drafts.isEmpty
                ? nil : DeskAPI.ConversationView(conversation: conversation.conversation, drafts: drafts)
        }
    }
}
