extension Draft.TemplateChoice {
    /// Reads a template object, `{"name", "variant"}`, both required; `field` is its path.
    init(reader: inout JSONReader, field: String) throws(EventDecodingError) {
        var name: String?
        var variant: Int?
        var seen = FieldSet()
        let paths = [field + ".name", field + ".variant"]
        try reader.beginObject(field: field)
        var first = true
        while let index = try reader.nextKey(first: &first, among: Self.fieldNames, field: field) {
            let start = reader.offset
            let key = index >= 0 ? paths[index] : field + "." + reader.lastKey
            if index >= 0 { try seen.insert(index, key, at: start) }
            switch index {
            case 0: name = try reader.readNonEmptyString(field: key)
            case 1: variant = try reader.readCount(field: key)
            default: try reader.skipValue(field: key)
            }
        }
        guard let name else { throw EventDecodingError(.missingField, field: paths[0]) }
        guard let variant else { throw EventDecodingError(.missingField, field: paths[1]) }
        self.init(name: name, variant: variant)
    }

    private static let fieldNames: [StaticString] = ["name", "variant"]

    /// Writes the template choice as `{"name", "variant"}`.
    func write(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.key("name")
        writer.string(name)
        writer.key("variant")
        writer.int(variant)
        writer.endObject()
    }
}
