extension Draft: StrictJSONDecodable {
    /// The event as compact JSON, members in a fixed order: the same draft always gives the same bytes.
    package func jsonBytes() -> [UInt8] {
        var writer = JSONWriter(capacity: 0)
        write(to: &writer)
        return writer.bytes
    }

    /// Writes the event as a JSON object.
    package func write(to writer: inout JSONWriter) {
        writer.appendUnchecked(maximum: encodedMaximum) { json in
            json.raw(#"{"schema":"courtesy.draft/v1","id":"#)
            json.quoted(id)
            json.raw(#","mentionId":"#)
            json.quoted(mentionId)
            json.raw(#","platform":"#)
            json.quoted(platform.rawValue)
            json.raw(#","brand":"#)
            json.quoted(brand)
            if let account {
                json.raw(#","account":"#)
                json.quoted(account)
            }
            json.raw(#","conversation":"#)
            json.quoted(conversation)
            json.raw(#","customer":{"#)
            if let name = customer.name {
                json.raw(#""name":"#)
                json.quoted(name)
            }
            if let handle = customer.handle {
                if customer.name != nil { json.byte(UInt8(ascii: ",")) }
                json.raw(#""handle":"#)
                json.quoted(handle)
            }
            if let followers = customer.followers {
                if customer.name != nil || customer.handle != nil { json.byte(UInt8(ascii: ",")) }
                json.raw(#""followers":"#)
                json.int(followers)
            }
            json.raw(#"},"agent":{"id":"#)
            json.quoted(agent.id)
            json.raw(#","name":"#)
            json.quoted(agent.name)
            json.raw(#"},"intent":"#)
            json.quoted(intent.rawValue)
            json.raw(#","tone":"#)
            json.quoted(tone.rawValue)
            if let toneModel {
                json.raw(#","toneModel":"#)
                json.quoted(toneModel)
            }
            json.raw(#","topics":["#)
            for (index, topic) in topics.enumerated() {
                if index > 0 { json.byte(UInt8(ascii: ",")) }
                json.quoted(topic)
            }
            json.raw(#"],"priority":{"level":"#)
            json.quoted(priority.level.rawValue)
            json.raw(#","score":"#)
            json.int(priority.score)
            json.raw(#","reasons":["#)
            for (index, reason) in priority.reasons.enumerated() {
                if index > 0 { json.byte(UInt8(ascii: ",")) }
                json.quoted(reason)
            }
            json.raw(#"]},"language":"#)
            json.quoted(language.rawValue)
            if let reviewReason {
                json.raw(#","reviewReason":"#)
                json.quoted(reviewReason)
            }
            json.raw(#","text":"#)
            json.quoted(text)
            json.raw(#","template":{"name":"#)
            json.quoted(template.name)
            json.raw(#","variant":"#)
            json.int(template.variant)
            json.raw(#"},"createdAt":"#)
            json.timestamp(createdAt)
            if let mentionCreatedAt {
                json.raw(#","mentionCreatedAt":"#)
                json.timestamp(mentionCreatedAt)
            }
            json.raw(#","replyBy":"#)
            json.timestamp(replyBy)
            json.raw(#","excerpt":"#)
            json.quoted(excerpt)
            if let mentionText {
                json.raw(#","mentionText":"#)
                json.quoted(mentionText)
            }
            if let mentionUrl {
                json.raw(#","mentionUrl":"#)
                json.quoted(mentionUrl)
            }
            Draft.writeMemory(facts: facts, previousContacts: previousContacts, to: &json)
            json.byte(UInt8(ascii: "}"))
        }
    }

    /// A bound on the encoded size: the member names and punctuation, every string fully escaped,
    /// the numbers and times at their longest.
    private var encodedMaximum: Int {
        // Summed one by one: an array of the strings would cost an allocation per draft.
        var strings = UnsafeJSONOutput.quotedMaximum(id) + UnsafeJSONOutput.quotedMaximum(mentionId)
        strings += UnsafeJSONOutput.quotedMaximum(platform.rawValue) + UnsafeJSONOutput.quotedMaximum(brand)
        strings += UnsafeJSONOutput.quotedMaximum(conversation) + UnsafeJSONOutput.quotedMaximum(agent.id)
        strings += UnsafeJSONOutput.quotedMaximum(agent.name) + UnsafeJSONOutput.quotedMaximum(intent.rawValue)
        strings +=
            UnsafeJSONOutput.quotedMaximum(tone.rawValue) + UnsafeJSONOutput.quotedMaximum(priority.level.rawValue)
        strings += UnsafeJSONOutput.quotedMaximum(language.rawValue) + UnsafeJSONOutput.quotedMaximum(text)
        strings += UnsafeJSONOutput.quotedMaximum(template.name) + UnsafeJSONOutput.quotedMaximum(excerpt)
        strings += (customer.name.map(UnsafeJSONOutput.quotedMaximum) ?? 0)
        strings += (customer.handle.map(UnsafeJSONOutput.quotedMaximum) ?? 0)
        strings += (reviewReason.map(UnsafeJSONOutput.quotedMaximum) ?? 0)
        strings += (account.map(UnsafeJSONOutput.quotedMaximum) ?? 0) + 12
        strings += (toneModel.map(UnsafeJSONOutput.quotedMaximum) ?? 0) + 14
        strings += (mentionText.map(UnsafeJSONOutput.quotedMaximum) ?? 0) + 16
        strings += (mentionUrl.map(UnsafeJSONOutput.quotedMaximum) ?? 0) + 15
        strings += topics.reduce(0) { $0 + UnsafeJSONOutput.quotedMaximum($1) + 1 }
        strings += priority.reasons.reduce(0) { $0 + UnsafeJSONOutput.quotedMaximum($1) + 1 }
        strings += Draft.memoryMaximum(facts: facts, previousContacts: previousContacts)
        // Member names and punctuation (about 260 bytes), three integers (the followers' with their
        // name), three times.
        return strings + 320 + 3 * 21 + 13 + 3 * 36
    }

    /// Reads a draft object at the reader's position, for ``StrictJSONDecodable``'s `init(json:limits:)`,
    /// whose limits bound the event's size and nesting; a draft's own fields have no further bounds.
    package init(reader: inout JSONReader, limits: EventLimits) throws(EventDecodingError) {
        try self.init(reader: &reader)
    }

    /// Reads a draft object at the reader's position.
    package init(reader: inout JSONReader) throws(EventDecodingError) {
        var fields = DraftMembersRead()
        var seen = FieldSet()
        try reader.beginObject()
        var first = true
        var expected = 0
        while let (field, key) = try reader.nextMember(first: &first, in: Self.fields, seen: &seen, expected: &expected)
        {
            switch field {
            case .schema?:
                let value = try reader.readString(field: key)
                guard value == Draft.schema else {
                    throw EventDecodingError(.unknownSchema(found: value, expected: Draft.schema), field: key)
                }
                fields.schema = value
            case .id?: fields.id = try reader.readNonEmptyString(field: key)
            case .mentionId?: fields.mentionId = try reader.readNonEmptyString(field: key)
            case .platform?: fields.platform = try reader.readPlatform(field: key)
            case .brand?: fields.brand = try reader.readString(field: key)
            case .account?: fields.account = try reader.readNonEmptyString(field: key)
            case .conversation?: fields.conversation = try reader.readNonEmptyString(field: key)
            case .customer?: fields.customer = try Draft.readCustomer(&reader)
            case .agent?: fields.agent = try Agent(reader: &reader)
            case .intent?: fields.intent = try reader.readEnum(Intent.self, field: key)
            case .tone?: fields.tone = try reader.readEnum(Tone.self, field: key)
            case .toneModel?: fields.toneModel = try reader.readNonEmptyString(field: key)
            case .topics?: fields.topics = try Draft.readStrings(&reader, field: key)
            case .priority?: fields.priority = try Draft.readPriority(&reader)
            case .language?: fields.language = Language(rawValue: try reader.readNonEmptyString(field: key))
            case .reviewReason?: fields.reviewReason = try reader.readOptionalString(field: key)
            case .text?: fields.text = try reader.readString(field: key)
            case .template?: fields.template = try TemplateChoice(reader: &reader)
            case .createdAt?: fields.createdAt = try reader.readTimestamp(field: key)
            case .mentionCreatedAt?: fields.mentionCreatedAt = try reader.readOptionalTimestamp(field: key)
            case .replyBy?: fields.replyBy = try reader.readTimestamp(field: key)
            case .excerpt?: fields.excerpt = try reader.readString(field: key)
            case .mentionText?: fields.mentionText = try reader.readOptionalString(field: key)
            case .mentionUrl?: fields.mentionUrl = try reader.readOptionalString(field: key)
            case .facts?: fields.facts = try Draft.readFacts(&reader, field: key)
            case .previousContacts?: fields.previousContacts = try Draft.readPreviousContacts(&reader, field: key)
            case nil: try reader.skipValue(field: key)
            }
        }
        self = try fields.draft()
    }

    /// The members of a draft event, in the order events are written in.
    enum Field: String, CaseIterable {
        case schema, id, mentionId, platform, brand, account, conversation, customer, agent, intent, tone, toneModel
        case topics, priority, language, reviewReason, text, template, createdAt, mentionCreatedAt, replyBy, excerpt
        case mentionText, mentionUrl, facts, previousContacts
    }

    private static let fields = JSONFieldTable<Field>()

    private enum CustomerField: String, CaseIterable {
        case name, handle, followers
    }

    private static let customerFields = JSONFieldTable<CustomerField>(within: "customer")

    private static func readCustomer(_ reader: inout JSONReader) throws(EventDecodingError) -> Customer {
        var customer = Customer(name: nil, handle: nil)
        var seen = FieldSet()
        try reader.beginObject(field: "customer")
        var first = true
        var expected = 0
        while let (field, key) = try reader.nextMember(
            first: &first, in: customerFields, seen: &seen, expected: &expected)
        {
            switch field {
            case .name?: customer.name = try reader.readOptionalString(field: key)
            case .handle?: customer.handle = try reader.readOptionalString(field: key)
            case .followers?:
                if try !reader.readNullIfPresent(field: key) {
                    customer.followers = try reader.readCount(field: key)
                }
            case nil: try reader.skipValue(field: key)
            }
        }
        return customer
    }

    private enum PriorityField: String, CaseIterable {
        case level, score, reasons
    }

    private static let priorityFields = JSONFieldTable<PriorityField>(within: "priority")

    private static func readPriority(_ reader: inout JSONReader) throws(EventDecodingError) -> Priority {
        var level: PriorityLevel?
        var score: Int?
        var reasons: [String] = []
        var seen = FieldSet()
        try reader.beginObject(field: "priority")
        var first = true
        var expected = 0
        while let (field, key) = try reader.nextMember(
            first: &first, in: priorityFields, seen: &seen, expected: &expected)
        {
            switch field {
            case .level?: level = try reader.readEnum(PriorityLevel.self, field: key)
            case .score?: score = try reader.readCount(field: key)
            case .reasons?: reasons = try readStrings(&reader, field: key)
            case nil: try reader.skipValue(field: key)
            }
        }
        guard let level else { throw EventDecodingError(.missingField, field: "priority.level") }
        guard let score else { throw EventDecodingError(.missingField, field: "priority.score") }
        return Priority(level: level, score: score, reasons: reasons)
    }

    private static func readStrings(_ reader: inout JSONReader, field: String) throws(EventDecodingError) -> [String] {
        var values: [String] = []
        try reader.beginArray(field: field)
        var first = true
        while try reader.nextElement(first: &first, field: field) {
            values.append(try reader.readString(field: field))
        }
        return values
    }
}
