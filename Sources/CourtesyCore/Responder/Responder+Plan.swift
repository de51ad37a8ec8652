extension Responder {
    /// Decides a draft: classify the text, find the first name, assign the agent, choose the reply.
    /// - Parameters:
    ///   - conversation: the stable hash of the conversation key (``StableHash/hash(_:)``).
    ///   - seed: the stable hash of the mention id, which picks the template variant.
    ///   - earlier: the conversation's earlier contacts, newest first (``ConversationMemory``).
    ///   - mentionTime: when the mention was posted, which earlier contacts are told relative to.
    ///   - brand: the brand's profile, if the brands file has one: its industry, sign-off, phrases, accounts.
    /// - Throws: `ResponderError` (`no-template`, `reply-too-long`) when no template can render the reply.
    func plan(
        text: String, author: Mention.Author, engagement: Mention.Engagement?, platform: Platform,
        conversation: UInt64, seed: UInt64, recentMentions: Int, earlier: [ConversationContact] = [],
        mentionTime: Timestamp, brand: BrandProfile? = nil, at now: Timestamp
    ) throws(ResponderError) -> DraftPlan {
        let classification = classifier.classify(
            text: text, author: author, engagement: engagement, recentMentions: recentMentions,
            industry: brand?.industry)
        let customerName = names.firstName(displayName: author.displayName, handle: author.handle)
        let facts = self.facts.facts(in: text)
        var agent: Int?
        var signature: String?
        // One customer, one agent: the agent of the last contact keeps the conversation while on shift.
        if let roster, let previous = earlier.first?.agent, let index = roster.index(ofAgent: previous),
            roster.isOnShift(index, epochSeconds: now.epochSeconds)
        {
            agent = index
            signature = Self.signature(of: roster.agents[index], brand: brand)
        } else if let roster {
            let assignment = roster.assignment(
                conversation: conversation, topics: classification.topics,
                language: classification.language.rawValue, epochSeconds: now.epochSeconds)
            agent = assignment.index
            // An agent off shift owns the draft but does not sign it.
            if assignment.match != .offShift {
                signature = Self.signature(of: roster.agents[assignment.index], brand: brand)
            }
        }
        let replyKind = Self.replyKind(
            for: classification, complainedBefore: earlier.contains { $0.intent == .complaint })
        let reply: ReplyChoice
        do throws(TemplateError) {
            var inputs = ReplyInputs(customerName: customerName, agentName: signature, topics: classification.topics)
            inputs.facts = facts
            inputs.repeated = RepetitionCue.isPresent(in: text)
            inputs.industry = classification.industry
            inputs.safety = classification.concerns.contains(.safety)
            if let phrases = brand?.phrases, !phrases.isEmpty { inputs.brandPhrases = phrases }
            // Praise is thanked for what went well, never for "the outage", and names who was praised.
            if replyKind == .compliment {
                inputs.leaveOutTopics(problemTopics)
                inputs.staffName = names.praisedStaff(in: text, customer: customerName)
                inputs.mixed = classification.mixed
            }
            // A question about unlocking a phone is not about "the service you received".
            if replyKind == .question || replyKind == .other { inputs.leaveOutTopics(experienceTopics) }
            if let last = earlier.first {
                inputs.previousContact = last.at
                inputs.mentionTime = mentionTime
                for contact in earlier { inputs.earlierFacts += contact.facts }
            }
            reply = try templates.choose(
                kind: replyKind, platform: platform, language: classification.language.rawValue, inputs: inputs,
                seed: seed, fallback: brand?.fallbackLanguage)
        } catch {
            throw ResponderError(rendering: error)
        }
        var plan = DraftPlan(
            classification: classification, replyKind: replyKind, customerName: customerName, agent: agent,
            reply: reply, facts: facts, earlier: earlier)
        plan.account = brand?.accounts[platform]
        return plan
    }

    /// What an agent signs a reply with: their first name, or as the brand's profile says.
    static func signature(of agent: Agent, brand: BrandProfile?) -> String? {
        guard let brand else { return agent.firstName }
        return brand.signature(firstName: agent.firstName, fullName: agent.name)
    }

    /// The agent a draft names: the roster's agent by index, or the team.
    func draftAgent(_ index: Int?) -> Draft.Agent {
        guard let index, let roster else { return Self.teamAgent }
        let agent = roster.agents[index]
        return Draft.Agent(id: agent.id, name: agent.firstName)
    }
}
