extension Mention.Engagement {
    /// Reads an engagement object; every count is optional and defaults to 0.
    init(reader: inout JSONReader) throws(EventDecodingError) {
        self.init()
        var seen = FieldSet()
        try reader.beginObject(field: "engagement")
        var first = true
        while let index = try reader.nextKey(first: &first, among: Self.fieldNames, field: "engagement") {
            let start = reader.offset
            let key = index >= 0 ? Self.fieldPaths[index] : "engagement." + reader.lastKey
            if index >= 0 { try seen.insert(index, key, at: start) }
            switch index {
            case 0: likes = try reader.readCount(field: key)
            case 1: replies = try reader.readCount(field: key)
            case 2: shares = try reader.readCount(field: key)
            default: try reader.skipValue(field: key)
            }
        }
    }

    /// The member names read, in the order of the `switch` in ``init(reader:)``, and their paths.
    private static let fieldNames: [StaticString] = ["likes", "replies", "shares"]
    private static let fieldPaths = ["engagement.likes", "engagement.replies", "engagement.shares"]

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
