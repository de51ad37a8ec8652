extension Responder {
    /// Decides a draft: classify the text, find the first name, assign the agent, choose the reply.
    /// - Parameters:
    ///   - conversation: the stable hash of the conversation key (``StableHash/hash(_:)``).
    ///   - seed: the stable hash of the mention id, which picks the template variant.
    /// - Throws: `ResponderError` (`no-template`, `reply-too-long`) when no template can render the reply.
    func plan(
        text: String, author: Mention.Author, engagement: Mention.Engagement?, platform: Platform,
        conversation: UInt64, seed: UInt64, recentMentions: Int, at now: Timestamp
    ) throws(ResponderError) -> DraftPlan {
        let classification = classifier.classify(
            text: text, author: author, engagement: engagement, recentMentions: recentMentions)
        let customerName = names.firstName(displayName: author.displayName, handle: author.handle)
        var agent: Int?
        var signature: String?
        if let roster {
            let assignment = roster.assignment(
                conversation: conversation, topics: classification.topics,
                language: classification.language.rawValue, epochSeconds: now.epochSeconds)
            agent = assignment.index
            // An agent off shift owns the draft but does not sign it.
            if assignment.match != .offShift { signature = roster.agents[assignment.index].firstName }
        }
        let replyIntent = Self.replyIntent(for: classification)
        let reply: ReplyChoice
        do throws(TemplateError) {
            reply = try templates.choose(
                intent: replyIntent, platform: platform, language: classification.language.rawValue,
                customerName: customerName, agentName: signature, topics: classification.topics, seed: seed)
        } catch {
            throw ResponderError(rendering: error)
        }
        return DraftPlan(
            classification: classification, replyIntent: replyIntent, customerName: customerName, agent: agent,
            reply: reply)
    }

    /// The agent a draft names: the roster's agent by index, or the team.
    func draftAgent(_ index: Int?) -> Draft.Agent {
        guard let index, let roster else { return Self.teamAgent }
        let agent = roster.agents[index]
        return Draft.Agent(id: agent.id, name: agent.firstName)
    }
}
