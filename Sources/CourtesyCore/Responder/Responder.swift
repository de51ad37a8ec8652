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
public struct Responder: Sendable {
    /// The agent on drafts when there is no roster: the reply is signed by nobody and the desk
    /// routes the draft to whoever is free.
    public static let teamAgent = Draft.Agent(id: "team", name: "Team")

    /// Judges each mention.
    public let classifier: Classifier
    /// Finds the customer's first name.
    public let names: NameExtractor
    /// Assigns the signing agent; `nil` gives every draft to ``teamAgent``.
    public let roster: AgentRoster?
    /// The reply templates.
    public let templates: TemplateLibrary
    /// Limits on the events read.
    public let limits: EventLimits
    /// Where "now" comes from when the caller does not say.
    public let clock: @Sendable () -> Timestamp

    /// A responder from parts already built.
    /// - Parameter clock: the time drafts are made at, when not given per call; tests fix it.
    public init(
        classifier: Classifier, names: NameExtractor, roster: AgentRoster?, templates: TemplateLibrary,
        limits: EventLimits = .standard, clock: @escaping @Sendable () -> Timestamp = Timestamp.now
    ) {
        self.classifier = classifier
        self.names = names
        self.roster = roster
        self.templates = templates
        self.limits = limits
        self.clock = clock
    }

    /// The draft for a mention, made now by ``clock``.
    /// - Throws: `ResponderError` when no template can render the reply.
    public func draft(for mention: Mention, recentMentions: Int = 0) throws(ResponderError) -> Draft {
        try draft(for: mention, recentMentions: recentMentions, at: clock())
    }

    /// The draft for a mention, made at `now`.
    /// - Parameters:
    ///   - recentMentions: how many other mentions the conversation sent recently (raises priority).
    ///   - now: the draft's `createdAt`, and the instant agents' shifts are checked at.
    /// - Throws: `ResponderError` (`no-template`, `reply-too-long`) when no template can render the reply.
    public func draft(for mention: Mention, recentMentions: Int = 0, at now: Timestamp) throws(ResponderError) -> Draft
    {
        let classification = classifier.classify(mention, recentMentions: recentMentions)
        let customerName = names.firstName(displayName: mention.author.displayName, handle: mention.author.handle)
        let conversation = mention.conversationKey
        let (agent, signature) = sign(conversation: conversation, classification: classification, at: now)
        let replyIntent = Self.replyIntent(for: classification)
        let request = ReplyRequest(
            intent: replyIntent, platform: mention.platform, language: classification.language.rawValue,
            customerName: customerName, agentName: signature, topics: classification.topics, seed: mention.id)
        let reply: RenderedReply
        do {
            reply = try templates.render(request)
        } catch let error as TemplateError {
            throw ResponderError(rendering: error)
        } catch {
            throw ResponderError(.noTemplate, message: "\(error)")
        }
        var draft = Draft(
            mention: mention, classification: classification, customerName: customerName, agent: agent,
            text: reply.text, template: Draft.TemplateChoice(name: reply.template, variant: reply.variant),
            createdAt: now)
        draft.tone = replyIntent.tone
        return draft
    }

    /// The agent who owns the draft, and the name the reply is signed with (`nil`: unsigned).
    func sign(conversation: String, classification: Classification, at now: Timestamp) -> (Draft.Agent, String?) {
        guard let roster else { return (Self.teamAgent, nil) }
        let assignment = roster.assign(
            conversation: conversation, topics: classification.topics, language: classification.language.rawValue,
            at: now.date)
        let agent = assignment.agent
        return (Draft.Agent(id: agent.id, name: agent.firstName), assignment.isOnShift ? agent.firstName : nil)
    }

    /// The template intent for a classification: by tone, and neutral when a person must review it.
    public static func replyIntent(for classification: Classification) -> Intent {
        let neutral: Intent = classification.intent == .question ? .question : .other
        guard !classification.needsHuman else { return neutral }
        switch classification.tone {
        case .apology: return .complaint
        case .thanks: return .compliment
        case .neutral: return neutral
        }
    }
}
