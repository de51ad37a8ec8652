import Testing

@testable import CourtesyCore

@Suite("Desk decisions: who may decide, first wins, text and reasons, conversations, replies")
struct DeskDecisionTests {
    private typealias F = DeskFixtures

    private func queue(_ drafts: Draft...) -> DeskQueue {
        var queue = DeskQueue()
        for draft in drafts { queue.apply(draft: draft) }
        return queue
    }

    private func error(_ body: () throws(DeskError) -> DeskOutcome) -> DeskError? {
        do throws(DeskError) {
            _ = try body()
            return nil
        } catch {
            return error
        }
    }

    @Test("approving as drafted records approve and builds the reply from the draft")
    func approveAsDrafted() throws {
        let draft = F.draft("1893")
        let desk = queue(draft)
        let outcome = try desk.decide(draft.id, .approve(), by: F.sam, at: F.time(minutes: 3))
        #expect(outcome.decisions.count == 1)
        let decision = outcome.decisions[0]
        #expect(decision.id == Decision.identifier(draftId: draft.id))
        #expect(decision.action == .approve)
        #expect(decision.text == draft.text)
        #expect(decision.approver == "Sam Rivera")
        #expect(decision.decidedAt == F.time(minutes: 3))
        #expect(decision.template == draft.template)
        let reply = try #require(outcome.reply)
        #expect(reply == desk.reply(for: decision))
        #expect(reply.id == draft.id)
        #expect(reply.inReplyTo == "1893")
        #expect(reply.text == draft.text)
        #expect(reply.approvedBy == "Sam Rivera")

        // The same text given explicitly is still `approve`.
        let same = try desk.decide(
            draft.id, .approve(text: "  " + draft.text + "\n"), by: F.sam, at: F.time(minutes: 3))
        #expect(same.decisions[0].action == .approve)
    }

    @Test("approving with other text records edit and the reply carries the edited text")
    func edit() throws {
        let draft = F.draft("1893")
        var desk = DeskQueue()
        desk.apply(draft: draft, mentionCreatedAt: F.time(minutes: -3))
        let outcome = try desk.decide(
            draft.id, .approve(text: "Hi Jane, a new parcel leaves today.\r\n^Sam ", reason: "more concrete"),
            by: F.kim, at: F.time(minutes: 4))
        let decision = outcome.decisions[0]
        #expect(decision.action == .edit)
        #expect(decision.text == "Hi Jane, a new parcel leaves today.\n^Sam")
        #expect(decision.reason == "more concrete")
        #expect(decision.mentionCreatedAt == F.time(minutes: -3))
        let reply = try #require(outcome.reply)
        #expect(reply.text == "Hi Jane, a new parcel leaves today.\n^Sam")
        #expect(reply.approvedBy == "Kim Lee")
        #expect(reply.mentionCreatedAt == F.time(minutes: -3))
        #expect(try Decision(json: decision.jsonBytes()) == decision)
    }

    @Test("the mention's time comes from the draft unless the caller knows it")
    func mentionCreatedAtFromDraft() throws {
        var carried = F.draft("1893")
        carried.mentionCreatedAt = F.time(minutes: -5)
        var older = F.draft("1894", author: "43")
        older.mentionCreatedAt = nil
        var overridden = F.draft("1895", author: "44")
        overridden.mentionCreatedAt = F.time(minutes: -7)
        var desk = DeskQueue()
        desk.apply(draft: carried)
        desk.apply(draft: older)
        desk.apply(draft: overridden, mentionCreatedAt: F.time(minutes: -9))
        let expected: [(Draft, Timestamp?)] = [
            (carried, F.time(minutes: -5)), (older, nil), (overridden, F.time(minutes: -9)),
        ]
        for (draft, time) in expected {
            let outcome = try desk.decide(draft.id, .approve(), by: F.sam, at: F.time(minutes: 2))
            #expect(outcome.decisions[0].mentionCreatedAt == time)
            #expect(outcome.reply?.mentionCreatedAt == time)
        }
    }

    @Test("the first decision wins: a second gets a conflict naming who decided and when")
    func conflict() throws {
        let draft = F.draft("1893")
        var desk = queue(draft)
        let first = try desk.decide(draft.id, .approve(), by: F.sam, at: F.time(minutes: 3))
        for decision in first.decisions { desk.apply(decision: decision) }

        let second = error { () throws(DeskError) in
            try desk.decide(draft.id, .reject(reason: "too late"), by: F.kim, at: F.time(minutes: 4))
        }
        guard case .conflict(let record) = second else {
            Issue.record("expected a conflict, got \(String(describing: second))")
            return
        }
        #expect(record.approver == "Sam Rivera")
        #expect(record.decidedAt == F.time(minutes: 3))
        #expect(record.action == .approve)
        #expect(
            second?.description
                == "draft \(draft.id) was already approved by Sam Rivera at 2025-03-01T10:03:00.000Z")
    }

    @Test("unknown drafts are not found; viewers may not decide")
    func notFoundAndForbidden() {
        let draft = F.draft("1893")
        let desk = queue(draft)
        #expect(
            error { () throws(DeskError) in try desk.decide("d_nope", .approve(), by: F.sam, at: F.start) }
                == .notFound(draftId: "d_nope"))
        #expect(
            error { () throws(DeskError) in try desk.decide(draft.id, .approve(), by: F.viewer, at: F.start) }
                == .forbidden(approver: "Vic Viewer", role: .viewer))
    }

    @Test("edited text is validated: empty, too long for the platform, hidden characters")
    func textValidation() {
        let tweet = F.draft("t", author: "1", platform: .x)
        let mail = F.draft("m", author: "2", platform: .email)
        let desk = queue(tweet, mail)
        func problem(_ text: String, on draft: Draft) -> DeskError? {
            error { () throws(DeskError) in try desk.decide(draft.id, .approve(text: text), by: F.sam, at: F.start) }
        }
        #expect(problem("   \n  ", on: tweet) == .invalidText(.empty))
        #expect(problem("   \n\t ", on: tweet) == .invalidText(.forbiddenCharacter(codePoint: 0x09, position: 1)))
        #expect(
            problem(String(repeating: "a", count: 281), on: tweet)
                == .invalidText(.tooLong(length: 281, limit: 280, unit: .weighted)))
        #expect(problem(String(repeating: "é", count: 280), on: tweet) == nil)
        #expect(problem(String(repeating: "a", count: 281), on: mail) == nil)
        #expect(
            problem("Hi \u{202E}naJ", on: tweet) == .invalidText(.forbiddenCharacter(codePoint: 0x202E, position: 4)))
        #expect(
            problem("Hi\u{200B}Jane", on: tweet) == .invalidText(.forbiddenCharacter(codePoint: 0x200B, position: 3)))
        #expect(
            problem("Hi\u{0007}", on: tweet) == .invalidText(.forbiddenCharacter(codePoint: 0x07, position: 3)))
        #expect(problem("Hi\tJane", on: tweet) == .invalidText(.forbiddenCharacter(codePoint: 0x09, position: 3)))
        #expect(problem("line\u{2028}break", on: tweet) != nil)
        #expect(problem("Hi \u{3164}", on: tweet) != nil)
        #expect(problem("Hi \u{E000}", on: tweet) != nil)
        #expect(problem("mark\u{200E}", on: tweet) != nil)
        #expect(problem("Hi \u{200D}Jane", on: tweet) != nil)
        #expect(problem("\u{E0067}\u{E0062}", on: tweet) != nil)
        #expect(problem("two\nlines, emoji 👩‍💻 👍🏽 🇪🇸 🏴󠁧󠁢󠁳󠁣󠁴󠁿, Persian می‌خواهم", on: tweet) == nil)
        #expect(problem("see https://acme.example/track and @acme_help", on: tweet) == nil)
        #expect(
            DeskError.invalidText(.forbiddenCharacter(codePoint: 0x202E, position: 4)).description
                == "the reply text has a forbidden invisible or control character U+202E at character 4")
    }

    @Test("a rejection needs a reason, which is validated, and publishes no reply")
    func rejection() throws {
        let draft = F.draft("1893")
        let desk = queue(draft)
        func problem(_ reason: String) -> DeskError? {
            error { () throws(DeskError) in try desk.decide(draft.id, .reject(reason: reason), by: F.sam, at: F.start) }
        }
        #expect(problem("") == .reasonRequired)
        #expect(problem(" \n ") == .reasonRequired)
        #expect(problem("spam\u{202E}") == .invalidReason(.forbiddenCharacter(codePoint: 0x202E, position: 5)))
        #expect(
            problem(String(repeating: "x", count: 501))
                == .invalidReason(.tooLong(length: 501, limit: 500, unit: .codePoints)))

        let outcome = try desk.decide(draft.id, .reject(reason: " duplicate of a DM "), by: F.sam, at: F.start)
        #expect(outcome.reply == nil)
        #expect(outcome.decisions.count == 1)
        #expect(outcome.decisions[0].action == .reject)
        #expect(outcome.decisions[0].reason == "duplicate of a DM")
        #expect(outcome.decisions[0].text == nil)
        #expect(desk.reply(for: outcome.decisions[0]) == nil)
    }

    @Test("approving one draft of a conversation answers the others with one reply")
    func conversationApproval() throws {
        let first = F.draft("j1", author: "jane", createdMinutes: 1)
        let second = F.draft("j2", author: "jane", createdMinutes: 2)
        let third = F.draft("j3", author: "jane", createdMinutes: 3)
        let otherCustomer = F.draft("o1", author: "omar")
        var desk = queue(first, second, third, otherCustomer)
        let outcome = try desk.decide(
            second.id, .approve(text: "Hi Jane, all three are sorted."), by: F.sam, at: F.start)
        #expect(outcome.decisions.map(\.draftId) == [second.id, first.id, third.id])
        #expect(outcome.decisions.map(\.action) == [.edit, .answered, .answered])
        #expect(outcome.decisions.dropFirst().allSatisfy { $0.answeredBy == second.id })
        #expect(outcome.decisions.allSatisfy { $0.text == "Hi Jane, all three are sorted." })
        #expect(outcome.reply?.id == second.id)
        #expect(outcome.decisions.compactMap { desk.reply(for: $0) }.count == 1)

        for decision in outcome.decisions { desk.apply(decision: decision) }
        #expect(desk.list().map(\.id) == [otherCustomer.id])
        let late = error { () throws(DeskError) in try desk.decide(third.id, .approve(), by: F.kim, at: F.start) }
        #expect(late?.description.contains("answered by Sam Rivera") == true)
        #expect(late?.description.contains("with the reply to \(second.id)") == true)

        // Scope `.draft` answers only the draft named; a rejection never touches the others.
        let single = queue(first, second)
        let onlyOne = try single.decide(first.id, .approve(), by: F.sam, at: F.start, scope: .draft)
        #expect(onlyOne.decisions.map(\.draftId) == [first.id])
        let rejected = try single.decide(first.id, .reject(reason: "spam"), by: F.sam, at: F.start)
        #expect(rejected.decisions.map(\.draftId) == [first.id])
    }
}
