extension Mention {
    /// Decodes a `courtesy.mention/v1` event from UTF-8 JSON.
    ///
    /// Decoding is strict: required fields must be present with the right types, the schema must be
    /// `courtesy.mention/v1`, the text must fit `limits.maxTextBytes`. Unknown fields are skipped
    /// (after checking they are well-formed) so producers can add fields without breaking readers.
    public init(json bytes: [UInt8], limits: EventLimits = .standard) throws(EventDecodingError) {
        self = try JSONReader.withBuffer(bytes) { (buffer) throws(EventDecodingError) -> Mention in
            try Mention(json: buffer, limits: limits)
        }
    }

    /// Decodes a `courtesy.mention/v1` event from UTF-8 JSON held in `buffer`.
    public init(json buffer: UnsafeRawBufferPointer, limits: EventLimits = .standard) throws(EventDecodingError) {
        guard buffer.count <= limits.maxEventBytes else {
            throw EventDecodingError(.eventTooLarge(size: buffer.count, limit: limits.maxEventBytes))
        }
        var reader = JSONReader(bytes: buffer, maxDepth: limits.maxDepth)
        try self.init(reader: &reader, limits: limits)
        try reader.expectEnd()
    }

    /// Reads a mention object at the reader's position.
    public init(reader: inout JSONReader, limits: EventLimits = .standard) throws(EventDecodingError) {
        var schema: String?
        var id: String?
        var platform: Platform?
        var brand: String?
        var author: Author?
        var text: String?
        var url: String?
        var inReplyTo: String?
        var createdAt: Timestamp?
        var engagement: Engagement?
        var seen = FieldSet()

        if try reader.peekKind() != .object {
            // Not an object: a syntax error in what is there explains more than "expected object".
            var probe = reader
            try probe.skipValue()
        }
        try reader.beginObject()
        var first = true
        while let index = try reader.nextKey(first: &first, among: Self.fieldNames) {
            let start = reader.offset
            let key = index >= 0 ? Self.fieldPaths[index] : reader.lastKey
            if index >= 0 { try seen.insert(index, key, at: start) }
            switch index {
            case 0:
                try reader.readSchema("courtesy.mention/v1", field: key)
                schema = Mention.schema
            case 1: id = try reader.readNonEmptyString(field: key)
            case 2: platform = try reader.readPlatform(field: key)
            case 3: brand = try reader.readString(field: key)
            case 4: author = try Author(reader: &reader)
            case 5:
                let value = try reader.readString(field: key)
                let size = value.utf8.count
                guard size <= limits.maxTextBytes else {
                    throw EventDecodingError(
                        .textTooLong(size: size, limit: limits.maxTextBytes), field: key, offset: start)
                }
                text = value
            case 6: url = try reader.readOptionalString(field: key)
            case 7: inReplyTo = try reader.readOptionalString(field: key)
            case 8: createdAt = try reader.readTimestamp(field: key)
            case 9:
                if try !reader.readNullIfPresent(field: key) {
                    engagement = try Engagement(reader: &reader)
                }
            default:
                try reader.skipValue(field: key)
            }
        }
        guard schema != nil else { throw EventDecodingError(.missingField, field: "schema") }
        guard let id else { throw EventDecodingError(.missingField, field: "id") }
        guard let platform else { throw EventDecodingError(.missingField, field: "platform") }
        guard let brand else { throw EventDecodingError(.missingField, field: "brand") }
        guard let author else { throw EventDecodingError(.missingField, field: "author") }
        guard let text else { throw EventDecodingError(.missingField, field: "text") }
        guard let createdAt else { throw EventDecodingError(.missingField, field: "createdAt") }
        self.init(
            id: id, platform: platform, brand: brand, author: author, text: text, url: url, inReplyTo: inReplyTo,
            createdAt: createdAt, engagement: engagement)
    }

    /// The member names read, in the order of the `switch` in ``init(reader:limits:)``.
    private static let fieldNames: [StaticString] = [
        "schema", "id", "platform", "brand", "author", "text", "url", "inReplyTo", "createdAt", "engagement",
    ]
    private static let fieldPaths = [
        "schema", "id", "platform", "brand", "author", "text", "url", "inReplyTo", "createdAt", "engagement",
    ]

    /// The event as compact JSON, members in a fixed order: the same mention always gives the same bytes.
    public func jsonBytes() -> [UInt8] {
        var writer = JSONWriter(capacity: 256 + text.utf8.count)
        write(to: &writer)
        return writer.bytes
    }

    /// Writes the event as a JSON object.
    public func write(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.key("schema")
        writer.string(Mention.schema)
        writer.key("id")
        writer.string(id)
        writer.key("platform")
        writer.string(platform.rawValue)
        writer.key("brand")
        writer.string(brand)
        writer.key("author")
        author.write(to: &writer)
        writer.key("text")
        writer.string(text)
        writer.optionalString("url", url)
        writer.optionalString("inReplyTo", inReplyTo)
        writer.key("createdAt")
        writer.timestamp(createdAt)
        if let engagement {
            writer.key("engagement")
            engagement.write(to: &writer)
        }
        writer.endObject()
    }
}
