extension Mention.Author {
    /// Reads an author object; `id` is required, the rest optional.
    init(reader: inout JSONReader) throws(EventDecodingError) {
        var id: String?
        var handle: String?
        var displayName: String?
        var followers = 0
        var verified = false
        var locale: String?
        var seen = FieldSet()

        try reader.beginObject(field: "author")
        var first = true
        while let key = try reader.nextKey(first: &first, field: "author") {
            let start = reader.offset
            switch key {
            case "id":
                try seen.insert(0, "author.id", at: start)
                id = try reader.readNonEmptyString(field: "author.id")
            case "handle":
                try seen.insert(1, "author.handle", at: start)
                handle = try reader.readOptionalString(field: "author.handle")
            case "displayName":
                try seen.insert(2, "author.displayName", at: start)
                displayName = try reader.readOptionalString(field: "author.displayName")
            case "followers":
                try seen.insert(3, "author.followers", at: start)
                if try !reader.readNullIfPresent(field: "author.followers") {
                    followers = try reader.readCount(field: "author.followers")
                }
            case "verified":
                try seen.insert(4, "author.verified", at: start)
                if try !reader.readNullIfPresent(field: "author.verified") {
                    verified = try reader.readBool(field: "author.verified")
                }
            case "locale":
                try seen.insert(5, "author.locale", at: start)
                locale = try reader.readOptionalString(field: "author.locale")
            default:
                try reader.skipValue(field: "author." + key)
            }
        }
        guard let id else { throw EventDecodingError(.missingField, field: "author.id") }
        self.init(
            id: id, handle: handle, displayName: displayName, followers: followers, verified: verified, locale: locale)
    }

    func write(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.key("id")
        writer.string(id)
        writer.optionalString("handle", handle)
        writer.optionalString("displayName", displayName)
        writer.key("followers")
        writer.int(followers)
        writer.key("verified")
        writer.bool(verified)
        writer.optionalString("locale", locale)
        writer.endObject()
    }
}
