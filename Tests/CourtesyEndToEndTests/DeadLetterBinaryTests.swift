import Foundation
import Testing

@Suite(
    "Bad input through the responder binary",
    .timeLimit(.minutes(2)),
    .enabled(if: Tool.find("kcat") != nil, "kcat is not installed (apt-get install kcat)")
)
struct DeadLetterBinaryTests {
    @Test("each kind of bad input becomes a dead letter with its reason; the counters move; offsets advance")
    func everyKindOfBadInput() async throws {
        let loop = try await LoopHarness(kcat: try #require(Tool.find("kcat")))
        defer { loop.shutdown() }
        let good = LoopHarness.mention("g1", text: "thanks, the new app is lovely")
        let json = String(good.split(separator: "|", maxSplits: 1)[1])
        let bad: [(reason: String, line: String)] = [
            ("malformed-json", "x:b1|{not json"),
            ("unknown-schema", "x:b2|" + json.replacingOccurrences(of: "mention/v1", with: "mention/v7")),
            (
                "oversized",
                "x:b3|" + json.replacingOccurrences(of: "lovely", with: String(repeating: "very ", count: 20_000))
            ),
            (
                "missing-field",
                "x:b4|" + json.replacingOccurrences(of: #""text":"thanks, the new app is lovely","#, with: "")
            ),
        ]
        // Invalid UTF-8 cannot travel through kcat's text input: a byte 0xFF is written as a file.
        let halves = json.components(separatedBy: "lovely")
        let invalid = Data("x:b5|".utf8) + Data(halves[0].utf8) + Data([0x6C, 0x6F, 0xFF]) + Data(halves[1].utf8)

        let responder = try await loop.startResponder(name: "responder-1")
        try await loop.produce([good] + bad.map(\.line))
        let file = loop.directory.appendingPathComponent("invalid-utf8")
        try (invalid + Data("\n".utf8)).write(to: file)
        let produced = try await Process.run(
            loop.kcat, ["-P", "-b", loop.bootstrap, "-t", "courtesy.mentions", "-K", "|", "-l", file.path])
        #expect(produced.status == 0)
        try await loop.produce([LoopHarness.mention("g2", text: "where is my order? it is a week late")])

        var metrics = ""
        let reasons = bad.map(\.reason) + ["invalid-utf8"]
        // A mention is counted consumed when its batch arrives, before it is drafted or dead-lettered: wait
        // for the dead letters themselves.
        func settled() -> Bool {
            metrics.contains("courtesy_mentions_consumed_total 7")
                && reasons.allSatisfy { metrics.contains(#"courtesy_dead_letters_total{reason="\#($0)"} 1"#) }
        }
        let deadline = ContinuousClock.now + .seconds(40)
        while !settled(), ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(200))
            metrics = String(
                decoding: try await loop.get(responder.base.appendingPathComponent("metrics")).body, as: UTF8.self)
        }
        for reason in reasons {
            #expect(
                metrics.contains(#"courtesy_dead_letters_total{reason="\#(reason)"} 1"#),
                "\(reason); the responder's log:\n\(loop.log(of: "responder-1").suffix(4_000))")
        }
        let headers = try await Process.run(
            loop.kcat, ["-C", "-b", loop.bootstrap, "-t", "courtesy.mentions.dlq", "-e", "-q", "-f", "%h\n"])
        let headerReasons = headers.output.split(separator: "\n").compactMap { line in
            line.split(separator: ",").first { $0.hasPrefix("courtesy.error.reason=") }?.split(separator: "=").last
        }.map(String.init).sorted()
        #expect(headerReasons == reasons.sorted())
        #expect(try await loop.consume("courtesy.drafts").count == 2)

        // A clean stop commits; the next instance starts after everything, bad input included.
        responder.process.terminate()
        #expect(await responder.process.exited() == 0)
        _ = try await loop.startResponder(name: "responder-2")
        try await loop.produce([LoopHarness.mention("g3", text: "my refund arrived, thank you")])
        var drafts: [String] = []
        let after = ContinuousClock.now + .seconds(30)
        while drafts.count < 3, ContinuousClock.now < after {
            try await Task.sleep(for: .milliseconds(300))
            drafts = try await loop.consume("courtesy.drafts")
        }
        try await Task.sleep(for: .seconds(1))
        #expect(try await loop.consume("courtesy.drafts").count == 3, "nothing was drafted twice")
        #expect(try await loop.consume("courtesy.mentions.dlq").count == 5, "no dead letter was written twice")
    }

    @Test("a mention of 1,000,151 bytes, produced with kcat, is dead-lettered summarised; the responder keeps drafting")
    func poisonRecord() async throws {
        let loop = try await LoopHarness(kcat: try #require(Tool.find("kcat")))
        defer { loop.shutdown() }
        let good = LoopHarness.mention("g1", text: "where is my order? it is a week late")
        let json = String(good.split(separator: "|", maxSplits: 1)[1])
        let padding = String(
            repeating: "A", count: 1_000_151 - json.utf8.count + "where is my order? it is a week late".utf8.count)
        let poison = json.replacingOccurrences(of: "where is my order? it is a week late", with: padding)
        #expect(poison.utf8.count == 1_000_151)
        let file = loop.directory.appendingPathComponent("poison")
        try Data(("x:p1|" + poison + "\n").utf8).write(to: file)

        let responder = try await loop.startResponder(name: "responder-1")
        let produced = try await Process.run(
            loop.kcat,
            [
                "-P", "-b", loop.bootstrap, "-t", "courtesy.mentions", "-K", "|", "-X", "message.max.bytes=10000000",
                "-l", file.path,
            ])
        #expect(produced.status == 0, "\(produced.error)")
        try await loop.produce([good])

        var drafts: [String] = []
        let deadline = ContinuousClock.now + .seconds(40)
        while drafts.isEmpty, ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(300))
            drafts = try await loop.consume("courtesy.drafts")
        }
        #expect(drafts.count == 1, "the mention after the poison record is drafted")
        #expect(responder.process.isRunning, "the responder did not stop on the record")
        let letters = try await Process.run(
            loop.kcat, ["-C", "-b", loop.bootstrap, "-t", "courtesy.mentions.dlq", "-e", "-q", "-f", "%h %S\n"])
        let lines = letters.output.split(separator: "\n")
        try #require(lines.count == 1)
        #expect(lines[0].contains("courtesy.error.reason=oversized"))
        #expect(lines[0].contains("courtesy.original.size=1000151"))
        #expect(lines[0].contains("courtesy.original.truncated=true"))
        #expect(lines[0].contains("courtesy.original.sha256="))
        #expect(lines[0].hasSuffix(" 4096"), "the dead letter keeps the first 4 KiB")
    }
}
