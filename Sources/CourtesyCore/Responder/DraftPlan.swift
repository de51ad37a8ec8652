/// Everything decided about a draft before it is written out: classification, greeting, agent and reply.
///
/// ``Responder/draft(for:recentMentions:at:)`` turns a plan into a ``Draft``; the hot path writes the
/// same plan straight to JSON. Both make their plan with ``Responder/plan(text:author:engagement:platform:conversation:seed:recentMentions:earlier:mentionTime:at:)``,
/// so they cannot decide differently.
struct DraftPlan {
    let classification: Classification
    /// How the reply answers the mention (its template kind); its tone is the draft's tone.
    let replyKind: ReplyKind
    /// The first name the reply greets, if any.
    let customerName: String?
    /// The owning agent's index in the roster, or `nil` for ``Responder/teamAgent``.
    let agent: Int?
    /// The reply, decided but not yet made.
    let reply: ReplyChoice
    /// What the mention says.
    let facts: [Fact]
    /// The conversation's earlier contacts the reply took into account, newest first.
    let earlier: [ConversationContact]
    /// The account the reply is sent from, when the brand's profile names one for the platform.
    var account: String? = nil
}
