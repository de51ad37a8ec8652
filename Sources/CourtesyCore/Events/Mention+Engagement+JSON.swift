extension Mention.Engagement {
    /// Reads an engagement object; every count is optional and defaults to 0.
    init(reader: inout JSONReader) throws(EventDecodingError) {
        self.init()
        var seen = FieldSet()
        try reader.beginObject(field: "engagement")
        var first = true
        var expected = 0
        while let (field, key) = try reader.nextMember(first: &first, in: Self.fields, seen: &seen, expected: &expected)
        {
            switch field {
            case .likes?: likes = try reader.readCount(field: key)
            case .replies?: replies = try reader.readCount(field: key)
            case .shares?: shares = try reader.readCount(field: key)
            case nil: try reader.skipValue(field: key)
            }
        }
    }

    /// The members of an engagement object.
    enum Field: String, CaseIterable {
        case likes, replies, shares
    }

    private static let fields = JSONFieldTable<Field>(within: "engagement")

    func write(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.key("likes")
        writer.int(likes)
        writer.key("replies")
        writer.int(replies)
        writer.key("shares")
        writer.int(shares)
        writer.endObject()
    }
}
