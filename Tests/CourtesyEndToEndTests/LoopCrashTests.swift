import Foundation
import Testing

@Suite(
    "The loop as processes: crashes, restarts and two responders",
    .serialized, .timeLimit(.minutes(3)),
    .enabled(if: Tool.find("kcat") != nil, "kcat is not installed (apt-get install kcat)")
)
struct LoopCrashTests {
    private func mentions(_ range: Range<Int>, prefix: String) -> [String] {
        range.map { index in
            LoopHarness.mention("\(prefix)\(index)", text: "my parcel is \(index % 9 + 1) days late and nobody answers")
        }
    }

    @Test("kill -9 the responder mid-stream and restart it: every mention still yields exactly one draft at the desk")
    func responderCrash() async throws {
        let loop = try await LoopHarness(kcat: try #require(Tool.find("kcat")))
        defer { loop.shutdown() }
        let desk = try await loop.startDesk()
        let first = try await loop.startResponder(name: "responder-1")
        try await loop.produce(mentions(0..<150, prefix: "r"))
        // Killed as soon as its first drafts reach the desk: before most of its offsets are committed.
        _ = try await loop.waitForPending(1, at: desk, timeout: .seconds(30))
        loop.kill(first)
        try await loop.produce(mentions(150..<300, prefix: "r"))
        _ = try await loop.startResponder(name: "responder-2")
        let ids = try await loop.waitForPending(300, at: desk)
        #expect(ids.count == 300)
        #expect(Set(ids).count == 300)
        let drafts = try await loop.consume("courtesy.drafts")
        #expect(drafts.count >= 300, "replayed mentions may be drafted twice; the desk shows each once")
    }

    @Test("two responders share the partitions and the desk shows one draft per mention")
    func twoResponders() async throws {
        let loop = try await LoopHarness(kcat: try #require(Tool.find("kcat")))
        defer { loop.shutdown() }
        let desk = try await loop.startDesk()
        let first = try await loop.startResponder(name: "responder-1")
        let second = try await loop.startResponder(name: "responder-2")
        // Ready means it owns partitions: the second has taken its share from the first.
        try await loop.waitUntilReady(first, timeout: .seconds(30))
        try await loop.produce(mentions(0..<400, prefix: "t"))
        let ids = try await loop.waitForPending(400, at: desk)
        #expect(ids.count == 400 && Set(ids).count == 400)
        var consumed: [Double] = []
        for responder in [first, second] {
            let text = String(
                decoding: try await loop.get(responder.base.appendingPathComponent("metrics")).body, as: UTF8.self)
            let line = text.split(separator: "\n").first { $0.hasPrefix("courtesy_mentions_consumed_total ") }
            consumed.append(line.flatMap { $0.split(separator: " ").last.flatMap { Double($0) } } ?? 0)
        }
        #expect(consumed.allSatisfy { $0 > 0 }, "both instances drafted: \(consumed)")
        #expect(consumed.reduce(0, +) == 400)
    }

    @Test("kill -9 the desk and restart it: the same queue, no decision lost, no reply published twice")
    func deskCrash() async throws {
        let loop = try await LoopHarness(kcat: try #require(Tool.find("kcat")))
        defer { loop.shutdown() }
        let desk = try await loop.startDesk(name: "desk-1")
        _ = try await loop.startResponder(name: "responder")
        try await loop.produce(mentions(0..<20, prefix: "k"))
        let ids = try await loop.waitForPending(20, at: desk)
        #expect(ids.count == 20)
        let decisions = desk.base.appendingPathComponent("v1/drafts")
        for id in ids.prefix(3) {
            let approved = try await loop.post(
                decisions.appendingPathComponent(id).appendingPathComponent("approve"), json: "{}",
                token: loop.approverToken)
            #expect(approved.status == 200)
        }
        let rejected = try await loop.post(
            decisions.appendingPathComponent(ids[3]).appendingPathComponent("reject"),
            json: #"{"reason":"a bot"}"#, token: loop.approverToken)
        #expect(rejected.status == 200)
        let before = try await loop.pendingDraftIds(desk)
        #expect(before.count == 16)

        loop.kill(desk)
        let restarted = try await loop.startDesk(name: "desk-2")
        #expect(try await loop.pendingDraftIds(restarted) == before)
        let conflict = try await loop.post(
            restarted.base.appendingPathComponent("v1/drafts").appendingPathComponent(ids[0])
                .appendingPathComponent("approve"), json: "{}", token: loop.approverToken)
        #expect(conflict.status == 409)
        #expect(String(decoding: conflict.body, as: UTF8.self).contains("Sam Rivera"))

        let recorded = try await loop.consume("courtesy.decisions")
        #expect(recorded.count == 4)
        let replies = try await loop.consume("courtesy.replies")
        #expect(replies.count == 3)
        #expect(Set(replies.compactMap { Self.id(of: $0) }) == Set(ids.prefix(3)))
    }

    private static func id(of json: String) -> String? {
        (try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])?["id"] as? String
    }
}
