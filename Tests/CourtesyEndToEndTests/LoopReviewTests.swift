import Foundation
import Testing

@Suite(
    "The loop end to end: kcat → responder → desk → courtesy review → replies",
    .serialized, .timeLimit(.minutes(3)),
    .enabled(if: Tool.find("kcat") != nil, "kcat is not installed (apt-get install kcat)")
)
struct LoopReviewTests {
    private func review(_ arguments: [String], desk: LoopHarness.Service, token: String) async throws -> ProcessResult {
        try await Process.run(
            Tool.courtesy,
            ["review"] + arguments + ["--desk-url", desk.base.absoluteString, "--token", token],
            timeout: .seconds(30))
    }

    private func jsonObject(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test("N mentions → N drafts in the CLI → approvals (one edited) and a rejection → replies and decisions on Kafka")
    func endToEnd() async throws {
        let loop = try await LoopHarness(kcat: try #require(Tool.find("kcat")))
        defer { loop.shutdown() }
        let desk = try await loop.startDesk()
        _ = try await loop.startResponder(name: "responder")
        let count = 12
        try await loop.produce(
            (0..<count).map { LoopHarness.mention("e\($0)", text: "my bag never arrived, day \($0 + 2) of waiting") })

        var drafts: [[String: Any]] = []
        let deadline = ContinuousClock.now + .seconds(60)
        while drafts.count < count, ContinuousClock.now < deadline {
            let listed = try await review(["list", "--json", "--limit", "1000"], desk: desk, token: loop.approverToken)
            #expect(listed.status == 0, "\(listed.error)")
            drafts = try jsonObject(listed.output)["drafts"] as? [[String: Any]] ?? []
            if drafts.count < count { try await Task.sleep(for: .milliseconds(300)) }
        }
        #expect(drafts.count == count)
        let ids = drafts.compactMap { $0["id"] as? String }
        let table = try await review(["list"], desk: desk, token: loop.approverToken)
        #expect(table.status == 0 && table.output.contains(ids[0]) && table.output.contains("complaint"))

        let edited = "Maria, so sorry: your bag is on its way and we'll call you today. ^Sam"
        for (index, arguments) in [["approve", ids[0]], ["approve", ids[1], "--text", edited], ["approve", ids[2]]]
            .enumerated()
        {
            let approved = try await review(arguments, desk: desk, token: loop.approverToken)
            #expect(approved.status == 0, "approval \(index): \(approved.error)")
            #expect(approved.output.contains("Approved \(ids[index])"))
        }
        let rejected = try await review(
            ["reject", ids[3], "--reason", "the customer already has a DM thread"], desk: desk,
            token: loop.approverToken)
        #expect(rejected.status == 0 && rejected.output.contains("Rejected \(ids[3])"))

        // A bad token: a clear error, a non-zero exit, and nothing recorded.
        let badToken = try await review(["approve", ids[4]], desk: desk, token: "not-a-token")
        #expect(badToken.status == 3)
        #expect(badToken.error.contains("refused the token (401)"))
        let viewer = try await review(["approve", ids[4]], desk: desk, token: loop.viewerToken)
        #expect(viewer.status == 3 && viewer.error.contains("viewer"))
        let stillPending = try await review(["show", ids[4], "--json"], desk: desk, token: loop.approverToken)
        #expect(try jsonObject(stillPending.output)["status"] as? String == "pending")

        // Someone already decided: a conflict naming them.
        let conflict = try await review(
            ["reject", ids[0], "--reason", "too late"], desk: desk, token: loop.approverToken)
        #expect(conflict.status == 5)
        #expect(conflict.error.contains("already approved by Sam Rivera at"))

        let replies = try await loop.consume("courtesy.replies").map(jsonObject)
        #expect(replies.count == 3)
        #expect(Set(replies.compactMap { $0["id"] as? String }) == Set(ids.prefix(3)))
        #expect(replies.first { $0["id"] as? String == ids[1] }?["text"] as? String == edited)
        #expect(replies.allSatisfy { $0["approvedBy"] as? String == "Sam Rivera" })
        let decisions = try await loop.consume("courtesy.decisions").map(jsonObject)
        #expect(decisions.count == 4)
        #expect(
            decisions.compactMap { $0["action"] as? String }.sorted() == ["approve", "approve", "edit", "reject"])
        #expect(
            decisions.first { $0["action"] as? String == "reject" }?["reason"] as? String
                == "the customer already has a DM thread")
        let remaining = try await review(["list", "--json"], desk: desk, token: loop.approverToken)
        #expect(try jsonObject(remaining.output)["pending"] as? Int == count - 4)
    }

    @Test(
        "courtesy review next in a real terminal: approve, reject with a reason, until nothing is left",
        .enabled(if: Tool.find("tmux") != nil, "tmux is not installed (apt-get install tmux)")
    )
    func nextInTerminal() async throws {
        let tmux = try #require(Tool.find("tmux"))
        let loop = try await LoopHarness(kcat: try #require(Tool.find("kcat")))
        defer { loop.shutdown() }
        let desk = try await loop.startDesk()
        _ = try await loop.startResponder(name: "responder")
        try await loop.produce([
            LoopHarness.mention("n1", text: "furious: my refund is 3 weeks late, I will post about this everywhere"),
            LoopHarness.mention("n2", text: "my refund still has not arrived, can you check?"),
        ])
        #expect(try await loop.waitForPending(2, at: desk).count == 2)

        let session = "courtesy-review-\(UUID().uuidString.prefix(8))"
        let command =
            "COURTESY_DESK_URL=\(desk.base.absoluteString) COURTESY_TOKEN=\(loop.approverToken) "
            + "\(Tool.courtesy.path) review next; echo EXITED=$?; sleep 30"
        // Not through pipes: the tmux server this starts would hold them open for as long as it runs.
        let started = try Process.runSynchronously(
            tmux, ["new-session", "-d", "-s", session, "-x", "160", "-y", "50", command])
        #expect(started == 0)
        defer { _ = try? Process.runSynchronously(tmux, ["kill-session", "-t", session]) }

        func screen() async throws -> String {
            try await Process.run(tmux, ["capture-pane", "-p", "-t", session, "-S", "-200"]).output
        }
        func waitFor(_ text: String, after previous: Int = 0) async throws -> String {
            let deadline = ContinuousClock.now + .seconds(20)
            var shown = ""
            while ContinuousClock.now < deadline {
                shown = try await screen()
                if shown.components(separatedBy: text).count - 1 > previous { return shown }
                try await Task.sleep(for: .milliseconds(200))
            }
            Issue.record("the terminal never showed \"\(text)\":\n\(shown)")
            return shown
        }
        func keys(_ text: String) async throws {
            _ = try await Process.run(tmux, ["send-keys", "-t", session, text, "Enter"])
        }

        // The most urgent first: the threat to go public.
        let first = try await waitFor("[a]pprove")
        #expect(first.contains("post about this everywhere"))
        try await keys("a")
        _ = try await waitFor("Approved")
        _ = try await waitFor("[a]pprove", after: 1)
        try await keys("r")
        _ = try await waitFor("eason")
        try await keys("we answered by DM")
        _ = try await waitFor("Rejected")
        let end = try await waitFor("EXITED=")
        #expect(end.contains("EXITED=0"))
        #expect(end.contains("Decided 2"))

        let decisions = try await loop.consume("courtesy.decisions")
        #expect(decisions.count == 2)
        #expect(try await loop.consume("courtesy.replies").count == 1)
    }
}

extension Process {
    /// Runs a short command and waits for it, for clean-up where `await` is not available.
    static func runSynchronously(_ executable: URL, _ arguments: [String]) throws -> Int32 {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }
}
