import CourtesyLocking
import Foundation
import Testing

@testable import CourtesyKafka

@Suite("The consumer's flow: back-pressure and the waits that replace polling")
struct ConsumerFlowTests {
    @Test("full: wait; paused for it: poll on; half empty: resume; stopping: never wait")
    func backPressure() {
        var flow = ConsumerGroupState.Flow()
        flow.buffered = 99
        #expect(flow.backPressure(limit: 100) == .fetch)
        flow.buffered = 100
        #expect(flow.backPressure(limit: 100) == .wait)
        flow.pausedByBackPressure = true
        #expect(flow.backPressure(limit: 100) == .fetch, "paused, the poll thread serves callbacks")
        flow.buffered = 60
        #expect(flow.backPressure(limit: 100) == .fetch)
        #expect(flow.pausedByBackPressure, "not yet half empty")
        flow.buffered = 50
        #expect(flow.backPressure(limit: 100) == .fetch)
        #expect(!flow.pausedByBackPressure)
        flow.buffered = 100
        flow.stopping = true
        #expect(flow.backPressure(limit: 100) == .fetch)
    }

    @Test("a full buffer blocks the poll thread until a batch is taken, not for the whole stall")
    func roomWakesTheWait() async {
        let group = ConsumerGroupState(drainTimeout: .seconds(5))
        group.handedOut(100)
        // Both sides on threads of their own, as the poll thread is: the test does not depend on when the
        // cooperative pool, busy with other tests, gets round to it.
        let waited = Locked<Duration?>(nil)
        let waiter = Thread {
            let started = ContinuousClock.now
            group.waitForRoom(limit: 100, stall: .seconds(30))
            waited.withLock { $0 = ContinuousClock.now - started }
        }
        let taker = Thread {
            Thread.sleep(forTimeInterval: 0.1)
            group.taken(10)
        }
        waiter.start()
        taker.start()
        while waited.withLock({ $0 }) == nil {
            try? await Task.sleep(for: .milliseconds(10))
        }
        #expect(waited.withLock { $0 } ?? .seconds(30) < .seconds(20), "woken by the take, not by the stall")
        #expect(!group.isPaused)
    }

    @Test("a buffer still full after the stall pauses fetching")
    func stallPauses() {
        let group = ConsumerGroupState(drainTimeout: .seconds(5))
        group.handedOut(100)
        group.waitForRoom(limit: 100, stall: .milliseconds(50))
        #expect(group.isPaused)
    }
}
