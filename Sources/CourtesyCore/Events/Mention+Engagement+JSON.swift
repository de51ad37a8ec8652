extension Mention.Engagement {
    /// Reads an engagement object; every count is optional and defaults to 0.
    init(reader: inout JSONReader) throws(EventDecodingError) {
        self.init()
        var seen = FieldSet()
        try reader.beginObject(field: "engagement")
        var first = true
        while let key = try reader.nextKey(first: &first, field: "engagement") {
            let start = reader.offset
            switch key {
            case "likes":
                try seen.insert(0, "engagement.likes", at: start)
                likes = try reader.readCount(field: "engagement.likes")
            case "replies":
                try seen.insert(1, "engagement.replies", at: start)
                replies = try reader.readCount(field: "engagement.replies")
            case "shares":
                try seen.insert(2, "engagement.shares", at: start)
                shares = try reader.readCount(field: "engagement.shares")
            default:
                try reader.skipValue(field: "engagement." + key)
            }
        }
    }

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
