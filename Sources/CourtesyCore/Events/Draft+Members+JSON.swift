extension Draft.Agent {
    /// Reads an `agent` object, `{"id", "name"}`, both required and non-empty.
    init(reader: inout JSONReader) throws(EventDecodingError) {
        var id: String?
        var name: String?
        var seen = FieldSet()
        try reader.beginObject(field: "agent")
        var first = true
        var expected = 0
        while let (field, key) = try reader.nextMember(first: &first, in: Self.fields, seen: &seen, expected: &expected)
        {
            switch field {
            case .id?: id = try reader.readNonEmptyString(field: key)
            case .name?: name = try reader.readNonEmptyString(field: key)
            case nil: try reader.skipValue(field: key)
            }
        }
        guard let id else { throw EventDecodingError(.missingField, field: "agent.id") }
        guard let name else { throw EventDecodingError(.missingField, field: "agent.name") }
        self.init(id: id, name: name)
    }

    /// The members of an agent object.
    enum Field: String, CaseIterable {
        case id, name
    }

    private static let fields = JSONFieldTable<Field>(within: "agent")

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

extension Draft.TemplateChoice {
    /// Reads a `template` object, `{"name", "variant"}`, both required.
    init(reader: inout JSONReader) throws(EventDecodingError) {
        var name: String?
        var variant: Int?
        var seen = FieldSet()
        try reader.beginObject(field: "template")
        var first = true
        var expected = 0
        while let (field, key) = try reader.nextMember(first: &first, in: Self.fields, seen: &seen, expected: &expected)
        {
            switch field {
            case .name?: name = try reader.readNonEmptyString(field: key)
            case .variant?: variant = try reader.readCount(field: key)
            case nil: try reader.skipValue(field: key)
            }
        }
        guard let name else { throw EventDecodingError(.missingField, field: "template.name") }
        guard let variant else { throw EventDecodingError(.missingField, field: "template.variant") }
        self.init(name: name, variant: variant)
    }

    /// The members of a template object.
    enum Field: String, CaseIterable {
        case name, variant
    }

    private static let fields = JSONFieldTable<Field>(within: "template")

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
