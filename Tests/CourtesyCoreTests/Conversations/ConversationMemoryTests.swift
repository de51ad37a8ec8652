import Testing

@testable import CourtesyCore

private func contact(_ position: Int64, minutes: Int64, facts: [Fact] = [], agent: String? = "ana")
    -> ConversationContact
{
    ConversationContact(
        mentionId: "m\(position)", position: position,
        at: Timestamp(millisecondsSinceEpoch: 1_764_000_000_000 + minutes * 60_000), intent: .complaint,
        topics: ["delivery"], facts: facts, agent: agent)
}

private func time(minutes: Int64) -> Timestamp {
    Timestamp(millisecondsSinceEpoch: 1_764_000_000_000 + minutes * 60_000)
}

@Suite("Conversation memory: earlier contacts by position, window and budget")
struct ConversationMemoryTests {
    @Test("A record holds every field and reads back equal; damaged bytes are refused")
    func recordRoundTrip() {
        let contacts = [
            contact(7, minutes: 0, facts: [Fact(kind: .order, value: "#48213", normalised: "48213", span: nil)]),
            contact(Int64(1) << 47, minutes: -90_000, agent: nil),
            ConversationContact(
                mentionId: "ñ😀", position: 0, at: Timestamp(millisecondsSinceEpoch: -5), intent: .other, topics: [],
                facts: [], agent: nil),
        ]
        let bytes = ConversationRecord.bytes(of: contacts)
        #expect(ConversationRecord.contacts(in: bytes) == contacts)
        #expect(ConversationRecord.contacts(in: bytes.dropLast()) == nil)
        #expect(ConversationRecord.contacts(in: [2] + bytes.dropFirst()) == nil)
        #expect(ConversationRecord.contacts(in: []) == nil)
        #expect(ConversationRecord.contacts(in: [1]) == [])
    }

    @Test("A mention sees only contacts at earlier positions, newest first: a replay sees what the first run saw")
    func earlierOnly() {
        var memory = ConversationMemory()
        for position in [10, 11, 12] as [Int64] {
            memory.remember(contact(position, minutes: position), conversation: 1, partition: 0)
        }
        #expect(
            memory.earlierContacts(conversation: 1, partition: 0, before: 12, at: time(minutes: 12)).map(\.position)
                == [11, 10])
        #expect(memory.earlierContacts(conversation: 1, partition: 0, before: 10, at: time(minutes: 10)).isEmpty)
        #expect(memory.earlierContacts(conversation: 1, partition: 1, before: 99, at: time(minutes: 99)).isEmpty)
        #expect(memory.earlierContacts(conversation: 2, partition: 0, before: 99, at: time(minutes: 99)).isEmpty)
        // Replaying 11 replaces it rather than adding a second contact.
        memory.remember(contact(11, minutes: 11), conversation: 1, partition: 0)
        #expect(memory.earlierContacts(conversation: 1, partition: 0, before: 99, at: time(minutes: 99)).count == 3)
        #expect(memory.count == 1)
    }

    @Test("At most the configured contacts, and none from outside the window before the mention")
    func limits() {
        var memory = ConversationMemory(settings: .init(contacts: 2, windowSeconds: 3600, conversations: 10))
        memory.remember(contact(1, minutes: 0), conversation: 1, partition: 0)
        memory.remember(contact(2, minutes: 50), conversation: 1, partition: 0)
        memory.remember(contact(3, minutes: 55), conversation: 1, partition: 0)
        // Keeps the newest two.
        #expect(
            memory.earlierContacts(conversation: 1, partition: 0, before: 9, at: time(minutes: 56)).map(\.position) == [
                3, 2,
            ])
        // Two hours later the window has passed.
        #expect(memory.earlierContacts(conversation: 1, partition: 0, before: 9, at: time(minutes: 176)).isEmpty)
        let off = ConversationMemory(settings: .init(contacts: 0))
        #expect(off.earlierContacts(conversation: 1, partition: 0, before: 9, at: time(minutes: 0)).isEmpty)
    }

    @Test("Restoring merges by position, so two writers' records lose no contact; unreadable records change nothing")
    func restoreMerges() {
        var memory = ConversationMemory()
        let newer = ConversationRecord.bytes(of: [contact(1, minutes: 1), contact(3, minutes: 3)])
        let older = ConversationRecord.bytes(of: [contact(1, minutes: 1), contact(2, minutes: 2)])
        let restoredNewer = memory.restore(newer, conversation: 5, partition: 2)
        let restoredOlder = memory.restore(older, conversation: 5, partition: 2)
        let restoredDamaged = memory.restore([9, 9, 9], conversation: 5, partition: 2)
        #expect(restoredNewer && restoredOlder && !restoredDamaged)
        #expect(
            memory.earlierContacts(conversation: 5, partition: 2, before: 9, at: time(minutes: 9)).map(\.position) == [
                3, 2, 1,
            ])
        memory.forget(partition: 2)
        #expect(memory.count == 0)
        #expect(memory.earlierContacts(conversation: 5, partition: 2, before: 9, at: time(minutes: 9)).isEmpty)
    }

    @Test("Past the budget the conversations with the oldest contacts are forgotten first")
    func budget() {
        var memory = ConversationMemory(settings: .init(contacts: 5, windowSeconds: 86_400 * 365, conversations: 32))
        for index in 0..<40 as Range<Int64> {
            memory.remember(contact(index, minutes: index), conversation: UInt64(index), partition: Int32(index % 3))
        }
        #expect(memory.count <= 32)
        #expect(memory.forgotten == 40 - memory.count)
        #expect(memory.earlierContacts(conversation: 0, partition: 0, before: 99, at: time(minutes: 40)).isEmpty)
        #expect(memory.earlierContacts(conversation: 39, partition: 0, before: 99, at: time(minutes: 40)).count == 1)
    }
}
