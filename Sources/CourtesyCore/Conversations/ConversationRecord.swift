/// A conversation's remembered contacts in the compact binary form kept in memory and written, as the
/// record's value, to the compacted `courtesy.conversations` topic.
///
/// One form for both, so that remembering a contact makes the record to send, and rebuilding a partition
/// stores what it reads without converting it. The layout (docs/responder.md):
/// a version byte (1), then each contact, oldest first: position and time (LEB128, time as milliseconds
/// since 1970, zigzag), intent (one byte), mention id and agent id (length-prefixed UTF-8; an empty agent
/// is none), topics and facts (a count byte, then each length-prefixed; a fact is its kind's byte, value
/// and normalised value).
package enum ConversationRecord {
    /// The format this version writes and reads.
    static let version: UInt8 = 1
    /// The longest string kept in a record, in bytes; longer ones are cut at a character boundary.
    static let maximumString = 255

    /// The contacts in a record, oldest first, or `nil` when the bytes are not a record this version reads.
    package static func contacts(in bytes: some Collection<UInt8>) -> [ConversationContact]? {
        var reader = Reader(bytes: Array(bytes))
        guard reader.byte() == version else { return nil }
        var contacts: [ConversationContact] = []
        while !reader.atEnd {
            guard let position = reader.varint(), let time = reader.varint(),
                let intentByte = reader.byte(), intentByte < Intent.allCases.count,
                let mentionId = reader.string(), let agent = reader.string(), let topicCount = reader.byte()
            else { return nil }
            var topics: [String] = []
            for _ in 0..<topicCount {
                guard let topic = reader.string() else { return nil }
                topics.append(topic)
            }
            guard let factCount = reader.byte() else { return nil }
            var facts: [Fact] = []
            for _ in 0..<factCount {
                guard let kindByte = reader.byte(), kindByte < Fact.Kind.allCases.count,
                    let value = reader.string(), let normalised = reader.string()
                else { return nil }
                facts.append(
                    Fact(kind: Fact.Kind.allCases[Int(kindByte)], value: value, normalised: normalised, span: nil))
            }
            contacts.append(
                ConversationContact(
                    mentionId: mentionId, position: Int64(bitPattern: position),
                    at: Timestamp(millisecondsSinceEpoch: zigzagDecode(time)),
                    intent: Intent.allCases[Int(intentByte)], topics: topics, facts: facts,
                    agent: agent.isEmpty ? nil : agent))
        }
        return contacts
    }

    /// One contact of a record, found without reading its strings: where its bytes are, its position and time.
    struct Outline: Sendable {
        let bytes: Range<Int>
        let position: Int64
        let milliseconds: Int64
    }

    /// The contacts of a record, oldest first, as ``Outline``s, or `nil` when the bytes are not a record this
    /// version reads (strings are skipped, not checked).
    static func outline(of record: [UInt8]) -> [Outline]? {
        var reader = Reader(bytes: record)
        guard reader.byte() == version else { return nil }
        var outlines: [Outline] = []
        while !reader.atEnd {
            let start = reader.index
            guard let position = reader.varint(), let time = reader.varint(), reader.skip(1), reader.skipString(),
                reader.skipString(), let topicCount = reader.byte()
            else { return nil }
            for _ in 0..<topicCount {
                guard reader.skipString() else { return nil }
            }
            guard let factCount = reader.byte() else { return nil }
            for _ in 0..<factCount {
                guard reader.skip(1), reader.skipString(), reader.skipString() else { return nil }
            }
            outlines.append(
                Outline(
                    bytes: start..<reader.index, position: Int64(bitPattern: position),
                    milliseconds: zigzagDecode(time)))
        }
        return outlines
    }

    /// A record of the contacts `kept` of `record` (outlines of it, oldest first), then `contact`: the
    /// kept contacts' bytes are copied as they are.
    static func bytes(keeping kept: some Collection<Outline>, of record: [UInt8], then contact: ConversationContact)
        -> [UInt8]
    {
        var bytes: [UInt8] = [version]
        bytes.reserveCapacity(1 + kept.reduce(0) { $0 + $1.bytes.count } + maximumCount(of: contact))
        for outline in kept { bytes.append(contentsOf: record[outline.bytes]) }
        append(contact, to: &bytes)
        return bytes
    }

    /// The record of `contacts`, oldest first.
    package static func bytes(of contacts: [ConversationContact]) -> [UInt8] {
        var bytes: [UInt8] = [version]
        bytes.reserveCapacity(1 + contacts.reduce(0) { $0 + maximumCount(of: $1) })
        for contact in contacts { append(contact, to: &bytes) }
        return bytes
    }

    /// The record of one contact: a conversation's first.
    static func bytes(of contact: ConversationContact) -> [UInt8] {
        var bytes: [UInt8] = [version]
        bytes.reserveCapacity(1 + maximumCount(of: contact))
        append(contact, to: &bytes)
        return bytes
    }

    private static func append(_ contact: ConversationContact, to bytes: inout [UInt8]) {
        appendVarint(UInt64(bitPattern: contact.position), to: &bytes)
        appendVarint(zigzagEncode(contact.at.millisecondsSinceEpoch), to: &bytes)
        bytes.append(UInt8(Intent.allCases.firstIndex(of: contact.intent)!))
        appendString(contact.mentionId, to: &bytes)
        appendString(contact.agent ?? "", to: &bytes)
        let topics = contact.topics.prefix(255)
        bytes.append(UInt8(topics.count))
        for topic in topics { appendString(topic, to: &bytes) }
        let facts = contact.facts.prefix(255)
        bytes.append(UInt8(facts.count))
        for fact in facts {
            bytes.append(UInt8(Fact.Kind.allCases.firstIndex(of: fact.kind)!))
            appendString(fact.value, to: &bytes)
            appendString(fact.normalised, to: &bytes)
        }
    }

    /// The bytes ``append(_:to:)`` writes for `contact` at most (exactly, unless a string is cut), so that
    /// a record is allocated once and, held for a long time, not larger than it needs.
    private static func maximumCount(of contact: ConversationContact) -> Int {
        func string(_ value: String) -> Int { 1 + min(value.utf8.count, maximumString) }
        func varint(_ value: UInt64) -> Int { max(1, (64 - value.leadingZeroBitCount + 6) / 7) }
        var count =
            varint(UInt64(bitPattern: contact.position)) + varint(zigzagEncode(contact.at.millisecondsSinceEpoch))
            + 1 + string(contact.mentionId) + string(contact.agent ?? "") + 2
        for topic in contact.topics.prefix(255) { count += string(topic) }
        for fact in contact.facts.prefix(255) { count += 1 + string(fact.value) + string(fact.normalised) }
        return count
    }

    private static func zigzagEncode(_ value: Int64) -> UInt64 {
        UInt64(bitPattern: (value << 1) ^ (value >> 63))
    }

    private static func zigzagDecode(_ value: UInt64) -> Int64 {
        Int64(bitPattern: value >> 1) ^ -Int64(bitPattern: value & 1)
    }

    private static func appendVarint(_ value: UInt64, to bytes: inout [UInt8]) {
        var value = value
        while value >= 0x80 {
            bytes.append(UInt8(value & 0x7F) | 0x80)
            value >>= 7
        }
        bytes.append(UInt8(value))
    }

    private static func appendString(_ string: String, to bytes: inout [UInt8]) {
        var string = string
        string.withUTF8 { utf8 in
            var end = utf8.count
            if end > maximumString {
                end = maximumString
                // Back to the start of a character: continuation bytes are 10xxxxxx.
                while end > 0, utf8[end] & 0xC0 == 0x80 { end -= 1 }
            }
            bytes.append(UInt8(end))
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[..<end]))
        }
    }

    private struct Reader {
        let bytes: [UInt8]
        var index = 0

        var atEnd: Bool { index >= bytes.count }

        mutating func byte() -> UInt8? {
            guard index < bytes.count else { return nil }
            defer { index += 1 }
            return bytes[index]
        }

        mutating func varint() -> UInt64? {
            var result: UInt64 = 0
            var shift: UInt64 = 0
            while let byte = byte() {
                result |= UInt64(byte & 0x7F) << shift
                if byte < 0x80 { return result }
                shift += 7
                if shift > 63 { return nil }
            }
            return nil
        }

        mutating func skip(_ count: Int) -> Bool {
            guard index + count <= bytes.count else { return false }
            index += count
            return true
        }

        mutating func skipString() -> Bool {
            guard let count = byte() else { return false }
            return skip(Int(count))
        }

        mutating func string() -> String? {
            guard let count = byte(), index + Int(count) <= bytes.count else { return nil }
            defer { index += Int(count) }
            return String(validating: bytes[index..<(index + Int(count))], as: UTF8.self)
        }
    }
}
