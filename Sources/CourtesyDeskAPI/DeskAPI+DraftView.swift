import CourtesyCore

extension DeskAPI {
    /// A pending draft as the API shows it.
    package struct DraftView: Codable, Sendable, Hashable {
        package struct Customer: Codable, Sendable, Hashable {
            /// The first name the reply greets.
            package var name: String?
            package var handle: String?
            /// The author's reach: how many accounts follow them, when the mention said.
            package var followers: Int?
        }

        package struct Agent: Codable, Sendable, Hashable {
            package var id: String
            package var name: String
        }

        package struct Priority: Codable, Sendable, Hashable {
            package var level: PriorityLevel
            package var score: Int
            package var reasons: [String]
        }

        package struct Template: Codable, Sendable, Hashable {
            package var name: String
            package var variant: Int
        }

        /// Something the mention says: an identifier, a duration, an amount or a date.
        package struct Fact: Codable, Sendable, Hashable {
            package var kind: String
            package var value: String
            package var normalised: String

            package init(kind: String, value: String, normalised: String) {
                self.kind = kind
                self.value = value
                self.normalised = normalised
            }
        }

        /// An earlier contact of the conversation that the draft took into account.
        package struct PreviousContact: Codable, Sendable, Hashable {
            package var id: String
            /// RFC 3339.
            package var at: String
            package var intent: Intent
            package var facts: [Fact]

            package init(id: String, at: String, intent: Intent, facts: [Fact]) {
                self.id = id
                self.at = at
                self.intent = intent
                self.facts = facts
            }
        }

        package var id: String
        package var mentionId: String
        package var platform: Platform
        package var brand: String
        /// The conversation key, `platform:authorId`.
        package var conversation: String
        /// How many drafts of this conversation are pending, this one included.
        package var conversationPending: Int
        package var customer: Customer
        package var agent: Agent
        package var intent: Intent
        package var tone: Tone
        package var topics: [String]
        package var priority: Priority
        package var language: String
        package var reviewReason: String?
        /// The drafted reply.
        package var text: String
        /// The most characters a reply may have on this platform.
        package var replyLengthLimit: Int
        package var template: Template
        /// RFC 3339 times.
        package var createdAt: String
        package var replyBy: String
        package var mentionCreatedAt: String?
        /// The start of the mention's text, for tables.
        package var excerpt: String
        /// The mention's whole text. Always sent by this desk; absent from older desks' answers, where
        /// ``excerpt`` stands in for it.
        package var mentionText: String?
        /// The mention's URL on its platform, when known.
        package var mentionUrl: String?
        /// What the mention says; absent when it says nothing the responder recognises.
        package var facts: [Fact]?
        /// The conversation's earlier contacts, newest first; absent on a first contact.
        package var previousContacts: [PreviousContact]?

        /// The view of `draft`, in a conversation with `conversationPending` pending drafts.
        package init(_ draft: Draft, conversationPending: Int = 1, mentionCreatedAt: Timestamp? = nil) {
            id = draft.id
            mentionId = draft.mentionId
            platform = draft.platform
            brand = draft.brand
            conversation = draft.conversation
            self.conversationPending = conversationPending
            customer = Customer(
                name: draft.customer.name, handle: draft.customer.handle, followers: draft.customer.followers)
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
            mentionText = draft.mentionText ?? draft.excerpt
            mentionUrl = draft.mentionUrl
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
