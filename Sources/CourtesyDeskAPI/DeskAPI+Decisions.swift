import CourtesyCore

extension DeskAPI {
    /// A recorded decision as the API shows it.
    public struct DecisionView: Codable, Sendable, Hashable {
        public var draftId: String
        public var decisionId: String
        /// `approve`, `edit`, `reject` or `answered`.
        public var action: DecisionAction
        public var approver: String
        /// RFC 3339.
        public var decidedAt: String
        public var reason: String?
        /// For `answered`: the draft whose reply answered this one.
        public var answeredBy: String?
        /// The reply text, for `approve`, `edit` and `answered`.
        public var text: String?

        public init(_ decision: Decision) {
            draftId = decision.draftId
            decisionId = decision.id
            action = decision.action
            approver = decision.approver
            decidedAt = decision.decidedAt.rfc3339
            reason = decision.reason
            answeredBy = decision.answeredBy
            text = decision.text
        }

        public init(_ record: DecisionRecord) {
            draftId = record.draftId
            decisionId = record.decisionId
            action = record.action
            approver = record.approver
            decidedAt = record.decidedAt.rfc3339
            reason = record.reason
            answeredBy = record.answeredBy
            text = nil
        }
    }

    /// `GET /v1/drafts/{id}`: a pending draft with its conversation, or the decision that closed it.
    public struct DraftDetail: Codable, Sendable, Hashable {
        /// `pending` or `decided`.
        public var status: String
        /// The draft, when pending.
        public var draft: DraftView?
        /// Every pending draft of its conversation, this one included, oldest first, when pending.
        public var conversation: [DraftView]?
        /// The decision, when decided.
        public var decision: DecisionView?

        public init(status: String, draft: DraftView?, conversation: [DraftView]?, decision: DecisionView?) {
            self.status = status
            self.draft = draft
            self.conversation = conversation
            self.decision = decision
        }
    }

    /// `POST /v1/drafts/{id}/approve`.
    public struct ApproveRequest: Codable, Sendable, Hashable {
        /// The reply to send instead of the drafted one (records `edit`); absent to send the draft as is.
        public var text: String?
        /// An optional note for the decision log.
        public var reason: String?
        /// `conversation` (the default: the reply answers the customer's other pending drafts too) or `draft`.
        public var scope: String?

        public init(text: String? = nil, reason: String? = nil, scope: String? = nil) {
            self.text = text
            self.reason = reason
            self.scope = scope
        }
    }

    /// `POST /v1/drafts/{id}/reject`.
    public struct RejectRequest: Codable, Sendable, Hashable {
        /// Why; required.
        public var reason: String

        public init(reason: String) {
            self.reason = reason
        }
    }

    /// The reply an approval published to the replies topic.
    public struct ReplyView: Codable, Sendable, Hashable {
        public var id: String
        public var platform: Platform
        public var inReplyTo: String
        public var text: String
        public var approvedBy: String
        public var approvedAt: String

        public init(_ reply: Reply) {
            id = reply.id
            platform = reply.platform
            inReplyTo = reply.inReplyTo
            text = reply.text
            approvedBy = reply.approvedBy
            approvedAt = reply.approvedAt.rfc3339
        }
    }

    /// What an approval or a rejection recorded: the decision on the draft named first, then the
    /// `answered` decisions of its conversation; the reply for an approval.
    public struct DecisionResult: Codable, Sendable, Hashable {
        public var decisions: [DecisionView]
        public var reply: ReplyView?

        public init(decisions: [DecisionView], reply: ReplyView?) {
            self.decisions = decisions
            self.reply = reply
        }
    }
}
