extension Reply: StrictJSONDecodable {
    /// Reads a reply object at the reader's position.
    ///
    /// Every field but `mentionCreatedAt` is required; `text` must not be empty, must fit
    /// `limits.maxTextBytes` and must meet ``ReplyTextPolicy`` exactly as recorded, as the reply's
    /// platform counts. Unknown fields are skipped.
    package init(reader: inout JSONReader, limits: EventLimits = .standard) throws(EventDecodingError) {
        var schema: String?
        var id: String?
        var platform: Platform?
        var conversation: String?
        var inReplyTo: String?
        var text: String?
        var agent: Draft.Agent?
        var approvedBy: String?
        var approvedAt: Timestamp?
        var mentionCreatedAt: Timestamp?
        var brand: String?
        var account: String?
        var url: String?
        var textOffset = 0
        var seen = FieldSet()

        try reader.beginEventObject()
        var first = true
        var expected = 0
        while let (field, key) = try reader.nextMember(first: &first, in: Self.fields, seen: &seen, expected: &expected)
        {
            switch field {
            case .schema?:
                try reader.readSchema("courtesy.reply/v1", field: key)
                schema = Reply.schema
            case .id?: id = try reader.readNonEmptyString(field: key)
            case .platform?: platform = try reader.readPlatform(field: key)
            case .conversation?: conversation = try reader.readNonEmptyString(field: key)
            case .inReplyTo?: inReplyTo = try reader.readNonEmptyString(field: key)
            case .text?:
                textOffset = reader.offset
                text = try reader.readReplyText(field: key, limit: limits.maxTextBytes, optional: false)
            case .agent?: agent = try Draft.Agent(reader: &reader)
            case .approvedBy?: approvedBy = try reader.readNonEmptyString(field: key)
            case .approvedAt?: approvedAt = try reader.readTimestamp(field: key)
            case .mentionCreatedAt?: mentionCreatedAt = try reader.readOptionalTimestamp(field: key)
            case .brand?: brand = try reader.readOptionalString(field: key)
            case .account?: account = try reader.readOptionalString(field: key)
            case .url?: url = try reader.readOptionalString(field: key)
            case nil:
                try reader.skipValue(field: key)
            }
        }
        guard schema != nil else { throw EventDecodingError(.missingField, field: "schema") }
        guard let id else { throw EventDecodingError(.missingField, field: "id") }
        guard let platform else { throw EventDecodingError(.missingField, field: "platform") }
        guard let conversation else { throw EventDecodingError(.missingField, field: "conversation") }
        guard let inReplyTo else { throw EventDecodingError(.missingField, field: "inReplyTo") }
        guard let text else { throw EventDecodingError(.missingField, field: "text") }
        guard let agent else { throw EventDecodingError(.missingField, field: "agent") }
        guard let approvedBy else { throw EventDecodingError(.missingField, field: "approvedBy") }
        guard let approvedAt else { throw EventDecodingError(.missingField, field: "approvedAt") }
        try ReplyTextPolicy.check(reply: text, platform: platform, at: textOffset)
        self.init(
            id: id, platform: platform, conversation: conversation, inReplyTo: inReplyTo, text: text, agent: agent,
            approvedBy: approvedBy, approvedAt: approvedAt, mentionCreatedAt: mentionCreatedAt)
        self.brand = brand
        self.account = account
        self.url = url
    }

    /// The members of a reply event, in the order events are written in.
    enum Field: String, CaseIterable {
        case schema, id, platform, conversation, inReplyTo, text, agent, approvedBy, approvedAt, mentionCreatedAt
        case brand, account, url
    }

    private static let fields = JSONFieldTable<Field>()

    /// The event as compact JSON, members in a fixed order: the same reply always gives the same bytes.
    package func jsonBytes() -> [UInt8] {
        var writer = JSONWriter(capacity: 384 + text.utf8.count)
        write(to: &writer)
        return writer.bytes
    }

    /// Writes the event as a JSON object; `mentionCreatedAt` is left out when unknown.
    package func write(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.key("schema")
        writer.string(Reply.schema)
        writer.key("id")
        writer.string(id)
        writer.key("platform")
        writer.string(platform.rawValue)
        writer.key("conversation")
        writer.string(conversation)
        writer.key("inReplyTo")
        writer.string(inReplyTo)
        writer.key("text")
        writer.string(text)
        writer.key("agent")
        agent.write(to: &writer)
        writer.key("approvedBy")
        writer.string(approvedBy)
        writer.key("approvedAt")
        writer.timestamp(approvedAt)
        if let mentionCreatedAt {
            writer.key("mentionCreatedAt")
            writer.timestamp(mentionCreatedAt)
        }
        writer.optionalString("brand", brand)
        writer.optionalString("account", account)
        writer.optionalString("url", url)
        writer.endObject()
    }
}
