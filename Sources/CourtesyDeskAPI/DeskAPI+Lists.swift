import CourtesyCore

extension DeskAPI {
    /// `GET /v1/drafts`: pending drafts in queue order (earliest reply-by, then most urgent).
    package struct DraftList: Codable, Sendable, Hashable {
        /// The drafts returned, at most the limit asked for.
        package var drafts: [DraftView]
        /// How many pending drafts match the filter, beyond the limit too.
        package var matching: Int
        /// How many drafts are pending in all.
        package var pending: Int
        /// Approved replies the publisher has recorded as posted, and as refused by the receiver, on
        /// `courtesy.publications`; absent from a desk that does not read it.
        package var posted: Int?
        package var failedToPost: Int?

        package init(drafts: [DraftView], matching: Int, pending: Int, posted: Int? = nil, failedToPost: Int? = nil) {
            self.drafts = drafts
            self.matching = matching
            self.pending = pending
            self.posted = posted
            self.failedToPost = failedToPost
        }
    }

    /// One customer's pending drafts, shown together so one reply can answer them all.
    package struct ConversationView: Codable, Sendable, Hashable {
        /// The conversation key, `platform:authorId`.
        package var conversation: String
        /// Its pending drafts, oldest first.
        package var drafts: [DraftView]

        package init(conversation: String, drafts: [DraftView]) {
            self.conversation = conversation
            self.drafts = drafts
        }
    }

    /// `GET /v1/conversations`: pending conversations, the most urgent first.
    package struct ConversationList: Codable, Sendable, Hashable {
        package var conversations: [ConversationView]
        /// How many conversations match the filter, beyond the limit too.
        package var matching: Int

        package init(conversations: [ConversationView], matching: Int) {
            self.conversations = conversations
            self.matching = matching
        }
    }

    /// `GET /v1/summary`: the queue at a glance.
    package struct Summary: Codable, Sendable, Hashable {
        package var pending: Int
        /// Pending drafts per priority level (`urgent`, `high`, `normal`, `low`), zeros included.
        package var pendingByPriority: [String: Int]
        /// Pending drafts past their reply-by deadline.
        package var overdue: Int
        /// Drafts with a decision (those whose draft has not arrived yet included).
        package var decided: Int

        package init(pending: Int, pendingByPriority: [String: Int], overdue: Int, decided: Int) {
            self.pending = pending
            self.pendingByPriority = pendingByPriority
            self.overdue = overdue
            self.decided = decided
        }
    }

    /// `GET /v1/me`: who the token belongs to.
    package struct Identity: Codable, Sendable, Hashable {
        package var name: String
        package var role: ApproverRole

        package init(name: String, role: ApproverRole) {
            self.name = name
            self.role = role
        }
    }
}
