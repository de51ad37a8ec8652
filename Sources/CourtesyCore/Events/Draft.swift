/// A reply drafted for a mention, waiting for a person to approve it: the `courtesy.draft/v1` event.
package struct Draft: Sendable, Hashable {
    /// The schema identifier this type reads and writes.
    package static let schema = "courtesy.draft/v1"

    /// Derived from the mention (see ``identifier(platform:mentionId:)``): a replay gives the same id.
    package var id: String
    /// The mention this draft answers.
    package var mentionId: String
    /// Where the reply will go.
    package var platform: Platform
    /// The brand replying.
    package var brand: String
    /// The account the reply is sent from ("@SkylarkAir"), when the brand's profile names one for the
    /// platform; otherwise the publisher's own choice.
    package var account: String?
    /// The conversation key, `platform:authorId`.
    package var conversation: String
    /// Who the reply is for.
    package var customer: Customer
    /// The agent who will sign the reply.
    package var agent: Agent
    /// What the customer was doing.
    package var intent: Intent
    /// The tone of the reply.
    package var tone: Tone
    /// The ``ToneModel/identifier`` of the tone model that chose the tone, or `nil` when the rules did.
    package var toneModel: String?
    /// The segments the mention belongs to.
    package var topics: [String]
    /// How urgent the reply is, and why.
    package var priority: Priority
    /// The language of the mention (and of the reply).
    package var language: Language
    /// Why a person must check this draft with care, or `nil`.
    package var reviewReason: String?
    /// The reply text.
    package var text: String
    /// The template and variant the text was rendered from.
    package var template: TemplateChoice
    /// When the draft was made.
    package var createdAt: Timestamp
    /// When the mention was posted, if known: the start of time-to-first-reply. Drafts written before
    /// the field existed do not carry it.
    package var mentionCreatedAt: Timestamp?
    /// The deadline for the reply.
    package var replyBy: Timestamp
    /// The start of the mention's text, for the approval queue: the first ``excerptLimit`` bytes at most.
    package var excerpt: String
    /// The mention's whole text, when ``excerpt`` had to cut it; `nil` when the excerpt is the whole
    /// text (a short mention costs nothing extra), and in drafts written before the field existed.
    package var mentionText: String?
    /// The mention's URL on its platform, when the mention gave one.
    package var mentionUrl: String?
    /// What the mention says: identifiers, durations, amounts and dates, with their spans in its text.
    package var facts: [Fact] = []
    /// The conversation's earlier contacts the draft took into account, newest first.
    package var previousContacts: [PreviousContact] = []

    /// Creates a draft from its fields; most callers use ``init(mention:classification:customerName:agent:text:template:createdAt:)``.
    package init(
        id: String, mentionId: String, platform: Platform, brand: String, conversation: String, customer: Customer,
        agent: Agent, intent: Intent, tone: Tone, topics: [String], priority: Priority, language: Language,
        reviewReason: String?, text: String, template: TemplateChoice, createdAt: Timestamp,
        mentionCreatedAt: Timestamp? = nil, replyBy: Timestamp, excerpt: String
    ) {
        self.id = id
        self.mentionId = mentionId
        self.platform = platform
        self.brand = brand
        self.conversation = conversation
        self.customer = customer
        self.agent = agent
        self.intent = intent
        self.tone = tone
        self.topics = topics
        self.priority = priority
        self.language = language
        self.reviewReason = reviewReason
        self.text = text
        self.template = template
        self.createdAt = createdAt
        self.mentionCreatedAt = mentionCreatedAt
        self.replyBy = replyBy
        self.excerpt = excerpt
    }

    /// Assembles the draft for `mention`.
    ///
    /// The id comes from the mention, the reply-by deadline is the mention's time plus the
    /// classification's reply window, `mentionCreatedAt` is the mention's time, the excerpt is the
    /// start of the mention's text, with the whole text beside it when the excerpt cuts it, and the
    /// customer's reach is the author's followers when known.
    /// - Parameters:
    ///   - customerName: the customer's first name when one could be trusted, else `nil`.
    ///   - text: the rendered reply.
    ///   - createdAt: when the draft is made.
    package init(
        mention: Mention, classification: Classification, customerName: String?, agent: Agent, text: String,
        template: TemplateChoice, createdAt: Timestamp
    ) {
        self.init(
            id: Draft.identifier(platform: mention.platform, mentionId: mention.id), mentionId: mention.id,
            platform: mention.platform, brand: mention.brand, conversation: mention.conversationKey,
            customer: Customer(name: customerName, handle: mention.author.handle), agent: agent,
            intent: classification.intent, tone: classification.tone, topics: classification.topics,
            priority: classification.priority, language: classification.language,
            reviewReason: classification.reviewReason, text: text, template: template, createdAt: createdAt,
            mentionCreatedAt: mention.createdAt,
            replyBy: mention.createdAt.adding(seconds: classification.replyWithinSeconds),
            excerpt: Draft.excerpt(of: mention.text))
        toneModel = classification.toneModel
        mentionText = Draft.excerptCuts(mention.text) ? mention.text : nil
        mentionUrl = mention.url
        customer.followers = mention.author.followers > 0 ? mention.author.followers : nil
    }
}

extension Draft {
    /// The customer a draft answers.
    package struct Customer: Sendable, Hashable {
        /// The first name the reply greets, or `nil` for a greeting without a name.
        package var name: String?
        /// The customer's handle without `@`, if the platform has handles.
        package var handle: String?
        /// How many accounts follow the author, when the mention said (a mention's 0 means unknown).
        package var followers: Int?

        /// Creates a customer.
        package init(name: String?, handle: String?, followers: Int? = nil) {
            self.name = name
            self.handle = handle
            self.followers = followers
        }
    }

    /// The agent who signs a draft.
    package struct Agent: Sendable, Hashable {
        /// The agent's id in the roster.
        package var id: String
        /// The name the reply is signed with.
        package var name: String

        /// Creates an agent reference.
        package init(id: String, name: String) {
            self.id = id
            self.name = name
        }
    }

    /// Which template, and which of its variants, a draft was rendered from.
    package struct TemplateChoice: Sendable, Hashable {
        /// The template's name, e.g. `complaint.x.en`.
        package var name: String
        /// The index of the variant used.
        package var variant: Int

        /// Creates a template choice.
        package init(name: String, variant: Int) {
            self.name = name
            self.variant = variant
        }
    }
}
