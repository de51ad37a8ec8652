/// An approved reply, ready for a delivery connector to post: the `courtesy.reply/v1` event.
///
/// Every reply comes from an `approve` or `edit` ``Decision``; nothing else makes one.
package struct Reply: Sendable, Hashable {
    /// The schema identifier this type reads and writes.
    package static let schema = "courtesy.reply/v1"

    /// The draft id: the idempotency key, so a connector posts each reply once.
    package var id: String
    /// Where to post it.
    package var platform: Platform
    /// The conversation key, `platform:authorId` (the message key on the replies topic).
    package var conversation: String
    /// The id of the mention this replies to.
    package var inReplyTo: String
    /// What to post.
    package var text: String
    /// The agent who signs it.
    package var agent: Draft.Agent
    /// The name of the approver who approved it.
    package var approvedBy: String
    /// When it was approved.
    package var approvedAt: Timestamp
    /// When the mention was posted, when known: the start of time-to-first-reply.
    package var mentionCreatedAt: Timestamp?
    /// The brand replying; absent in replies approved before the field existed.
    package var brand: String?
    /// The handle or page to reply from, when the brand's profile or the desk's accounts name one;
    /// otherwise the publisher's receiver chooses.
    package var account: String?
    /// The mention's address on the platform, when known.
    package var url: String?

    /// Creates a reply from its fields.
    package init(
        id: String, platform: Platform, conversation: String, inReplyTo: String, text: String, agent: Draft.Agent,
        approvedBy: String, approvedAt: Timestamp, mentionCreatedAt: Timestamp?
    ) {
        self.id = id
        self.platform = platform
        self.conversation = conversation
        self.inReplyTo = inReplyTo
        self.text = text
        self.agent = agent
        self.approvedBy = approvedBy
        self.approvedAt = approvedAt
        self.mentionCreatedAt = mentionCreatedAt
    }

    /// The reply an `approve` or `edit` decision publishes, or `nil` for any other decision.
    package init?(decision: Decision) {
        guard decision.action.publishesReply, let text = decision.text else { return nil }
        self.init(
            id: decision.draftId, platform: decision.platform, conversation: decision.conversation,
            inReplyTo: decision.mentionId, text: text, agent: decision.agent, approvedBy: decision.approver,
            approvedAt: decision.decidedAt, mentionCreatedAt: decision.mentionCreatedAt)
        brand = decision.brand
        account = decision.account
        url = decision.mentionUrl
    }
}
