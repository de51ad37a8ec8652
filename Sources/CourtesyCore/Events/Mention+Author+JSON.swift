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
        while let index = try reader.nextKey(first: &first, among: Self.fieldNames, field: "author") {
            let start = reader.offset
            let key = index >= 0 ? Self.fieldPaths[index] : "author." + reader.lastKey
            if index >= 0 { try seen.insert(index, key, at: start) }
            switch index {
            case 0: id = try reader.readNonEmptyString(field: key)
            case 1: handle = try reader.readOptionalString(field: key)
            case 2: displayName = try reader.readOptionalString(field: key)
            case 3:
                if try !reader.readNullIfPresent(field: key) {
                    followers = try reader.readCount(field: key)
                }
            case 4:
                if try !reader.readNullIfPresent(field: key) {
                    verified = try reader.readBool(field: key)
                }
            case 5: locale = try reader.readOptionalString(field: key)
            default:
                try reader.skipValue(field: key)
            }
        }
        guard let id else { throw EventDecodingError(.missingField, field: "author.id") }
        self.init(
            id: id, handle: handle, displayName: displayName, followers: followers, verified: verified, locale: locale)
    }

    /// The member names read, in the order of the `switch` in ``init(reader:)``, and their paths.
    private static let fieldNames: [StaticString] = ["id", "handle", "displayName", "followers", "verified", "locale"]
    private static let fieldPaths = [
        "author.id", "author.handle", "author.displayName", "author.followers", "author.verified", "author.locale",
    ]

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
