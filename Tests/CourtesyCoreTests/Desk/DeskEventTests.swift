import Foundation
import Testing

@testable import CourtesyCore

@Suite("Decision and reply events")
struct DeskEventTests {
    private let draft = DeskFixtures.draft("1893")

    private func decode(decision text: String) -> EventDecodingError? {
        do throws(EventDecodingError) {
            _ = try Decision(json: Array(text.utf8))
            return nil
        } catch {
            return error
        }
    }

    /// A valid `approve` decision on ``draft`` with one member replaced (or removed, when `value` is nil).
    private func decisionJSON(replacing field: String, with value: String?) -> String {
        let id = Decision.identifier(draftId: draft.id)
        var members: [(String, String)] = [
            ("schema", #""courtesy.decision/v1""#), ("id", "\"\(id)\""), ("draftId", "\"\(draft.id)\""),
            ("action", #""approve""#), ("text", #""Hello""#), ("approver", #""Sam""#),
            ("decidedAt", #""2025-03-01T10:05:00Z""#), ("mentionId", #""1893""#), ("platform", #""x""#),
            ("conversation", #""x:42""#), ("agent", #"{"id":"a1","name":"Sam"}"#),
            ("template", #"{"name":"en/complaint.x","variant":1}"#), ("draftCreatedAt", #""2025-03-01T10:00:00Z""#),
            ("replyBy", #""2025-03-01T11:00:00Z""#),
        ]
        if let index = members.firstIndex(where: { $0.0 == field }) {
            if let value {
                members[index].1 = value
            } else {
                members.remove(at: index)
            }
        } else if let value {
            members.append((field, value))
        }
        return "{" + members.map { "\"\($0.0)\":\($0.1)" }.joined(separator: ",") + "}"
    }

    @Test("decisions round-trip with stable bytes, for every action")
    func decisionRoundTrip() throws {
        let decisions = [
            Decision(
                draft: draft, action: .approve, text: draft.text, approver: "Sam Rivera", reason: nil,
                decidedAt: DeskFixtures.time(minutes: 3)),
            Decision(
                draft: draft, action: .edit, text: "Quote \" slash \\ line\nnew 😡", approver: "Sam Rivera",
                reason: "warmer", decidedAt: DeskFixtures.time(minutes: 3),
                mentionCreatedAt: DeskFixtures.time(minutes: -1)),
            Decision(
                draft: draft, action: .reject, text: nil, approver: "Kim", reason: "already answered by phone",
                decidedAt: DeskFixtures.time(minutes: 4)),
            Decision(
                draft: draft, action: .answered, text: "Hi", approver: "Kim", reason: nil, answeredBy: "d_other",
                decidedAt: DeskFixtures.time(minutes: 4)),
        ]
        for decision in decisions {
            let bytes = decision.jsonBytes()
            #expect(try Decision(json: bytes) == decision)
            #expect(try Decision(json: bytes).jsonBytes() == bytes)
        }
        let text = String(decoding: decisions[2].jsonBytes(), as: UTF8.self)
        #expect(text.hasPrefix(#"{"schema":"courtesy.decision/v1","id":"c_"#))
        #expect(text.contains(#""action":"reject","approver":"Kim","reason":"already answered by phone""#))
        #expect(!text.contains(#""text""#))
        #expect(!text.contains("mentionCreatedAt"))
    }

    @Test("decision ids are deterministic per draft and pinned")
    func decisionIdentifiers() {
        let id = Decision.identifier(draftId: draft.id)
        #expect(id == Decision.identifier(draftId: draft.id))
        #expect(id != Decision.identifier(draftId: DeskFixtures.draft("1894").id))
        #expect(id.hasPrefix("c_") && id.count == 26)
        #expect(Decision.identifier(draftId: "d_2669c6fb89d0b6e265643142") == "c_77ea948ea8aac3661b040ad5")
    }

    @Test("decision decoding is strict about fields and rules")
    func decisionStrict() {
        #expect(decode(decision: decisionJSON(replacing: "_", with: nil)) == nil)
        #expect(
            decode(decision: decisionJSON(replacing: "approver", with: nil))?.description
                == #"missing field "approver""#)
        #expect(decode(decision: decisionJSON(replacing: "text", with: nil))?.description == #"missing field "text""#)
        #expect(
            decode(decision: decisionJSON(replacing: "action", with: #""reject""#))?.description
                == #"missing field "reason""#)
        #expect(
            decode(decision: decisionJSON(replacing: "action", with: #""answered""#))?.description
                == #"missing field "answeredBy""#)
        #expect(
            decode(decision: decisionJSON(replacing: "answeredBy", with: #""d_x""#))?.field == "answeredBy")
        #expect(decode(decision: decisionJSON(replacing: "id", with: #""c_000000000000000000000000""#))?.field == "id")
        #expect(
            decode(decision: decisionJSON(replacing: "action", with: #""maybe""#))?.description.contains(
                #"unknown value "maybe""#) == true)
        #expect(
            decode(decision: decisionJSON(replacing: "schema", with: #""courtesy.decision/v2""#))?.kind
                == .unknownSchema(found: "courtesy.decision/v2", expected: "courtesy.decision/v1"))
        #expect(decode(decision: decisionJSON(replacing: "decidedAt", with: #""yesterday""#))?.field == "decidedAt")
        #expect(decode(decision: decisionJSON(replacing: "extra", with: #"{"nested":[1,2]}"#)) == nil)
        let duplicated = decisionJSON(replacing: "_", with: nil).dropLast() + #","approver":"Kim"}"#
        #expect(decode(decision: String(duplicated))?.kind == .duplicateField)
        #expect(decode(decision: "[]")?.kind == .typeMismatch(expected: "object", found: "array"))
        #expect(decode(decision: #"{"schema":"courtesy.decision/v1""#)?.kind == .unexpectedEnd)
    }

    @Test("replies come from approvals only, with the final text, and round-trip")
    func replies() throws {
        let edited = Decision(
            draft: draft, action: .edit, text: "Hi Jane, we're on it. ^Sam", approver: "Sam Rivera", reason: nil,
            decidedAt: DeskFixtures.time(minutes: 7), mentionCreatedAt: DeskFixtures.time(minutes: -2))
        let reply = try #require(Reply(decision: edited))
        #expect(reply.id == draft.id)
        #expect(reply.platform == .x)
        #expect(reply.conversation == "x:42")
        #expect(reply.inReplyTo == "1893")
        #expect(reply.text == "Hi Jane, we're on it. ^Sam")
        #expect(reply.agent == draft.agent)
        #expect(reply.approvedBy == "Sam Rivera")
        #expect(reply.approvedAt == DeskFixtures.time(minutes: 7))
        #expect(reply.mentionCreatedAt == DeskFixtures.time(minutes: -2))
        let bytes = reply.jsonBytes()
        #expect(try Reply(json: bytes) == reply)
        #expect(try Reply(json: bytes).jsonBytes() == bytes)
        #expect(String(decoding: bytes, as: UTF8.self).hasPrefix(#"{"schema":"courtesy.reply/v1","id":"d_"#))

        let rejected = Decision(
            draft: draft, action: .reject, text: nil, approver: "Sam", reason: "spam",
            decidedAt: DeskFixtures.time(minutes: 7))
        #expect(Reply(decision: rejected) == nil)
        let answered = Decision(
            draft: draft, action: .answered, text: "Hi", approver: "Sam", reason: nil, answeredBy: "d_x",
            decidedAt: DeskFixtures.time(minutes: 7))
        #expect(Reply(decision: answered) == nil)

        var missing = String(decoding: bytes, as: UTF8.self)
        missing = missing.replacingOccurrences(of: #","approvedBy":"Sam Rivera""#, with: "")
        #expect(throws: EventDecodingError(.missingField, field: "approvedBy")) {
            try Reply(json: Array(missing.utf8))
        }
        let empty = String(decoding: bytes, as: UTF8.self).replacingOccurrences(
            of: #""text":"Hi Jane, we're on it. ^Sam""#, with: #""text":"""#)
        #expect(throws: EventDecodingError.self) { try Reply(json: Array(empty.utf8)) }
    }
}
