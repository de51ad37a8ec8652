extension Draft.Agent {
    /// Reads an agent object, `{"id", "name"}`, both required and non-empty; `field` is its path.
    init(reader: inout JSONReader, field: String) throws(EventDecodingError) {
        var id: String?
        var name: String?
        var seen = FieldSet()
        let paths = [field + ".id", field + ".name"]
        try reader.beginObject(field: field)
        var first = true
        while let index = try reader.nextKey(first: &first, among: Self.fieldNames, field: field) {
            let start = reader.offset
            let key = index >= 0 ? paths[index] : field + "." + reader.lastKey
            if index >= 0 { try seen.insert(index, key, at: start) }
            switch index {
            case 0: id = try reader.readNonEmptyString(field: key)
            case 1: name = try reader.readNonEmptyString(field: key)
            default: try reader.skipValue(field: key)
            }
        }
        guard let id else { throw EventDecodingError(.missingField, field: paths[0]) }
        guard let name else { throw EventDecodingError(.missingField, field: paths[1]) }
        self.init(id: id, name: name)
    }

    private static let fieldNames: [StaticString] = ["id", "name"]

    /// Writes the agent as `{"id", "name"}`.
    func write(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.key("id")
        writer.string(id)
        writer.key("name")
        writer.string(name)
        writer.endObject()
    }
}
