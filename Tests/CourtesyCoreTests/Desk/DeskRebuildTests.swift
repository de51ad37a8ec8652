import Testing

@testable import CourtesyCore

@Suite("Desk rebuild from raw events")
struct DeskRebuildTests {
    private typealias F = DeskFixtures

    @Test("a stream of raw events rebuilds the queue, skips bad events and reports progress")
    func rebuild() {
        let drafts = (0..<25).map { F.draft("m\($0)", author: "u\($0)", dueMinutes: $0) }
        let decisions = drafts.prefix(10).map {
            Decision(
                draft: $0, action: .approve, text: $0.text, approver: "Sam Rivera", reason: nil,
                decidedAt: F.time(minutes: 2))
        }
        var events: [DeskEvent] = decisions.prefix(5).map { .decision($0.jsonBytes()) }
        events += drafts.map { .draft($0.jsonBytes()) }
        events += decisions.map { .decision($0.jsonBytes()) }
        events.append(.draft(Array(#"{"schema":"courtesy.draft/v1"}"#.utf8)))
        events.append(.decision(Array("not json".utf8)))
        events.append(.draft(drafts[20].jsonBytes()))
        let later = Decision(
            draft: drafts[0], action: .reject, text: nil, approver: "Kim Lee", reason: "late",
            decidedAt: F.time(minutes: 3))
        events.append(.decision(later.jsonBytes()))

        var calls: [Int] = []
        var queue = DeskQueue()
        let report = queue.apply(events: events, total: events.count, progressInterval: 10) { read, total in
            #expect(total == events.count)
            calls.append(read)
        }
        #expect(report.eventsRead == events.count)
        #expect(report.draftsQueued == 20)
        #expect(report.decisionsRecorded == 10)
        #expect(report.duplicates == 5 + 5 + 1)
        #expect(report.laterDecisionsIgnored == 1)
        #expect(report.undecodable == 2)
        #expect(report.failures.map(\.index) == [40, 41])
        #expect(report.failures[0].description == #"event 40 (draft): missing field "id""#)
        #expect(calls == [10, 20, 30, 40, 44])
        #expect(queue.pendingCount == 15)

        var direct = DeskQueue()
        for draft in drafts { direct.apply(draft: draft) }
        for decision in decisions { direct.apply(decision: decision) }
        #expect(queue.list() == direct.list())

        var empty = DeskQueue()
        var emptyCalls = 0
        let nothing = empty.apply(events: [DeskEvent]()) { _, _ in emptyCalls += 1 }
        #expect(nothing.eventsRead == 0)
        #expect(emptyCalls == 1)
    }
}
