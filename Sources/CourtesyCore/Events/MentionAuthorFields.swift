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
        var expected = 0
        while let (field, key) = try reader.nextMember(first: &first, in: Self.fields, seen: &seen, expected: &expected)
        {
            switch field {
            case .id?: id = try reader.readNonEmptyStringRange(field: key)
            case .handle?: handle = try reader.readOptionalStringRange(field: key)
            case .displayName?: displayName = try reader.readOptionalStringRange(field: key)
            case .followers?:
                if try !reader.readNullIfPresent(field: key) {
                    followers = try reader.readCount(field: key)
                }
            case .verified?:
                if try !reader.readNullIfPresent(field: key) {
                    verified = try reader.readBool(field: key)
                }
            case .locale?: locale = try reader.readOptionalStringRange(field: key)
            case nil:
                try reader.skipValue(field: key)
            }
        }
        guard let id else { throw EventDecodingError(.missingField, field: "author.id") }
        self.id = id
    }

    /// The members of an author object, in the order events are written in.
    enum Field: String, CaseIterable {
        case id, handle, displayName, followers, verified, locale
    }

    private static let fields = JSONFieldTable<Field>(within: "author")
}
