extension Decision: StrictJSONDecodable {
    /// Reads a decision object at the reader's position.
    ///
    /// Beyond the types, the rules of a decision are checked: `id` is the one derived from `draftId`;
    /// `approve` and `edit` carry `text`, `reject` a `reason`, `answered` an `answeredBy` (and only it
    /// does); `text` fits `limits.maxTextBytes`; `text` and `reason` meet ``ReplyTextPolicy`` exactly as
    /// recorded (the text as the decision's platform counts it), so a decision that decodes is one the
    /// desk could have accepted. Unknown fields are skipped.
    package init(reader: inout JSONReader, limits: EventLimits = .standard) throws(EventDecodingError) {
        var schema: String?
        var id: String?
        var draftId: String?
        var action: DecisionAction?
        var text: String?
        var approver: String?
        var reason: String?
        var answeredBy: String?
        var decidedAt: Timestamp?
        var mentionId: String?
        var platform: Platform?
        var conversation: String?
        var agent: Draft.Agent?
        var template: Draft.TemplateChoice?
        var draftCreatedAt: Timestamp?
        var replyBy: Timestamp?
        var mentionCreatedAt: Timestamp?
        var brand: String?
        var account: String?
        var mentionUrl: String?
        var idOffset = 0
        var textOffset = 0
        var reasonOffset = 0
        var seen = FieldSet()

        try reader.beginEventObject()
        var first = true
        var expected = 0
        while let (field, key) = try reader.nextMember(first: &first, in: Self.fields, seen: &seen, expected: &expected)
        {
            let start = reader.offset
            switch field {
            case .schema?:
                try reader.readSchema("courtesy.decision/v1", field: key)
                schema = Decision.schema
            case .id?:
                id = try reader.readNonEmptyString(field: key)
                idOffset = start
            case .draftId?: draftId = try reader.readNonEmptyString(field: key)
            case .action?: action = try reader.readEnum(DecisionAction.self, field: key)
            case .text?:
                textOffset = start
                text = try reader.readReplyText(field: key, limit: limits.maxTextBytes, optional: true)
            case .approver?: approver = try reader.readNonEmptyString(field: key)
            case .reason?:
                reason = try reader.readOptionalString(field: key)
                reasonOffset = start
            case .answeredBy?: answeredBy = try reader.readOptionalString(field: key)
            case .decidedAt?: decidedAt = try reader.readTimestamp(field: key)
            case .mentionId?: mentionId = try reader.readNonEmptyString(field: key)
            case .platform?: platform = try reader.readPlatform(field: key)
            case .conversation?: conversation = try reader.readNonEmptyString(field: key)
            case .agent?: agent = try Draft.Agent(reader: &reader)
            case .template?: template = try Draft.TemplateChoice(reader: &reader)
            case .draftCreatedAt?: draftCreatedAt = try reader.readTimestamp(field: key)
            case .replyBy?: replyBy = try reader.readTimestamp(field: key)
            case .mentionCreatedAt?: mentionCreatedAt = try reader.readOptionalTimestamp(field: key)
            case .brand?: brand = try reader.readOptionalString(field: key)
            case .account?: account = try reader.readOptionalString(field: key)
            case .mentionUrl?: mentionUrl = try reader.readOptionalString(field: key)
            case nil:
                try reader.skipValue(field: key)
            }
        }
        guard schema != nil else { throw EventDecodingError(.missingField, field: "schema") }
        guard let id else { throw EventDecodingError(.missingField, field: "id") }
        guard let draftId else { throw EventDecodingError(.missingField, field: "draftId") }
        guard let action else { throw EventDecodingError(.missingField, field: "action") }
        guard let approver else { throw EventDecodingError(.missingField, field: "approver") }
        guard let decidedAt else { throw EventDecodingError(.missingField, field: "decidedAt") }
        guard let mentionId else { throw EventDecodingError(.missingField, field: "mentionId") }
        guard let platform else { throw EventDecodingError(.missingField, field: "platform") }
        guard let conversation else { throw EventDecodingError(.missingField, field: "conversation") }
        guard let agent else { throw EventDecodingError(.missingField, field: "agent") }
        guard let template else { throw EventDecodingError(.missingField, field: "template") }
        guard let draftCreatedAt else { throw EventDecodingError(.missingField, field: "draftCreatedAt") }
        guard let replyBy else { throw EventDecodingError(.missingField, field: "replyBy") }
        guard id == Decision.identifier(draftId: draftId) else {
            throw EventDecodingError(
                .invalidValue("is not the decision id of draft \"\(draftId.prefix(40))\""), field: "id",
                offset: idOffset)
        }
        try Self.checkRules(action: action, text: text, reason: reason, answeredBy: answeredBy)
        if let text { try ReplyTextPolicy.check(reply: text, platform: platform, at: textOffset) }
        do throws(TextProblem) {
            if let reason { try ReplyTextPolicy.check(reason: reason) }
        } catch {
            throw EventDecodingError(error, field: "reason", offset: reasonOffset)
        }
        self.init(
            id: id, draftId: draftId, action: action, text: text, approver: approver, reason: reason,
            answeredBy: answeredBy, decidedAt: decidedAt, mentionId: mentionId, platform: platform,
            conversation: conversation, agent: agent, template: template, draftCreatedAt: draftCreatedAt,
            replyBy: replyBy, mentionCreatedAt: mentionCreatedAt)
        self.brand = brand
        self.account = account
        self.mentionUrl = mentionUrl
    }

    /// Which optional fields each action needs, or must not have.
    private static func checkRules(
        action: DecisionAction, text: String?, reason: String?, answeredBy: String?
    ) throws(EventDecodingError) {
        switch action {
        case .approve, .edit:
            guard let text else { throw EventDecodingError(.missingField, field: "text") }
            guard !text.isEmpty else {
                throw EventDecodingError(.invalidValue("must not be empty for \(action.rawValue)"), field: "text")
            }
        case .reject:
            guard let reason else { throw EventDecodingError(.missingField, field: "reason") }
            guard !reason.isEmpty else {
                throw EventDecodingError(.invalidValue("must not be empty for reject"), field: "reason")
            }
        case .answered:
            guard let answeredBy else { throw EventDecodingError(.missingField, field: "answeredBy") }
            guard !answeredBy.isEmpty else {
                throw EventDecodingError(.invalidValue("must not be empty"), field: "answeredBy")
            }
        }
        if action != .answered && answeredBy != nil {
            throw EventDecodingError(.invalidValue("only an \"answered\" decision has one"), field: "answeredBy")
        }
    }

    /// The members of a decision event, in the order events are written in.
    enum Field: String, CaseIterable {
        case schema, id, draftId, action, text, approver, reason, answeredBy, decidedAt, mentionId, platform,
            conversation, agent, template, draftCreatedAt, replyBy, mentionCreatedAt, brand, account, mentionUrl
    }

    private static let fields = JSONFieldTable<Field>()

    /// The event as compact JSON, members in a fixed order: the same decision always gives the same bytes.
    package func jsonBytes() -> [UInt8] {
        var writer = JSONWriter(capacity: 512 + (text?.utf8.count ?? 0))
        write(to: &writer)
        return writer.bytes
    }

    /// Writes the event as a JSON object; absent optional fields are left out.
    package func write(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.key("schema")
        writer.string(Decision.schema)
        writer.key("id")
        writer.string(id)
        writer.key("draftId")
        writer.string(draftId)
        writer.key("action")
        writer.string(action.rawValue)
        writer.optionalString("text", text)
        writer.key("approver")
        writer.string(approver)
        writer.optionalString("reason", reason)
        writer.optionalString("answeredBy", answeredBy)
        writer.key("decidedAt")
        writer.timestamp(decidedAt)
        writer.key("mentionId")
        writer.string(mentionId)
        writer.key("platform")
        writer.string(platform.rawValue)
        writer.key("conversation")
        writer.string(conversation)
        writer.key("agent")
        agent.write(to: &writer)
        writer.key("template")
        template.write(to: &writer)
        writer.key("draftCreatedAt")
        writer.timestamp(draftCreatedAt)
        writer.key("replyBy")
        writer.timestamp(replyBy)
        if let mentionCreatedAt {
            writer.key("mentionCreatedAt")
            writer.timestamp(mentionCreatedAt)
        }
        writer.optionalString("brand", brand)
        writer.optionalString("account", account)
        writer.optionalString("mentionUrl", mentionUrl)
        writer.endObject()
    }
}
