import CourtesyCore

extension DeskAPI {
    /// A recorded decision as the API shows it.
    package struct DecisionView: Codable, Sendable, Hashable {
        package var draftId: String
        package var decisionId: String
        /// `approve`, `edit`, `reject` or `answered`.
        package var action: DecisionAction
        package var approver: String
        /// RFC 3339.
        package var decidedAt: String
        package var reason: String?
        /// For `answered`: the draft whose reply answered this one.
        package var answeredBy: String?
        /// The reply text: for `approve`, `edit` and `answered` in a decision just made; for `approve` and
        /// `edit` in a decision the desk recorded earlier (`GET /v1/drafts/{id}`, a conflict).
        package var text: String?

        package init(_ decision: Decision) {
            draftId = decision.draftId
            decisionId = decision.id
            action = decision.action
            approver = decision.approver
            decidedAt = decision.decidedAt.rfc3339
            reason = decision.reason
            answeredBy = decision.answeredBy
            text = decision.text
        }

        package init(_ record: DecisionRecord) {
            draftId = record.draftId
            decisionId = record.decisionId
            action = record.action
            approver = record.approver
            decidedAt = record.decidedAt.rfc3339
            reason = record.reason
            answeredBy = record.answeredBy
            text = record.text
        }
    }

    /// `GET /v1/drafts/{id}`: a pending draft with its conversation, or the decision that closed it.
    package struct DraftDetail: Codable, Sendable, Hashable {
        /// `pending` or `decided`.
        package var status: String
        /// The draft, when pending.
        package var draft: DraftView?
        /// Every pending draft of its conversation, this one included, oldest first, when pending.
        package var conversation: [DraftView]?
        /// The decision, when decided.
        package var decision: DecisionView?
        /// What the publisher recorded for the approved reply, once the desk has read it; absent while the
        /// reply is queued for posting, and for drafts that were not approved.
        package var publication: PublicationView?

        package init(
            status: String, draft: DraftView?, conversation: [DraftView]?, decision: DecisionView?,
            publication: PublicationView? = nil
        ) {
            self.status = status
            self.draft = draft
            self.conversation = conversation
            self.decision = decision
            self.publication = publication
        }
    }

    /// The outcome of posting an approved reply, as `courtesy publish` recorded it on `courtesy.publications`.
    package struct PublicationView: Codable, Sendable, Hashable {
        /// `posted`, or `failed` when the receiver refused it for good (the reply went to the dead letters).
        package var outcome: String
        /// RFC 3339: when the outcome was recorded.
        package var at: String
        /// The receiver's HTTP status.
        package var status: Int?
        /// The id the receiver gave the post, when it returned one.
        package var postId: String?
        /// Why it failed.
        package var reason: String?

        package init(outcome: String, at: String, status: Int?, postId: String?, reason: String?) {
            self.outcome = outcome
            self.at = at
            self.status = status
            self.postId = postId
            self.reason = reason
        }

        /// The view of what the publisher recorded.
        package init(_ publication: Publication) {
            self.init(
                outcome: publication.outcome.rawValue, at: publication.at.rfc3339, status: publication.status,
                postId: publication.postId, reason: publication.reason)
        }
    }

    /// `POST /v1/drafts/{id}/approve`.
    package struct ApproveRequest: Codable, Sendable, Hashable {
        /// The reply to send instead of the drafted one (records `edit`); absent to send the draft as is.
        package var text: String?
        /// An optional note for the decision log.
        package var reason: String?
        /// `conversation` (the default: the reply answers the customer's other pending drafts too) or `draft`.
        package var scope: String?

        package init(text: String? = nil, reason: String? = nil, scope: String? = nil) {
            self.text = text
            self.reason = reason
            self.scope = scope
        }
    }

    /// `POST /v1/drafts/{id}/reject`.
    package struct RejectRequest: Codable, Sendable, Hashable {
        /// Why; required.
        package var reason: String

        package init(reason: String) {
            self.reason = reason
        }
    }

    /// The reply an approval published to the replies topic.
    package struct ReplyView: Codable, Sendable, Hashable {
        package var id: String
        package var platform: Platform
        package var inReplyTo: String
        package var text: String
        package var approvedBy: String
        package var approvedAt: String

        package init(_ reply: Reply) {
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
    package struct DecisionResult: Codable, Sendable, Hashable {
        package var decisions: [DecisionView]
        package var reply: ReplyView?

        package init(decisions: [DecisionView], reply: ReplyView?) {
            self.decisions = decisions
            self.reply = reply
        }
    }
}
