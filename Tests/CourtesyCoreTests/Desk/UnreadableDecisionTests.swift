import Testing

@testable import CourtesyCore

@Suite("A decision that cannot be read back keeps its draft decided", .timeLimit(.minutes(1)))
struct UnreadableDecisionTests {
    private typealias F = DeskFixtures

    private let error = EventDecodingError(.textTooLong(size: 17_000, limit: 16_384), field: "text", offset: 120)

    @Test("the draft leaves the queue, cannot be decided again, and shows why")
    func closesTheDraft() {
        let draft = F.draft("1893")
        let other = F.draft("1894", author: "43")
        var queue = DeskQueue()
        queue.apply(draft: draft)
        queue.apply(draft: other)
        let unreadable = UnreadableDecision(draftId: draft.id, error: error, location: "courtesy.decisions[1]@7")
        #expect(queue.apply(unreadable: unreadable) == .decided)
        #expect(queue.apply(unreadable: unreadable) == .duplicate)
        #expect(queue.list().map(\.id) == [other.id])
        #expect(queue.pendingCount == 1)
        #expect(queue.decidedCount == 1)
        #expect(queue.unreadableDecisionCount == 1)
        #expect(queue.show(draft.id) == .decidedUnreadably(unreadable))
        #expect(queue.apply(draft: draft) == .draftAlreadyDecided)
        #expect(queue.conversation(ofPending: draft.id) == nil)

        do throws(DeskError) {
            _ = try queue.decide(draft.id, .approve(), by: F.kim, at: F.start)
            Issue.record("a draft closed by an unreadable decision was approved again")
        } catch {
            #expect(error == .decisionUnreadable(unreadable))
            #expect(
                error.description
                    == "draft \(draft.id) was already decided, but its decision cannot be read back (field \"text\": "
                    + "17000 bytes, over the limit of 16384 at byte 120); it stays decided and the desk publishes no "
                    + "reply for it")
        }
    }

    @Test("first in the log wins, readable or not, and a draft that arrives later is never queued")
    func firstWins() throws {
        let draft = F.draft("1893")
        let readable = Decision(
            draft: draft, action: .approve, text: draft.text, approver: "Sam Rivera", reason: nil, decidedAt: F.start)
        let unreadable = UnreadableDecision(draftId: draft.id, error: error)

        var unreadableFirst = DeskQueue()
        #expect(unreadableFirst.apply(unreadable: unreadable) == .decidedBeforeDraft)
        #expect(unreadableFirst.apply(decision: readable) == .unreadableDecisionStands(unreadable))
        #expect(unreadableFirst.apply(draft: draft) == .draftAlreadyDecided)
        #expect(unreadableFirst.pendingCount == 0)
        #expect(unreadableFirst.show(draft.id) == .decidedUnreadably(unreadable))

        var readableFirst = DeskQueue()
        readableFirst.apply(draft: draft)
        #expect(readableFirst.apply(decision: readable) == .decided)
        #expect(readableFirst.apply(unreadable: unreadable) == .laterDecisionIgnored(DecisionRecord(readable)))
        #expect(readableFirst.show(draft.id) == .decided(DecisionRecord(readable)))
    }

    @Test("a rebuild from raw events keeps a draft decided when its keyed decision cannot be decoded")
    func rebuild() {
        let closed = F.draft("1893")
        let open = F.draft("1894", author: "43")
        let stray = F.draft("1895", author: "44")
        let tooLong = Decision(
            draft: closed, action: .edit, text: String(repeating: "A", count: 17_000), approver: "Sam Rivera",
            reason: nil, decidedAt: F.start)
        var queue = DeskQueue()
        let report = queue.apply(events: [
            .draft(closed.jsonBytes()), .draft(open.jsonBytes()), .draft(stray.jsonBytes()),
            .decision(tooLong.jsonBytes(), key: Array(closed.id.utf8)),
            .decision(Array("not a decision".utf8), key: Array("x:44".utf8)),
        ])
        #expect(report.undecodable == 2)
        #expect(report.unreadableDecisions == 1)
        #expect(queue.list().map(\.id).sorted() == [open.id, stray.id].sorted())
        guard case .decidedUnreadably(let unreadable) = queue.show(closed.id) else {
            Issue.record("the draft is not kept decided: \(String(describing: queue.show(closed.id)))")
            return
        }
        #expect(unreadable.location == "event 3")
        #expect(unreadable.error.kind == .textTooLong(size: 17_000, limit: 16_384))
    }
}
