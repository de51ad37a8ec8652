import CourtesyCore

extension DeskAPI {
    /// A pending draft as the API shows it.
    public struct DraftView: Codable, Sendable, Hashable {
        public struct Customer: Codable, Sendable, Hashable {
            public var name: String?
            public var handle: String?
        }

        public struct Agent: Codable, Sendable, Hashable {
            public var id: String
            public var name: String
        }

        public struct Priority: Codable, Sendable, Hashable {
            public var level: PriorityLevel
            public var score: Int
            public var reasons: [String]
        }

        public struct Template: Codable, Sendable, Hashable {
            public var name: String
            public var variant: Int
        }

        public var id: String
        public var mentionId: String
        public var platform: Platform
        public var brand: String
        /// The conversation key, `platform:authorId`.
        public var conversation: String
        /// How many drafts of this conversation are pending, this one included.
        public var conversationPending: Int
        public var customer: Customer
        public var agent: Agent
        public var intent: Intent
        public var tone: Tone
        public var topics: [String]
        public var priority: Priority
        public var language: String
        public var reviewReason: String?
        /// The drafted reply.
        public var text: String
        /// The most characters a reply may have on this platform.
        public var replyLengthLimit: Int
        public var template: Template
        /// RFC 3339 times.
        public var createdAt: String
        public var replyBy: String
        public var mentionCreatedAt: String?
        /// The start of the mention's text.
        public var excerpt: String

        /// The view of `draft`, in a conversation with `conversationPending` pending drafts.
        public init(_ draft: Draft, conversationPending: Int = 1, mentionCreatedAt: Timestamp? = nil) {
            id = draft.id
            mentionId = draft.mentionId
            platform = draft.platform
            brand = draft.brand
            conversation = draft.conversation
            self.conversationPending = conversationPending
            customer = Customer(name: draft.customer.name, handle: draft.customer.handle)
            agent = Agent(id: draft.agent.id, name: draft.agent.name)
            intent = draft.intent
            tone = draft.tone
            topics = draft.topics
            priority = Priority(
                level: draft.priority.level, score: draft.priority.score, reasons: draft.priority.reasons)
            language = draft.language.rawValue
            reviewReason = draft.reviewReason
            text = draft.text
            replyLengthLimit = draft.platform.replyLengthLimit
            template = Template(name: draft.template.name, variant: draft.template.variant)
            createdAt = draft.createdAt.rfc3339
            replyBy = draft.replyBy.rfc3339
            self.mentionCreatedAt = (mentionCreatedAt ?? draft.mentionCreatedAt)?.rfc3339
            excerpt = draft.excerpt
        }
    }
}
