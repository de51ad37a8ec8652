import Testing

@testable import CourtesyCore

@Suite("Desk queue: rebuild, order, filters, conversations, counts")
struct DeskQueueTests {
    private typealias F = DeskFixtures

    private func approval(_ draft: Draft, by approver: String = "Sam Rivera", minutes: Int = 5) -> Decision {
        Decision(
            draft: draft, action: .approve, text: draft.text, approver: approver, reason: nil,
            decidedAt: F.time(minutes: minutes))
    }

    @Test("applying the same drafts and decisions again changes nothing")
    func idempotentRebuild() {
        let drafts = (0..<5).map { F.draft("m\($0)", author: "u\($0)", dueMinutes: 10 * $0) }
        let decision = approval(drafts[1])
        var queue = DeskQueue()
        for draft in drafts { #expect(queue.apply(draft: draft) == .queued) }
        #expect(queue.apply(decision: decision) == .decided)
        let once = queue.list()

        for draft in drafts {
            #expect(queue.apply(draft: draft) == (draft == drafts[1] ? .draftAlreadyDecided : .duplicate))
        }
        #expect(queue.apply(decision: decision) == .duplicate)
        #expect(queue.list() == once)
        #expect(queue.pendingCount == 4)
        #expect(queue.decidedCount == 1)
        #expect(queue.pendingCountsByPriority[.normal] == 4)

        // A re-drafted mention (same id, later time) does not replace the first copy.
        var redrafted = drafts[0]
        redrafted.createdAt = F.time(minutes: 30)
        #expect(queue.apply(draft: redrafted) == .duplicate)
        #expect(queue.list().first?.createdAt == F.time(minutes: 0))
    }

    @Test("a decision read before its draft is kept and the draft never queued; any interleaving converges")
    func decisionBeforeDraft() {
        let draft = F.draft("early")
        let other = F.draft("other", author: "7")
        var queue = DeskQueue()
        #expect(queue.apply(decision: approval(draft)) == .decidedBeforeDraft)
        #expect(queue.pendingCount == 0)
        #expect(queue.apply(draft: draft) == .draftAlreadyDecided)
        #expect(queue.apply(draft: other) == .queued)
        #expect(queue.list().map(\.id) == [other.id])
        guard case .decided(let record) = queue.show(draft.id) else {
            Issue.record("expected a decided draft")
            return
        }
        #expect(record.approver == "Sam Rivera")

        var inOrder = DeskQueue()
        inOrder.apply(draft: draft)
        inOrder.apply(draft: other)
        inOrder.apply(decision: approval(draft))
        #expect(inOrder.list() == queue.list())
        #expect(inOrder.show(draft.id) == queue.show(draft.id))
        #expect(inOrder.pendingCountsByPriority == queue.pendingCountsByPriority)
    }

    @Test("the first decision in the log wins; a later different one is ignored and reported")
    func firstDecisionInLogWins() {
        let draft = F.draft("race")
        var queue = DeskQueue()
        queue.apply(draft: draft)
        let first = approval(draft, by: "Sam Rivera", minutes: 5)
        let second = Decision(
            draft: draft, action: .reject, text: nil, approver: "Kim Lee", reason: "off-topic",
            decidedAt: F.time(minutes: 6))
        #expect(queue.apply(decision: first) == .decided)
        #expect(queue.apply(decision: second) == .laterDecisionIgnored(DecisionRecord(first)))
        guard case .decided(let record) = queue.show(draft.id) else {
            Issue.record("expected a decided draft")
            return
        }
        #expect(record.action == .approve)
        #expect(record.approver == "Sam Rivera")
    }

    @Test("a decided draft keeps the reply sent for approve and edit only")
    func decidedText() {
        let approved = F.draft("approved", author: "1")
        let edited = F.draft("edited", author: "2")
        let rejected = F.draft("rejected", author: "3")
        let answered = F.draft("answered", author: "1")
        var queue = DeskQueue()
        for draft in [approved, edited, rejected, answered] { queue.apply(draft: draft) }
        queue.apply(decision: approval(approved))
        queue.apply(
            decision: Decision(
                draft: edited, action: .edit, text: "Jane, it is on its way. ^Sam", approver: "Sam Rivera", reason: nil,
                decidedAt: F.time(minutes: 5)))
        queue.apply(
            decision: Decision(
                draft: rejected, action: .reject, text: nil, approver: "Kim Lee", reason: "spam",
                decidedAt: F.time(minutes: 5)))
        queue.apply(
            decision: Decision(
                draft: answered, action: .answered, text: approved.text, approver: "Sam Rivera", reason: nil,
                answeredBy: approved.id, decidedAt: F.time(minutes: 5)))
        func text(_ draft: Draft) -> String? {
            guard case .decided(let record) = queue.show(draft.id) else { return "not decided" }
            return record.text
        }
        #expect(text(approved) == approved.text)
        #expect(text(edited) == "Jane, it is on its way. ^Sam")
        #expect(text(rejected) == nil)
        #expect(text(answered) == nil)
    }

    @Test("list: earliest reply-by first, then most urgent, then id")
    func ordering() {
        let late = F.draft("late", author: "1", level: .urgent, dueMinutes: 90)
        let soonLow = F.draft("soon-low", author: "2", level: .low, dueMinutes: 15)
        let soonUrgent = F.draft("soon-urgent", author: "3", level: .urgent, dueMinutes: 15)
        let middle = F.draft("middle", author: "4", level: .high, dueMinutes: 30)
        let tieA = F.draft("tie-a", author: "5", level: .normal, dueMinutes: 60)
        let tieB = F.draft("tie-b", author: "6", level: .normal, dueMinutes: 60)
        var queue = DeskQueue()
        for draft in [late, tieB, soonLow, middle, tieA, soonUrgent] { queue.apply(draft: draft) }
        let ties = [tieA, tieB].sorted { $0.id < $1.id }
        let expected = [soonUrgent, soonLow, middle] + ties + [late]
        #expect(queue.list().map(\.id) == expected.map(\.id))
        #expect(queue.list(limit: 2).map(\.id) == [soonUrgent.id, soonLow.id])
        #expect(queue.list(limit: 0).isEmpty)
        #expect(queue.list(limit: 100).count == 6)
        #expect(DeskQueue.comesFirst(soonUrgent, soonLow))
        #expect(!DeskQueue.comesFirst(soonLow, soonUrgent))
    }

    @Test("extreme deadlines sort without trapping; reserving room changes nothing visible")
    func extremes() {
        var far = F.draft("far", author: "1")
        far.replyBy = Timestamp(millisecondsSinceEpoch: .max)
        var past = F.draft("past", author: "2")
        past.replyBy = Timestamp(millisecondsSinceEpoch: .min)
        let normal = F.draft("normal", author: "3")
        var queue = DeskQueue()
        queue.reserveCapacity(drafts: 10, decisions: -1)
        for draft in [far, normal, past] { queue.apply(draft: draft) }
        #expect(queue.list().map(\.mentionId) == ["past", "normal", "far"])
        #expect(queue.overdueCount(at: F.start) == 1)
    }

    @Test("list filters by intent, priority, platform and agent, alone and together")
    func filters() {
        let drafts = [
            F.draft("c-x", author: "1", platform: .x, intent: .complaint, level: .urgent, agent: "a1"),
            F.draft("q-fb", author: "2", platform: .facebook, intent: .question, level: .normal, agent: "a2"),
            F.draft("p-x", author: "3", platform: .x, intent: .compliment, level: .low, agent: "a2"),
            F.draft("c-mail", author: "4", platform: .email, intent: .complaint, level: .high, agent: "a3"),
        ]
        var queue = DeskQueue()
        for draft in drafts { queue.apply(draft: draft) }
        func ids(_ filter: DeskFilter) -> Set<String> { Set(queue.list(filter: filter).map(\.mentionId)) }
        #expect(ids(DeskFilter()) == ["c-x", "q-fb", "p-x", "c-mail"])
        #expect(ids(DeskFilter(intent: .complaint)) == ["c-x", "c-mail"])
        #expect(ids(DeskFilter(priority: .urgent)) == ["c-x"])
        #expect(ids(DeskFilter(platform: .x)) == ["c-x", "p-x"])
        #expect(ids(DeskFilter(agentId: "a2")) == ["q-fb", "p-x"])
        #expect(ids(DeskFilter(platform: .x, agentId: "a2")) == ["p-x"])
        #expect(ids(DeskFilter(intent: .question, priority: .urgent)).isEmpty)
    }

    @Test("conversations: one group per customer, oldest draft first, most urgent group first")
    func conversationGrouping() {
        let janeFirst = F.draft("j1", author: "jane", intent: .question, dueMinutes: 50, createdMinutes: 1)
        let janeSecond = F.draft("j2", author: "jane", intent: .complaint, dueMinutes: 20, createdMinutes: 2)
        let janeOnFacebook = F.draft("j3", author: "jane", platform: .facebook, dueMinutes: 40)
        let omar = F.draft("o1", author: "omar", dueMinutes: 30)
        var queue = DeskQueue()
        for draft in [janeFirst, omar, janeOnFacebook, janeSecond] { queue.apply(draft: draft) }

        let groups = queue.conversations()
        #expect(groups.map(\.conversation) == ["x:jane", "x:omar", "facebook:jane"])
        #expect(groups[0].drafts.map(\.mentionId) == ["j1", "j2"])
        #expect(groups[0].replyBy == F.time(minutes: 20))
        #expect(groups[0].mostUrgent?.mentionId == "j2")

        // A filter picks conversations; a picked conversation shows all of its pending drafts.
        let questions = queue.conversations(filter: DeskFilter(intent: .question))
        #expect(questions.map(\.conversation) == ["x:jane"])
        #expect(questions[0].drafts.count == 2)

        guard case .pending(let shown, let conversation) = queue.show(janeSecond.id) else {
            Issue.record("expected a pending draft")
            return
        }
        #expect(shown == janeSecond)
        #expect(conversation.map(\.mentionId) == ["j1", "j2"])
        #expect(queue.show("d_unknown") == nil)

        queue.apply(decision: approval(janeFirst))
        queue.apply(
            decision: Decision(
                draft: janeSecond, action: .answered, text: janeFirst.text, approver: "Sam Rivera", reason: nil,
                answeredBy: janeFirst.id, decidedAt: F.time(minutes: 5)))
        #expect(queue.conversations().map(\.conversation) == ["x:omar", "facebook:jane"])
    }

    @Test("overdue and per-priority counts follow the pending drafts")
    func counts() {
        let drafts = [
            F.draft("a", author: "1", level: .urgent, dueMinutes: 10),
            F.draft("b", author: "2", level: .urgent, dueMinutes: 20),
            F.draft("c", author: "3", level: .high, dueMinutes: 30),
            F.draft("d", author: "4", level: .low, dueMinutes: 40),
        ]
        var queue = DeskQueue()
        for draft in drafts { queue.apply(draft: draft) }
        #expect(queue.overdueCount(at: F.time(minutes: 5)) == 0)
        #expect(queue.overdueCount(at: F.time(minutes: 20)) == 1)
        #expect(queue.overdueCount(at: F.time(minutes: 25)) == 2)
        #expect(queue.overdueCount(at: F.time(minutes: 100)) == 4)
        #expect(queue.pendingCountsByPriority == [.urgent: 2, .high: 1, .normal: 0, .low: 1])

        queue.apply(decision: approval(drafts[0]))
        queue.apply(decision: approval(drafts[0]))
        #expect(queue.overdueCount(at: F.time(minutes: 100)) == 3)
        #expect(queue.pendingCountsByPriority == [.urgent: 1, .high: 1, .normal: 0, .low: 1])
    }
}
