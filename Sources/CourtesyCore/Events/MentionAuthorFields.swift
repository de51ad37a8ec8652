/// The members of a mention's author object as ``MentionView`` reads them: strings left as ranges.
struct MentionAuthorFields {
    var id: JSONStringRange
    var handle: JSONStringRange?
    var displayName: JSONStringRange?
    var followers = 0
    var verified = false
    var locale: JSONStringRange?

    /// Reads an author object; `id` is required, the rest optional.
    init(reader: inout JSONReader) throws(EventDecodingError) {
        var id: JSONStringRange?
        var seen = FieldSet()
        try reader.beginObject(field: "author")
        var first = true
        // Events are usually written in the order of `fieldNames`: the next one is compared first.
        var expected = 0
        while let index = try reader.nextKey(
            first: &first, among: Self.fieldNames, expecting: expected, field: "author")
        {
            expected = index + 1
            let start = reader.offset
            let key = index >= 0 ? Self.fieldPaths[index] : "author." + reader.lastKey
            if index >= 0 { try seen.insert(index, key, at: start) }
            switch index {
            case 0: id = try reader.readNonEmptyStringRange(field: key)
            case 1: handle = try reader.readOptionalStringRange(field: key)
            case 2: displayName = try reader.readOptionalStringRange(field: key)
            case 3:
                if try !reader.readNullIfPresent(field: key) {
                    followers = try reader.readCount(field: key)
                }
            case 4:
                if try !reader.readNullIfPresent(field: key) {
                    verified = try reader.readBool(field: key)
                }
            case 5: locale = try reader.readOptionalStringRange(field: key)
            default:
                try reader.skipValue(field: key)
            }
        }
        guard let id else { throw EventDecodingError(.missingField, field: "author.id") }
        self.id = id
    }

    private static let fieldNames: [StaticString] = [
        "id", "handle", "displayName", "followers", "verified", "locale",
    ]
    private static let fieldPaths = [
        "author.id", "author.handle", "author.displayName", "author.followers", "author.verified",
        "author.locale",
    ]
}
