extension Draft {
    /// An earlier contact of the conversation, as a draft shows it to the approver.
    package struct PreviousContact: Sendable, Hashable {
        /// The earlier mention's id.
        package var mentionId: String
        /// When it was posted.
        package var at: Timestamp
        /// What the customer was doing then.
        package var intent: Intent
        /// The identifiers it gave.
        package var facts: [Fact]

        /// A previous contact; see the properties.
        package init(mentionId: String, at: Timestamp, intent: Intent, facts: [Fact]) {
            self.mentionId = mentionId
            self.at = at
            self.intent = intent
            self.facts = facts
        }

        /// The contact as a draft shows it.
        package init(_ contact: ConversationContact) {
            self.init(mentionId: contact.mentionId, at: contact.at, intent: contact.intent, facts: contact.facts)
        }
    }

    /// Writes `,"facts":[…]` and `,"previousContacts":[…]`, each only when it has elements: a draft
    /// without them has the bytes it had before the members existed. The contacts are the draft's own,
    /// or the memory's as the hot path has them.
    static func writeMemory<Contact: PreviousContactFields>(
        facts: [Fact], previousContacts: [Contact], to json: inout UnsafeJSONOutput
    ) {
        writeFacts(facts, to: &json)
        guard !previousContacts.isEmpty else { return }
        json.raw(#","previousContacts":["#)
        for (index, contact) in previousContacts.enumerated() {
            if index > 0 { json.byte(UInt8(ascii: ",")) }
            writeContact(
                mentionId: contact.mentionId, at: contact.at, intent: contact.intent, facts: contact.facts, to: &json)
        }
        json.byte(UInt8(ascii: "]"))
    }

    private static func writeFacts(_ facts: [Fact], to json: inout UnsafeJSONOutput) {
        guard !facts.isEmpty else { return }
        json.raw(#","facts":"#)
        write(facts, to: &json)
    }

    private static func writeContact(
        mentionId: String, at: Timestamp, intent: Intent, facts: [Fact], to json: inout UnsafeJSONOutput
    ) {
        json.raw(#"{"id":"#)
        json.quoted(mentionId)
        json.raw(#","at":"#)
        json.timestamp(at)
        json.raw(#","intent":"#)
        json.quoted(intent.rawValue)
        json.raw(#","facts":"#)
        write(facts, to: &json)
        json.byte(UInt8(ascii: "}"))
    }

    /// A bound on what ``writeMemory(facts:previousContacts:to:)`` writes.
    static func memoryMaximum<Contact: PreviousContactFields>(facts: [Fact], previousContacts: [Contact]) -> Int {
        previousContacts.reduce(32 + factsMaximum(facts)) { total, contact in
            total + contactMaximum(mentionId: contact.mentionId, intent: contact.intent, facts: contact.facts)
        }
    }

    private static func contactMaximum(mentionId: String, intent: Intent, facts: [Fact]) -> Int {
        64 + 36 + UnsafeJSONOutput.quotedMaximum(mentionId) + UnsafeJSONOutput.quotedMaximum(intent.rawValue)
            + factsMaximum(facts)
    }

    private static func factsMaximum(_ facts: [Fact]) -> Int {
        facts.reduce(2) { total, fact in
            total + 64 + 2 * 21 + UnsafeJSONOutput.quotedMaximum(fact.kind.rawValue)
                + UnsafeJSONOutput.quotedMaximum(fact.value) + UnsafeJSONOutput.quotedMaximum(fact.normalised)
        }
    }

    private static func write(_ facts: [Fact], to json: inout UnsafeJSONOutput) {
        json.byte(UInt8(ascii: "["))
        for (index, fact) in facts.enumerated() {
            if index > 0 { json.byte(UInt8(ascii: ",")) }
            json.raw(#"{"kind":"#)
            json.quoted(fact.kind.rawValue)
            json.raw(#","value":"#)
            json.quoted(fact.value)
            json.raw(#","normalised":"#)
            json.quoted(fact.normalised)
            if let span = fact.span {
                json.raw(#","span":["#)
                json.int(span.lowerBound)
                json.byte(UInt8(ascii: ","))
                json.int(span.upperBound)
                json.byte(UInt8(ascii: "]"))
            }
            json.byte(UInt8(ascii: "}"))
        }
        json.byte(UInt8(ascii: "]"))
    }

    /// Reads a `facts` array.
    static func readFacts(_ reader: inout JSONReader, field: String) throws(EventDecodingError) -> [Fact] {
        try readObjects(&reader, field: field, members: factFields) {
            (readKeys) throws(EventDecodingError) in
            var kind: Fact.Kind?
            var value: String?
            var normalised: String?
            var span: Range<Int>?
            let element = try readKeys { (reader, key, field) throws(EventDecodingError) in
                switch key {
                case .kind: kind = try reader.readEnum(Fact.Kind.self, field: field)
                case .value: value = try reader.readString(field: field)
                case .normalised: normalised = try reader.readString(field: field)
                case .span: span = try readSpan(&reader, field: field)
                }
            }
            guard let kind else { throw EventDecodingError(.missingField, field: element + ".kind") }
            guard let value else { throw EventDecodingError(.missingField, field: element + ".value") }
            return Fact(kind: kind, value: value, normalised: normalised ?? value, span: span)
        }
    }

    private static func readSpan(_ reader: inout JSONReader, field: String) throws(EventDecodingError) -> Range<Int> {
        var bounds: [Int] = []
        try reader.beginArray(field: field)
        var first = true
        while try reader.nextElement(first: &first, field: field) {
            bounds.append(try reader.readCount(field: field))
        }
        guard bounds.count == 2, bounds[0] <= bounds[1] else {
            throw EventDecodingError(.invalidValue("a span is [start, end] with start ≤ end"), field: field)
        }
        return bounds[0]..<bounds[1]
    }

    /// Reads a `previousContacts` array.
    static func readPreviousContacts(_ reader: inout JSONReader, field: String) throws(EventDecodingError)
        -> [PreviousContact]
    {
        try readObjects(&reader, field: field, members: previousContactFields) {
            (readKeys) throws(EventDecodingError) in
            var mentionId: String?
            var at: Timestamp?
            var intent: Intent?
            var facts: [Fact] = []
            let element = try readKeys { (reader, key, field) throws(EventDecodingError) in
                switch key {
                case .id: mentionId = try reader.readNonEmptyString(field: field)
                case .at: at = try reader.readTimestamp(field: field)
                case .intent: intent = try reader.readEnum(Intent.self, field: field)
                case .facts: facts = try readFacts(&reader, field: field)
                }
            }
            guard let mentionId else { throw EventDecodingError(.missingField, field: element + ".id") }
            guard let at else { throw EventDecodingError(.missingField, field: element + ".at") }
            guard let intent else { throw EventDecodingError(.missingField, field: element + ".intent") }
            return PreviousContact(mentionId: mentionId, at: at, intent: intent, facts: facts)
        }
    }

    private enum FactField: String, CaseIterable {
        case kind, value, normalised, span
    }

    private static let factFields = JSONFieldTable<FactField>()

    private enum PreviousContactField: String, CaseIterable {
        case id, at, intent, facts
    }

    private static let previousContactFields = JSONFieldTable<PreviousContactField>()

    /// Reads one object's members: each known one once, with its path ("facts[2].kind"); unknown ones are
    /// skipped. Returns the object's path ("facts[2]").
    typealias KeyReader<Field> = (
        (inout JSONReader, _ key: Field, _ field: String) throws(EventDecodingError) -> Void
    ) throws(EventDecodingError) -> String

    /// Reads an array of objects, `element` making each from a ``KeyReader`` over the table's members.
    private static func readObjects<Element, Field>(
        _ reader: inout JSONReader, field: String, members: JSONFieldTable<Field>,
        _ element: (KeyReader<Field>) throws(EventDecodingError) -> Element
    ) throws(EventDecodingError) -> [Element] {
        var elements: [Element] = []
        try reader.beginArray(field: field)
        var first = true
        while try reader.nextElement(first: &first, field: field) {
            let name = "\(field)[\(elements.count)]"
            try reader.beginObject(field: name)
            let made = try element { (read) throws(EventDecodingError) in
                var seen = FieldSet()
                var firstKey = true
                var expected = 0
                while let index = try reader.nextKey(
                    first: &firstKey, among: members.names, expecting: expected, field: name)
                {
                    expected = index + 1
                    guard index >= 0 else {
                        try reader.skipValue(field: name + "." + reader.lastKey)
                        continue
                    }
                    let field = name + "." + members.fields[index].rawValue
                    try seen.insert(index, field, at: reader.offset)
                    try read(&reader, members.fields[index], field)
                }
                return name
            }
            elements.append(made)
        }
        return elements
    }
}

/// What a draft event says of an earlier contact, whichever type holds it.
protocol PreviousContactFields {
    var mentionId: String { get }
    var at: Timestamp { get }
    var intent: Intent { get }
    var facts: [Fact] { get }
}

extension Draft.PreviousContact: PreviousContactFields {}
extension ConversationContact: PreviousContactFields {}
