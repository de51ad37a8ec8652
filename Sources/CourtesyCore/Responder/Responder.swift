/// Turns a mention into a draft reply: decode → classify → personalise → render → encode.
///
/// Build one at start-up (``init(configuration:clock:)`` loads and compiles everything) and share it:
/// it is an immutable value, safe to use from any number of tasks, and keeps no state between
/// mentions. The same mention always gives the same draft id, template variant and text; only
/// `createdAt` and the on-shift check depend on the time, which the caller can fix with `at:`.
///
/// The rules, in order:
/// - the classifier gives intent, tone, topics, priority, language and a review reason;
/// - the customer is greeted by first name only when ``NameExtractor`` trusts one;
/// - the agent comes from the roster by rendezvous hashing of the conversation key; an agent who is
///   off shift still owns the draft, but the reply is not signed with their name;
/// - the template follows the tone: apology → complaint, thanks → compliment, else question or
///   other; a mention flagged for review (a language the classifier does not judge, a legal threat)
///   gets a neutral template, and the draft keeps the review reason;
/// - the variant is chosen by a stable hash of the mention id.
package struct Responder: Sendable {
    /// The agent on drafts when there is no roster: the reply is signed by nobody and the desk
    /// routes the draft to whoever is free.
    package static let teamAgent = Draft.Agent(id: "team", name: "Team")

    /// Judges each mention.
    package let classifier: Classifier
    /// Finds the customer's first name.
    package let names: NameExtractor
    /// Finds what the mention already tells us: identifiers, durations, amounts, dates.
    package let facts: FactExtractor
    /// Assigns the signing agent; `nil` gives every draft to ``teamAgent``.
    package let roster: AgentRoster?
    /// The reply templates.
    package let templates: TemplateLibrary
    /// The brands' profiles (industry, sign-off, phrases, accounts); empty without a brands file.
    package let brands: BrandProfiles
    /// Limits on the events read.
    package let limits: EventLimits
    /// Where "now" comes from when the caller does not say.
    package let clock: @Sendable () -> Timestamp
    /// The topics only a problem has (``ClassifierConfiguration/TopicDefinition/problemOnly``), left out
    /// of a compliment's reply.
    let problemTopics: Set<String>
    /// The topics that are how the customer was treated
    /// (``ClassifierConfiguration/TopicDefinition/experienceOnly``), left out of a question's or a remark's
    /// reply.
    let experienceTopics: Set<String>
    /// The `agent` object of a draft event for each agent of the roster, and for the team, written once.
    let agentJSON: [[UInt8]]
    let teamAgentJSON: [UInt8]

    /// A responder from parts already built.
    /// - Parameter clock: the time drafts are made at, when not given per call; tests fix it.
    package init(
        classifier: Classifier, names: NameExtractor, roster: AgentRoster?, templates: TemplateLibrary,
        facts: FactExtractor = FactExtractor(), limits: EventLimits = .standard,
        brands: BrandProfiles = BrandProfiles(),
        clock: @escaping @Sendable () -> Timestamp = Timestamp.now
    ) {
        self.brands = brands
        self.classifier = classifier
        self.names = names
        self.facts = facts
        self.roster = roster
        self.templates = templates
        self.limits = limits
        self.clock = clock
        problemTopics = Set(classifier.configuration.topics.filter { $0.problemOnly == true }.map(\.id))
        experienceTopics = Set(classifier.configuration.topics.filter { $0.experienceOnly == true }.map(\.id))
        agentJSON = roster?.agents.map { Self.json(of: Draft.Agent(id: $0.id, name: $0.firstName)) } ?? []
        teamAgentJSON = Self.json(of: Self.teamAgent)
    }

    /// The draft for a mention, made now by ``clock``.
    /// - Parameter earlier: the conversation's earlier contacts, newest first (``ConversationMemory``).
    /// - Throws: `ResponderError` when no template can render the reply.
    package func draft(for mention: Mention, recentMentions: Int = 0, earlier: [ConversationContact] = [])
        throws(ResponderError) -> Draft
    {
        try draft(for: mention, recentMentions: recentMentions, earlier: earlier, at: clock())
    }

    /// The draft for a mention, made at `now`.
    /// - Parameters:
    ///   - recentMentions: how many other mentions the conversation sent recently (raises priority).
    ///   - earlier: the conversation's earlier contacts, newest first (``ConversationMemory``).
    ///   - now: the draft's `createdAt`, and the instant agents' shifts are checked at.
    /// - Throws: `ResponderError` (`no-template`, `reply-too-long`) when no template can render the reply.
    package func draft(
        for mention: Mention, recentMentions: Int = 0, earlier: [ConversationContact] = [], at now: Timestamp
    ) throws(ResponderError) -> Draft {
        let plan = try plan(
            text: mention.text, author: mention.author, engagement: mention.engagement, platform: mention.platform,
            conversation: StableHash.hash(mention.conversationKey), seed: StableHash.hash(mention.id),
            recentMentions: recentMentions, earlier: earlier, mentionTime: mention.createdAt,
            brand: brands.profiles.isEmpty ? nil : brands.profile(for: mention.brand), at: now)
        var draft = Draft(
            mention: mention, classification: plan.classification, customerName: plan.customerName,
            agent: draftAgent(plan.agent), text: plan.reply.text,
            template: Draft.TemplateChoice(name: plan.reply.set.name, variant: plan.reply.index + 1), createdAt: now)
        draft.tone = plan.replyKind.tone
        draft.facts = plan.facts
        draft.account = plan.account
        draft.previousContacts = plan.earlier.map(Draft.PreviousContact.init)
        return draft
    }

    /// How the reply answers a classification: a serious situation seriously, a mention a person must read
    /// first with a holding reply, and everything else by its tone. Never a breezy line for a complaint, a
    /// threat or a flagged mention.
    ///
    /// A legal or regulatory threat or a danger to safety is always serious; a public escalation or a
    /// vulnerable customer is when they complain. A vulnerable customer's question ("can I book a seat for
    /// my infant?") is flagged, so it gets the holding reply and a person answers it.
    ///
    /// - Parameter complainedBefore: whether an earlier contact of the conversation was a complaint. Then a
    ///   neutral message ("any update?", "hello??") chases that complaint, and is owed an apology too.
    package static func replyKind(for classification: Classification, complainedBefore: Bool = false) -> ReplyKind {
        let concerns = classification.concerns
        if !concerns.isDisjoint(with: [.legal, .regulator, .safety])
            || !concerns.isEmpty && classification.intent == .complaint
        {
            return .serious
        }
        if classification.needsHuman { return .holding }
        switch classification.tone {
        case .apology: return .complaint
        case .thanks: return .compliment
        case .neutral where complainedBefore: return .complaint
        case .neutral: return classification.intent == .question ? .question : .other
        }
    }
}
