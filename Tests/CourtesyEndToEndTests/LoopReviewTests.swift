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
        let started = await Spawn.run(tmux, ["new-session", "-d", "-s", session, "-x", "160", "-y", "50", command])
        #expect(started == 0)
        defer { _ = Spawn.runBlocking(tmux, ["kill-session", "-t", session]) }

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
    @Test(
        "courtesy review next in a terminal: the whole mention, edit then send, and an edit overtaken by another approval kept",
        .enabled(if: Tool.find("tmux") != nil, "tmux is not installed (apt-get install tmux)")
    )
    func editInTerminal() async throws {
        let tmux = try #require(Tool.find("tmux"))
        let loop = try await LoopHarness(kcat: try #require(Tool.find("kcat")))
        defer { loop.shutdown() }
        let desk = try await loop.startDesk()
        _ = try await loop.startResponder(name: "responder")
        let long =
            "furious: my refund is 3 weeks late, I have called five times and written twice, every agent promises "
            + "a call back that never comes, I will post about this everywhere unless someone fixes it, lastwordxyzzy"
        #expect(long.utf8.count > 140)
        try await loop.produce([
            #"x:e1|{"schema":"courtesy.mention/v1","id":"e1","platform":"x","brand":"acme","#
                + #""author":{"id":"e1","handle":"maria_l","displayName":"Maria Lopez","followers":48200},"#
                + #""text":"\#(long)","url":"https://x.example/maria_l/e1","createdAt":"\#(Self.now)"}"#,
            LoopHarness.mention("e2", text: "my refund still has not arrived, can you check?"),
        ])
        #expect(try await loop.waitForPending(2, at: desk).count == 2)

        // Unknown commands and ids, as typed.
        let typo = try await review(["aprove", "d_1"], desk: desk, token: loop.approverToken)
        #expect(typo.status == 64)
        #expect(typo.error.contains("did you mean 'approve'?"), "\(typo.error)")
        let unknown = try await review(["show", "abc123"], desk: desk, token: loop.approverToken)
        #expect(unknown.status == 4)
        #expect(unknown.error.contains(#"no draft "abc123" on the desk"#), "\(unknown.error)")

        // An editor that writes a reply above the marker and keeps the rest; its second run waits for a
        // signal, so that another approval can overtake it.
        let signals = loop.directory.appendingPathComponent("editor")
        try FileManager.default.createDirectory(at: signals, withIntermediateDirectories: true)
        let editor = signals.appendingPathComponent("edit.sh")
        try Data(
            """
            #!/bin/sh
            dir='\(signals.path)'
            n=$(cat "$dir/count" 2>/dev/null || echo 0); n=$((n + 1)); echo $n > "$dir/count"
            if [ $n -eq 2 ]; then touch "$dir/open"; while [ ! -e "$dir/go" ]; do sleep 0.1; done; fi
            { printf 'Edited reply %s, sorted today #AcmeCares\\n\\n' "$n"; sed -n '/^# ---- everything below/,$p' "$1"; } > "$dir/new"
            cat "$dir/new" > "$1"

            """.utf8
        ).write(to: editor)
        try FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: editor.path)
        let state = loop.directory.appendingPathComponent("state")

        let session = "courtesy-edit-\(UUID().uuidString.prefix(8))"
        let command =
            "EDITOR=\(editor.path) XDG_STATE_HOME=\(state.path) "
            + "COURTESY_DESK_URL=\(desk.base.absoluteString) COURTESY_TOKEN=\(loop.approverToken) "
            + "\(Tool.courtesy.path) review next; echo EXITED=$?; sleep 30"
        let started = await Spawn.run(tmux, ["new-session", "-d", "-s", session, "-x", "160", "-y", "50", command])
        #expect(started == 0)
        defer { _ = Spawn.runBlocking(tmux, ["kill-session", "-t", session]) }

        func screen() async throws -> String {
            try await Process.run(tmux, ["capture-pane", "-p", "-J", "-t", session, "-S", "-300"]).output
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

        // The whole mention, not an excerpt, with who wrote it and their reach.
        let first = try await waitFor("[a]pprove")
        #expect(first.contains("lastwordxyzzy"), "\(first)")
        #expect(first.contains("48,200 followers"))
        #expect(first.contains("https://x.example/maria_l/e1"))

        // Edit, see the reply, send it.
        try await keys("e")
        let confirm = try await waitFor("[s]end, [e]dit again, [c]ancel")
        #expect(confirm.contains("Edited reply 1, sorted today #AcmeCares"))
        try await keys("s")
        let sent = try await waitFor("approved; queued for posting")
        #expect(sent.contains("with edited text"))

        // The second draft: someone approves it through the API while the editor is open.
        _ = try await waitFor("[a]pprove", after: 1)
        try await keys("e")
        let open = signals.appendingPathComponent("open")
        let deadline = ContinuousClock.now + .seconds(20)
        while !FileManager.default.fileExists(atPath: open.path), ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(100))
        }
        let pending = try await loop.pendingDraftIds(desk)
        #expect(pending.count == 1)
        let other = try #require(pending.first)
        let approved = try await loop.post(
            desk.base.appendingPathComponent("v1/drafts/\(other)/approve"), json: "{}", token: loop.approverToken)
        #expect(approved.status == 200)
        FileManager.default.createFile(atPath: signals.appendingPathComponent("go").path, contents: nil)
        _ = try await waitFor("[s]end, [e]dit again, [c]ancel", after: 1)
        try await keys("s")
        let end = try await waitFor("EXITED=")
        #expect(end.contains("EXITED=0"))
        #expect(end.contains("Your reply was not sent: draft \(other) was already approved by Sam Rivera"))
        let saved = state.appendingPathComponent("courtesy/unsent/\(other).txt")
        #expect(end.contains("Your text is saved in \(saved.path):"))
        #expect(end.contains("What was decided instead:"))
        #expect(end.contains("status  approved; queued for posting"))
        #expect(
            try String(contentsOf: saved, encoding: .utf8) == "Edited reply 2, sorted today #AcmeCares\n")
        #expect(end.contains("Decided 1 (1 approved, 1 of them edited)."))

        let replies = try await loop.consume("courtesy.replies").map(jsonObject)
        #expect(replies.count == 2)
        #expect(replies.contains { $0["text"] as? String == "Edited reply 1, sorted today #AcmeCares" })
        #expect(!replies.contains { $0["text"] as? String == "Edited reply 2, sorted today #AcmeCares" })
    }

    private static var now: String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.string(from: Date())
    }
}

/// Runs a short command with posix_spawn, for tmux.
///
/// Not `Process`: the tmux server a first `new-session` starts inherits the client's file descriptors
/// and signal mask. Through `Process`, from a test's worker thread, the client could inherit blocked
/// signals and never hear from its server, and pipes would stay open for as long as the server runs.
/// Here the child gets /dev/null for its standard streams and a clean signal mask.
enum Spawn {
    /// Runs `executable` and waits for it on a Dispatch thread, off Swift's cooperative pool.
    static func run(_ executable: URL, _ arguments: [String]) async -> Int32 {
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(returning: runBlocking(executable, arguments)) }
        }
    }

    /// Runs `executable` and waits for it; -1 if it could not be started.
    static func runBlocking(_ executable: URL, _ arguments: [String]) -> Int32 {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        for descriptor: Int32 in [0, 1, 2] {
            let mode = descriptor == 0 ? O_RDONLY : O_WRONLY
            posix_spawn_file_actions_addopen(&actions, descriptor, "/dev/null", mode, 0)
        }
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var empty = sigset_t()
        sigemptyset(&empty)
        var all = sigset_t()
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attributes, &empty)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        let argv = ([executable.path] + arguments).map { strdup($0) } + [nil]
        defer {
            for argument in argv { free(argument) }
        }
        var pid: pid_t = 0
        guard posix_spawn(&pid, executable.path, &actions, &attributes, argv, environ) == 0 else { return -1 }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        // WIFEXITED / WEXITSTATUS, which Swift does not import.
        return status & 0x7f == 0 ? (status >> 8) & 0xff : -1
    }
}
