import Foundation
import Testing

@Suite(
    "Approvers' corrections become a tone model: review → decisions export → train → draft",
    .serialized, .timeLimit(.minutes(3)),
    .enabled(if: Tool.find("kcat") != nil, "kcat is not installed (apt-get install kcat)")
)
struct ToneTrainingLoopTests {
    private static let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("ToneCorpus/tone-corpus.en.tsv")

    /// Mentions the rules misread, the tone their reply needed, and what the approver does about it.
    private static let cases: [(text: String, tone: String, action: [String])] = [
        (
            "thanks for finding my lost bag so quickly, the desk team in Denver were brilliant", "thanks",
            ["--text", "Thank you, Maria! So glad the team got your bag back to you. ^Sam"]
        ),
        (
            "can't fault the crew today, they sorted my seat without any fuss", "thanks",
            ["--text", "Thanks so much, Maria, I'll pass that on to the crew. ^Sam"]
        ),
        (
            "the driver went out of his way in the rain, proper legend", "thanks",
            ["--text", "Thank you for the kind words, Maria, we'll tell him. ^Sam"]
        ),
        (
            "nice to know my loyalty means nothing after ten years", "apology",
            ["--text", "Maria, I'm so sorry we've let you down. Can you tell me what happened? ^Sam"]
        ),
        ("not bad at all, the replacement arrived before the weekend", "thanks", ["reject"]),
    ]

    private func review(_ arguments: [String], desk: LoopHarness.Service, token: String) async throws -> ProcessResult {
        try await Process.run(
            Tool.courtesy,
            ["review"] + arguments + ["--desk-url", desk.base.absoluteString, "--token", token],
            timeout: .seconds(30))
    }

    @Test("the corrected mentions are drafted with the approvers' tone by a model trained on their decisions")
    func correctionsTeachTheModel() async throws {
        let loop = try await LoopHarness(kcat: try #require(Tool.find("kcat")))
        defer { loop.shutdown() }
        let desk = try await loop.startDesk()
        _ = try await loop.startResponder(name: "responder")
        let lines = Self.cases.enumerated().map { LoopHarness.mention("t\($0.offset)", text: $0.element.text) }
        try await loop.produce(lines)
        let ids = try await loop.waitForPending(Self.cases.count, at: desk)
        try #require(ids.count == Self.cases.count)

        // The rules got every one of them wrong; the approver corrects each.
        let events = lines.map { String($0[$0.index(after: $0.firstIndex(of: "|")!)...]) }
        let before = try await draftTones(events, arguments: [])
        for (index, item) in Self.cases.enumerated() {
            #expect(before[index] != item.tone, "the rules already give \"\(item.text)\" its tone")
        }
        for (index, item) in Self.cases.enumerated() {
            let id = try #require(
                try await draftId(forMention: "t\(index)", among: ids, desk: desk, token: loop.approverToken))
            let arguments =
                item.action == ["reject"]
                ? ["reject", id, "--reason", "wrong tone: this is a compliment"] : ["approve", id] + item.action
            let decided = try await review(arguments, desk: desk, token: loop.approverToken)
            #expect(decided.status == 0, "\(decided.error)")
        }

        let examples = loop.directory.appendingPathComponent("decisions.jsonl")
        let exported = try await Process.run(
            Tool.courtesy, ["decisions", "export", "--bootstrap", loop.bootstrap, "--output", examples.path],
            timeout: .seconds(60))
        #expect(exported.status == 0, "\(exported.error)")
        #expect(
            exported.output.contains("5 examples from 5 decisions (0 approve, 4 edit, 1 reject)"), "\(exported.output)")
        #expect(exported.output.contains("5 correct the draft's tone"), "\(exported.output)")

        let model = loop.directory.appendingPathComponent("tone.model")
        let trained = try await Process.run(
            Tool.courtesy,
            [
                "train", "--corpus", Self.corpus.path, "--decisions", examples.path, "--holdout", "0", "--output",
                model.path, "--quiet",
            ],
            timeout: .seconds(120))
        #expect(trained.status == 0, "\(trained.error)")

        let after = try await draftTones(events, arguments: ["--tone-model", model.path])
        #expect(after == Self.cases.map(\.tone))
    }

    /// The draft id of a mention, from the desk's listing.
    private func draftId(
        forMention mention: String, among ids: [String], desk: LoopHarness.Service, token: String
    ) async throws -> String? {
        for id in ids {
            let shown = try await review(["show", id, "--json"], desk: desk, token: token)
            let object = try JSONSerialization.jsonObject(with: Data(shown.output.utf8)) as? [String: Any]
            let draft = object?["draft"] as? [String: Any] ?? object
            if draft?["mentionId"] as? String == mention { return id }
        }
        return nil
    }

    /// The tone `courtesy draft` gives each event.
    private func draftTones(_ events: [String], arguments: [String]) async throws -> [String] {
        let drafted = try await Process.run(
            Tool.courtesy, ["draft", "--memory-contacts", "0"] + arguments, input: events.joined(separator: "\n") + "\n"
        )
        #expect(drafted.status == 0, "\(drafted.error)")
        return try drafted.output.split(separator: "\n").map { line in
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            return object?["tone"] as? String ?? "?"
        }
    }
}
