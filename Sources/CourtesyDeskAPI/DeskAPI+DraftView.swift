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

        /// Something the mention says: an identifier, a duration, an amount or a date.
        public struct Fact: Codable, Sendable, Hashable {
            public var kind: String
            public var value: String
            public var normalised: String

            public init(kind: String, value: String, normalised: String) {
                self.kind = kind
                self.value = value
                self.normalised = normalised
            }
        }

        /// An earlier contact of the conversation that the draft took into account.
        public struct PreviousContact: Codable, Sendable, Hashable {
            public var id: String
            /// RFC 3339.
            public var at: String
            public var intent: Intent
            public var facts: [Fact]

            public init(id: String, at: String, intent: Intent, facts: [Fact]) {
                self.id = id
                self.at = at
                self.intent = intent
                self.facts = facts
            }
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
        /// What the mention says; absent when it says nothing the responder recognises.
        public var facts: [Fact]?
        /// The conversation's earlier contacts, newest first; absent on a first contact.
        public var previousContacts: [PreviousContact]?

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
            let views = { (facts: [CourtesyCore.Fact]) in
                facts.map { Fact(kind: $0.kind.rawValue, value: $0.value, normalised: $0.normalised) }
            }
            facts = draft.facts.isEmpty ? nil : views(draft.facts)
            previousContacts =
                draft.previousContacts.isEmpty
                ? nil
                : draft.previousContacts.map {
                    PreviousContact(id: $0.mentionId, at: $0.at.rfc3339, intent: $0.intent, facts: views($0.facts))
                }
        }
    }
}
