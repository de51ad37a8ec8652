import CourtesyCore

extension DeskAPI {
    /// `GET /v1/drafts`: pending drafts in queue order (earliest reply-by, then most urgent).
    public struct DraftList: Codable, Sendable, Hashable {
        /// The drafts returned, at most the limit asked for.
        public var drafts: [DraftView]
        /// How many pending drafts match the filter, beyond the limit too.
        public var matching: Int
        /// How many drafts are pending in all.
        public var pending: Int

        public init(drafts: [DraftView], matching: Int, pending: Int) {
            self.drafts = drafts
            self.matching = matching
            self.pending = pending
        }
    }

    /// One customer's pending drafts, shown together so one reply can answer them all.
    public struct ConversationView: Codable, Sendable, Hashable {
        /// The conversation key, `platform:authorId`.
        public var conversation: String
        /// Its pending drafts, oldest first.
        public var drafts: [DraftView]

        public init(conversation: String, drafts: [DraftView]) {
            self.conversation = conversation
            self.drafts = drafts
        }
    }

    /// `GET /v1/conversations`: pending conversations, the most urgent first.
    public struct ConversationList: Codable, Sendable, Hashable {
        public var conversations: [ConversationView]
        /// How many conversations match the filter, beyond the limit too.
        public var matching: Int

        public init(conversations: [ConversationView], matching: Int) {
            self.conversations = conversations
            self.matching = matching
        }
    }

    /// `GET /v1/summary`: the queue at a glance.
    public struct Summary: Codable, Sendable, Hashable {
        public var pending: Int
        /// Pending drafts per priority level (`urgent`, `high`, `normal`, `low`), zeros included.
        public var pendingByPriority: [String: Int]
        /// Pending drafts past their reply-by deadline.
        public var overdue: Int
        /// Drafts with a decision (those whose draft has not arrived yet included).
        public var decided: Int

        public init(pending: Int, pendingByPriority: [String: Int], overdue: Int, decided: Int) {
            self.pending = pending
            self.pendingByPriority = pendingByPriority
            self.overdue = overdue
            self.decided = decided
        }
    }

    /// `GET /v1/me`: who the token belongs to.
    public struct Identity: Codable, Sendable, Hashable {
        public var name: String
        public var role: ApproverRole

        public init(name: String, role: ApproverRole) {
            self.name = name
            self.role = role
        }
    }
}
