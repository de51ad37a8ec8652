extension Responder {
    /// The draft event for a mention event, made now by ``clock``: the hot path of the service.
    /// - Returns: the `courtesy.draft/v1` JSON, or why the event was refused.
    package func draft(json bytes: [UInt8], recentMentions: Int = 0) -> Result<[UInt8], ResponderError> {
        draft(json: bytes, recentMentions: recentMentions, at: clock())
    }

    /// The draft event for a mention event, made at `now`.
    package func draft(json bytes: [UInt8], recentMentions: Int = 0, at now: Timestamp) -> Result<
        [UInt8], ResponderError
    > {
        bytes.withUnsafeBytes { draft(json: $0, recentMentions: recentMentions, at: now) }
    }

    /// The draft event for a mention event held in memory the caller owns (a Kafka message payload).
    package func draft(
        json buffer: UnsafeRawBufferPointer, recentMentions: Int = 0, at now: Timestamp
    ) -> Result<[UInt8], ResponderError> {
        var output: [UInt8] = []
        do throws(ResponderError) {
            try appendDraft(json: buffer, to: &output, recentMentions: recentMentions, at: now)
            return .success(output)
        } catch {
            return .failure(error)
        }
    }

    /// Decodes a mention event, drafts the reply and appends the draft event's JSON to `output`.
    ///
    /// Appending lets a caller that writes many drafts (a batch, a file) reuse one buffer.
    /// `output` is left as it was when the event is refused.
    ///
    /// The bytes are exactly those of ``draft(for:recentMentions:at:)`` encoded with ``Draft/jsonBytes()``,
    /// but no ``Mention`` or ``Draft`` is made: the event is read into a ``MentionView``, and the draft is
    /// written from the view, the classification and the reply choice, with the agent objects written
    /// once at start-up and the reply written from template fragments escaped at load.
    /// - Returns: how the mention was classified, for the caller's metrics.
    /// - Throws: `ResponderError` saying why the event was refused.
    @discardableResult
    package func appendDraft(
        json buffer: UnsafeRawBufferPointer, to output: inout [UInt8], recentMentions: Int = 0, at now: Timestamp
    ) throws(ResponderError) -> Classification {
        try appendDraft(json: buffer, to: &output, recentMentions: recentMentions, memory: nil, at: now).classification
    }

    /// ``appendDraft(json:to:recentMentions:at:)`` with the conversation's earlier contacts: the draft
    /// considers those in `memory` at positions before `position` in `partition`, and the result carries
    /// the contact this mention makes, for the caller to remember.
    ///
    /// The memory is only read, so one batch can be drafted on several tasks; the caller remembers each
    /// contact in position order afterwards (``ConversationMemory/remember(_:conversation:partition:)``).
    package func appendDraft(
        json buffer: UnsafeRawBufferPointer, to output: inout [UInt8], recentMentions: Int = 0,
        memory: (memory: ConversationMemory, partition: Int32, position: Int64)?, at now: Timestamp
    ) throws(ResponderError) -> DraftedMention {
        let mention: MentionView
        do throws(EventDecodingError) {
            mention = try MentionView(json: buffer, limits: limits)
        } catch {
            throw ResponderError(decoding: error)
        }
        let reader = mention.reader
        let text = mention.string(mention.text)
        let author = mention.author
        let conversation = reader.withUTF8(mention.authorID) {
            Self.conversationHash(platform: mention.platform, authorID: $0)
        }
        let earlier =
            memory.map {
                $0.memory.earlierContacts(
                    conversation: conversation, partition: $0.partition, before: $0.position, at: mention.createdAt)
            } ?? []
        let plan = try plan(
            text: text, author: author, engagement: mention.engagement, platform: mention.platform,
            conversation: conversation, seed: reader.withUTF8(mention.id) { StableHash.hash($0) },
            recentMentions: recentMentions, earlier: earlier, mentionTime: mention.createdAt,
            brand: brands.profiles.isEmpty ? nil : brands.profile(for: mention.string(mention.brand)), at: now)
        let classification = plan.classification
        let previousContacts = plan.earlier.count
        var contact: ConversationContact?
        if let memory {
            let identifiers = plan.facts.compactMap { fact in
                fact.kind.isIdentifier
                    ? Fact(kind: fact.kind, value: fact.value, normalised: fact.normalised, span: nil) : nil
            }
            contact = ConversationContact(
                mentionId: mention.string(mention.id), position: memory.position, at: mention.createdAt,
                intent: classification.intent, topics: classification.topics, facts: identifiers,
                agent: plan.agent.map { roster?.agents[$0].id } ?? nil)
        }
        let agent = plan.agent.map { agentJSON[$0] } ?? teamAgentJSON
        // The plan is moved into the draft writer, not copied: a copy would retain each of its strings and arrays.
        let draft = HotPathDraftWriter(
            mention: mention, plan: consume plan, handle: author.handle, text: text, agent: agent, createdAt: now)
        JSONWriter.appending(to: &output) { writer in
            writer.appendUnchecked(maximum: draft.maximumCount) { draft.write(to: &$0) }
        }
        let key = memory.map { _ in mention.platform.rawValue + ":" + mention.string(mention.authorID) }
        return DraftedMention(
            classification: classification, conversation: conversation, contact: contact, conversationKey: key,
            previousContacts: previousContacts)
    }

    /// The stable hash of a mention event's conversation key (``DraftedMention/conversation``), read with
    /// the same checks as drafting, or `nil` when the event is refused whatever the memory holds.
    ///
    /// For a caller drafting a batch with a memory: knowing each mention's conversation before drafting any,
    /// it can draft a conversation's second mention of the batch after remembering its first.
    package func conversation(ofMention buffer: UnsafeRawBufferPointer) -> UInt64? {
        guard let mention = try? MentionView(json: buffer, limits: limits) else { return nil }
        return mention.reader.withUTF8(mention.authorID) {
            Self.conversationHash(platform: mention.platform, authorID: $0)
        }
    }

    /// The stable hash of the conversation key `platform:authorId` (``Mention/conversationKey``),
    /// without making the key.
    static func conversationHash(platform: Platform, authorID: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var name = platform.rawValue
        var state = name.withUTF8 { StableHash.fnv1a($0) }
        state = withUnsafeBytes(of: UInt8(ascii: ":")) {
            StableHash.fnv1a($0.assumingMemoryBound(to: UInt8.self), continuing: state)
        }
        return StableHash.mix(StableHash.fnv1a(authorID, continuing: state))
    }

    /// The `agent` object of a draft event, as ``Draft/write(to:)`` writes it.
    static func json(of agent: Draft.Agent) -> [UInt8] {
        var writer = JSONWriter(capacity: 64)
        writer.beginObject()
        writer.key("id")
        writer.string(agent.id)
        writer.key("name")
        writer.string(agent.name)
        writer.endObject()
        return writer.bytes
    }
}
