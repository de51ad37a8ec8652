/// A person's decision on a draft: the `courtesy.decision/v1` event, the desk's audit log.
///
/// A decision repeats what it needs from its draft (mention, platform, conversation, agent, template
/// and times), so the log can be read on its own: to rebuild the desk, to build the reply again, or to
/// count decisions by template.
package struct Decision: Sendable, Hashable {
    /// The schema identifier this type reads and writes.
    package static let schema = "courtesy.decision/v1"

    /// Derived from the draft id (see ``identifier(draftId:)``): a draft has one decision, and a
    /// replayed or re-sent decision has the same id.
    package var id: String
    /// The draft decided on.
    package var draftId: String
    /// What was decided.
    package var action: DecisionAction
    /// The final reply text: the draft's for `approve`, the approver's for `edit`, the text of the
    /// answering reply for `answered`; `nil` for `reject`.
    package var text: String?
    /// The name of the approver who decided.
    package var approver: String
    /// Why: required for `reject`, optional otherwise.
    package var reason: String?
    /// For `answered`, the draft whose reply answers this one; `nil` otherwise.
    package var answeredBy: String?
    /// When the decision was made.
    package var decidedAt: Timestamp
    /// The mention the draft answers.
    package var mentionId: String
    /// Where the reply goes.
    package var platform: Platform
    /// The conversation key, `platform:authorId`.
    package var conversation: String
    /// The agent who signs the reply.
    package var agent: Draft.Agent
    /// The template and variant the draft was rendered from.
    package var template: Draft.TemplateChoice
    /// When the draft was made.
    package var draftCreatedAt: Timestamp
    /// The draft's reply-by deadline.
    package var replyBy: Timestamp
    /// When the mention was posted, when the desk knows it.
    package var mentionCreatedAt: Timestamp?
    /// The brand replying; absent in decisions recorded before the field existed.
    package var brand: String?
    /// The account to reply from ("@SkylarkAir"), when the brand's profile or the desk's accounts name one.
    package var account: String?
    /// The mention's address on the platform, when known.
    package var mentionUrl: String?

    /// Creates a decision from its fields; the desk uses ``init(draft:action:text:approver:reason:answeredBy:decidedAt:mentionCreatedAt:)``.
    package init(
        id: String, draftId: String, action: DecisionAction, text: String?, approver: String, reason: String?,
        answeredBy: String?, decidedAt: Timestamp, mentionId: String, platform: Platform, conversation: String,
        agent: Draft.Agent, template: Draft.TemplateChoice, draftCreatedAt: Timestamp, replyBy: Timestamp,
        mentionCreatedAt: Timestamp?
    ) {
        self.id = id
        self.draftId = draftId
        self.action = action
        self.text = text
        self.approver = approver
        self.reason = reason
        self.answeredBy = answeredBy
        self.decidedAt = decidedAt
        self.mentionId = mentionId
        self.platform = platform
        self.conversation = conversation
        self.agent = agent
        self.template = template
        self.draftCreatedAt = draftCreatedAt
        self.replyBy = replyBy
        self.mentionCreatedAt = mentionCreatedAt
    }

    /// Creates the decision on `draft`, copying what the log needs from it.
    package init(
        draft: Draft, action: DecisionAction, text: String?, approver: String, reason: String?,
        answeredBy: String? = nil, decidedAt: Timestamp, mentionCreatedAt: Timestamp? = nil
    ) {
        self.init(
            id: Decision.identifier(draftId: draft.id), draftId: draft.id, action: action, text: text,
            approver: approver, reason: reason, answeredBy: answeredBy, decidedAt: decidedAt,
            mentionId: draft.mentionId, platform: draft.platform, conversation: draft.conversation,
            agent: draft.agent, template: draft.template, draftCreatedAt: draft.createdAt, replyBy: draft.replyBy,
            mentionCreatedAt: mentionCreatedAt)
        brand = draft.brand
        account = draft.account
        mentionUrl = draft.mentionUrl
    }
}

extension Decision {
    /// The decision id for a draft: `c_` and 24 hex digits (96 bits) of a keyed SipHash of the draft id.
    ///
    /// It depends on the draft alone because a draft has at most one decision that counts (the first);
    /// a decision sent again, or a later one for the same draft, has the same id and is recognised.
    package static func identifier(draftId: String) -> String {
        var draftId = draftId
        let (high, low) = draftId.withUTF8 { bytes in
            (
                StableHash.sipHash24(bytes, key0: 0x436F_7572_7465_7379, key1: 0x6465_6369_6465_2F31),
                StableHash.sipHash24(bytes, key0: 0x6465_6369_7369_6F6E, key1: 0x6F6E_6365_2D6F_6E6C)
            )
        }
        var output: [UInt8] = [UInt8(ascii: "c"), UInt8(ascii: "_")]
        output.reserveCapacity(26)
        StableHash.appendHex(high, digits: 16, to: &output)
        StableHash.appendHex(low >> 32, digits: 8, to: &output)
        return String(decoding: output, as: UTF8.self)
    }
}
