import Foundation
import Testing

@testable import CourtesyCore

/// 2026-01-14 10:30 UTC, a Wednesday.
private let now = Timestamp(millisecondsSinceEpoch: 1_768_386_600_000)

private func responder() throws -> Responder {
    let everyDay = Set(Weekday.allCases)
    let roster = try AgentRoster(agents: [
        Agent(
            id: "ana", name: "Ana García", skills: ["delivery"], languages: ["en"], timeZone: .gmt,
            shifts: [AgentShift(days: everyDay, startMinute: 0, endMinute: 1440)]),
        Agent(
            id: "ben", name: "Ben Okafor", skills: ["delivery"], languages: ["en"], timeZone: .gmt,
            shifts: [AgentShift(days: everyDay, startMinute: 0, endMinute: 1440)]),
    ])
    return Responder(
        classifier: try sharedClassifier.get(), names: try NameExtractor(), roster: roster,
        templates: try TemplateLibrary.bundled(), clock: { now })
}

private func mention(_ id: String, _ text: String, at rfc3339: String, platform: Platform = .x) -> Mention {
    Mention(
        id: id, platform: platform, brand: "acme",
        author: Mention.Author(id: "42", handle: "rachel_g", displayName: "Rachel Green", followers: 300),
        text: text, createdAt: Timestamp(rfc3339: rfc3339)!)
}

private func json(_ mention: Mention) -> [UInt8] {
    var writer = JSONWriter(capacity: 256)
    mention.write(to: &writer)
    return writer.bytes
}

@Suite("Responder with memory: a repeat contact is acknowledged, and both paths write the same bytes")
struct ResponderMemoryTests {
    @Test("A customer writing again is told we saw the earlier contact, keeps the agent, and is not asked again")
    func repeatContact() throws {
        let responder = try responder()
        var memory = ConversationMemory()
        let first = mention("1", "@acme order #70412 still hasn't arrived", at: "2026-01-12T09:00:00Z")
        let second = mention(
            "2", "@acme still nothing!! this is the second time I'm asking", at: "2026-01-14T10:00:00Z")
        var output: [UInt8] = []
        let drafted = try json(first).withUnsafeBytes {
            try responder.appendDraft(json: $0, to: &output, memory: (memory, 0, 10), at: now)
        }
        let contact = try #require(drafted.contact)
        #expect(drafted.conversationKey == "x:42")
        #expect(drafted.conversation == StableHash.hash("x:42"))
        // Facts from the extractor are remembered; give the contact an order as the extractor would.
        var remembered = contact
        remembered.facts = [Fact(kind: .order, value: "#70412", normalised: "70412", span: nil)]
        memory.remember(remembered, conversation: drafted.conversation, partition: 0)

        let earlier = memory.earlierContacts(
            conversation: drafted.conversation, partition: 0, before: 11, at: second.createdAt)
        let draft = try responder.draft(for: second, earlier: earlier, at: now)
        #expect(draft.previousContacts.map(\.mentionId) == ["1"])
        #expect(draft.text.contains("on Monday"), "\(draft.text)")
        #expect(draft.agent.id == contact.agent)
        #expect(!draft.text.lowercased().contains("order number"), "\(draft.text)")
        #expect(draft.text.contains("#70412") || draft.text.contains("wrote to us"), "\(draft.text)")

        // The hot path writes exactly the bytes of the Draft encoded, with the previous contacts.
        var hot: [UInt8] = []
        _ = try json(second).withUnsafeBytes {
            try responder.appendDraft(json: $0, to: &hot, memory: (memory, 0, 11), at: now)
        }
        #expect(hot.elementsEqual(draft.jsonBytes()))
        let decoded = try Draft(json: hot)
        #expect(decoded == draft)

        // Drafted again at its own position or earlier (a replay), the first mention sees nothing of itself.
        var replay: [UInt8] = []
        let again = try json(first).withUnsafeBytes {
            try responder.appendDraft(json: $0, to: &replay, memory: (memory, 0, 10), at: now)
        }
        #expect(replay.elementsEqual(output))
        #expect(again.contact == contact)
    }

    @Test("Without earlier contacts, a draft has no previousContacts member and the bytes it always had")
    func firstContactUnchanged() throws {
        let responder = try responder()
        let first = mention("1", "@acme my parcel is 3 days late", at: "2026-01-12T09:00:00Z")
        var withMemory: [UInt8] = []
        _ = try json(first).withUnsafeBytes {
            try responder.appendDraft(json: $0, to: &withMemory, memory: (ConversationMemory(), 0, 1), at: now)
        }
        var without: [UInt8] = []
        _ = try json(first).withUnsafeBytes { try responder.appendDraft(json: $0, to: &without, at: now) }
        #expect(withMemory.elementsEqual(without))
        #expect(!String(decoding: without, as: UTF8.self).contains("previousContacts"))
    }
}
