import Testing

@testable import CourtesyCore

@Suite("Reply ledger: which approvals still owe their reply")
struct ReplyLedgerTests {
    private typealias F = DeskFixtures

    private func decisions(_ drafts: [Draft], _ request: DecisionRequest, minutes: Int) throws -> [Decision] {
        var queue = DeskQueue()
        for draft in drafts { queue.apply(draft: draft) }
        return try drafts.flatMap { draft in
            try queue.decide(draft.id, request, by: F.sam, at: F.time(minutes: minutes), scope: .draft).decisions
        }
    }

    @Test("an approval owes its reply until the reply is read back, whichever comes first")
    func approvalOwesReply() throws {
        let drafts = [F.draft("1", author: "a"), F.draft("2", author: "b"), F.draft("3", author: "c")]
        let approved = try decisions(drafts, .approve(), minutes: 5)
        var ledger = ReplyLedger()
        ledger.recordReply(id: drafts[2].id)  // read before its decision: the topics are read independently
        for decision in approved { ledger.recordDecision(decision) }
        ledger.recordReply(id: drafts[0].id)
        #expect(ledger.owedCount == 1)
        let owed = ledger.owedReplies(decidedFrom: F.time(minutes: 0), to: F.time(minutes: 10))
        #expect(owed.map(\.id) == [drafts[1].id])
        #expect(owed.first == Reply(decision: approved[1]))
    }

    @Test("rejections and answered drafts owe nothing")
    func rejectionsOweNothing() throws {
        var ledger = ReplyLedger()
        for decision in try decisions([F.draft("1")], .reject(reason: "spam"), minutes: 5) {
            ledger.recordDecision(decision)
        }
        var queue = DeskQueue()
        queue.apply(draft: F.draft("7", createdMinutes: 0))
        queue.apply(draft: F.draft("8", createdMinutes: 1))
        let outcome = try queue.decide(F.draft("7").id, .approve(), by: F.sam, at: F.time(minutes: 2))
        #expect(outcome.decisions.map(\.action) == [.approve, .answered])
        for decision in outcome.decisions { ledger.recordDecision(decision) }
        #expect(ledger.owedCount == 1)
        #expect(ledger.owedReplies(decidedFrom: F.start, to: F.time(minutes: 9)).map(\.id) == [F.draft("7").id])
    }

    @Test("the window leaves fresh replies on their way, and very old ones, alone")
    func window() throws {
        var ledger = ReplyLedger()
        for decision in try decisions([F.draft("old", author: "o")], .approve(), minutes: 1) {
            ledger.recordDecision(decision)
        }
        for decision in try decisions([F.draft("new", author: "n")], .approve(text: "Thanks, Jane!"), minutes: 30) {
            ledger.recordDecision(decision)
        }
        #expect(ledger.owedReplies(decidedFrom: F.time(minutes: 10), to: F.time(minutes: 20)).isEmpty)
        #expect(
            ledger.owedReplies(decidedFrom: F.time(minutes: 0), to: F.time(minutes: 20)).map(\.id) == [
                F.draft("old").id
            ])
        let both = ledger.owedReplies(decidedFrom: F.time(minutes: 0), to: F.time(minutes: 40))
        #expect(both.map(\.text) == [F.draft("old").text, "Thanks, Jane!"])
    }
}
