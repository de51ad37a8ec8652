extension Mention {
    /// Decodes a `courtesy.mention/v1` event from UTF-8 JSON.
    ///
    /// Decoding is strict: required fields must be present with the right types, the schema must be
    /// `courtesy.mention/v1`, the text must fit `limits.maxTextBytes`. Unknown fields are skipped
    /// (after checking they are well-formed) so producers can add fields without breaking readers.
    package init(json bytes: [UInt8], limits: EventLimits = .standard) throws(EventDecodingError) {
        self = try JSONReader.withBuffer(bytes) { (buffer) throws(EventDecodingError) -> Mention in
            try Mention(json: buffer, limits: limits)
        }
    }

    /// Decodes a `courtesy.mention/v1` event from UTF-8 JSON held in `buffer`.
    package init(json buffer: UnsafeRawBufferPointer, limits: EventLimits = .standard) throws(EventDecodingError) {
        self.init(try MentionView(json: buffer, limits: limits))
    }

    /// Reads a mention object at the reader's position.
    package init(reader: inout JSONReader, limits: EventLimits = .standard) throws(EventDecodingError) {
        self.init(try MentionView(reader: &reader, limits: limits))
    }

    /// The mention a checked view holds, its strings made.
    init(_ view: MentionView) {
        self.init(
            id: view.string(view.id), platform: view.platform, brand: view.string(view.brand), author: view.author,
            text: view.string(view.text), url: view.string(view.url), inReplyTo: view.string(view.inReplyTo),
            createdAt: view.createdAt, engagement: view.engagement)
    }

    /// The event as compact JSON, members in a fixed order: the same mention always gives the same bytes.
    package func jsonBytes() -> [UInt8] {
        var writer = JSONWriter(capacity: 256 + text.utf8.count)
        write(to: &writer)
        return writer.bytes
    }

    /// Writes the event as a JSON object.
    package func write(to writer: inout JSONWriter) {
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
