extension MentionView {
    /// Decodes and checks a `courtesy.mention/v1` event held in `buffer` (see ``Mention/init(json:limits:)-([UInt8],_)``).
    init(json buffer: UnsafeRawBufferPointer, limits: EventLimits) throws(EventDecodingError) {
        guard buffer.count <= limits.maxEventBytes else {
            throw EventDecodingError(.eventTooLarge(size: buffer.count, limit: limits.maxEventBytes))
        }
        var reader = JSONReader(bytes: buffer, maxDepth: limits.maxDepth)
        try self.init(reader: &reader, limits: limits)
        try reader.expectEnd()
    }

    /// Reads a mention object at the reader's position.
    init(reader: inout JSONReader, limits: EventLimits) throws(EventDecodingError) {
        var schema = false
        var id: JSONStringRange?
        var platform: Platform?
        var brand: JSONStringRange?
        var author: MentionAuthorFields?
        var text: JSONStringRange?
        var url: JSONStringRange?
        var inReplyTo: JSONStringRange?
        var createdAt: Timestamp?
        var engagement: Mention.Engagement?
        var seen = FieldSet()

        try reader.beginEventObject()
        var first = true
        var expected = 0
        while let (field, key) = try reader.nextMember(first: &first, in: Self.fields, seen: &seen, expected: &expected)
        {
            let start = reader.offset
            switch field {
            case .schema?:
                try reader.readSchema("courtesy.mention/v1", field: key)
                schema = true
            case .id?: id = try reader.readNonEmptyStringRange(field: key)
            case .platform?: platform = try reader.readPlatform(field: key)
            case .brand?: brand = try reader.readStringRange(field: key)
            case .author?: author = try MentionAuthorFields(reader: &reader)
            case .text?:
                let value = try reader.readStringRange(field: key)
                let size = value.isEscaped ? reader.string(value).utf8.count : value.count
                guard size <= limits.maxTextBytes else {
                    throw EventDecodingError(
                        .textTooLong(size: size, limit: limits.maxTextBytes), field: key, offset: start)
                }
                text = value
            case .url?: url = try reader.readOptionalStringRange(field: key)
            case .inReplyTo?: inReplyTo = try reader.readOptionalStringRange(field: key)
            case .createdAt?: createdAt = try reader.readTimestamp(field: key)
            case .engagement?:
                if try !reader.readNullIfPresent(field: key) {
                    engagement = try Mention.Engagement(reader: &reader)
                }
            case nil:
                try reader.skipValue(field: key)
            }
        }
        guard schema else { throw EventDecodingError(.missingField, field: "schema") }
        guard let id else { throw EventDecodingError(.missingField, field: "id") }
        guard let platform else { throw EventDecodingError(.missingField, field: "platform") }
        guard let brand else { throw EventDecodingError(.missingField, field: "brand") }
        guard let author else { throw EventDecodingError(.missingField, field: "author") }
        guard let text else { throw EventDecodingError(.missingField, field: "text") }
        guard let createdAt else { throw EventDecodingError(.missingField, field: "createdAt") }
        self.init(
            reader: reader, id: id, platform: platform, brand: brand, authorID: author.id, handle: author.handle,
            displayName: author.displayName, followers: author.followers, verified: author.verified,
            locale: author.locale, text: text, url: url, inReplyTo: inReplyTo, createdAt: createdAt,
            engagement: engagement)
    }

    /// The members of a mention event, in the order events are written in.
    enum Field: String, CaseIterable {
        case schema, id, platform, brand, author, text, url, inReplyTo, createdAt, engagement
    }

    private static let fields = JSONFieldTable<Field>()
}
