import Foundation
import Testing

@testable import CourtesyCore

@Suite("Decisions as training examples")
struct DecisionExampleTests {
    private let words: [String: DraftScorecardWords] = (try? DraftScorecardWords.shipped()) ?? [:]

    private func draft(tone: Tone, language: Language = .english, reviewReason: String? = nil) -> Draft {
        let now = Timestamp(millisecondsSinceEpoch: 1_768_386_600_000)
        return Draft(
            id: "d1", mentionId: "m1", platform: .x, brand: "acme", conversation: "x:7",
            customer: Draft.Customer(name: "Maria", handle: "maria"), agent: Draft.Agent(id: "a", name: "Sam"),
            intent: tone == .apology ? .complaint : tone == .thanks ? .compliment : .other, tone: tone, topics: [],
            priority: Priority(level: .normal, score: 10, reasons: []), language: language,
            reviewReason: reviewReason, text: "reply", template: Draft.TemplateChoice(name: "t", variant: 1),
            createdAt: now, replyBy: now, excerpt: "my bag")
    }

    private func decision(_ action: DecisionAction, text: String? = nil, reason: String? = nil, on draft: Draft)
        -> Decision
    {
        Decision(
            draft: draft, action: action, text: text, approver: "Sam", reason: reason,
            decidedAt: Timestamp(millisecondsSinceEpoch: 1_768_386_700_000))
    }

    private func label(_ decision: Decision, _ draft: Draft) -> Result<DecisionExample, DecisionExample.Skipped> {
        DecisionExample.label(decision: decision, draft: draft, mentionText: "the whole mention", words: words)
    }

    @Test("an approval confirms the draft's tone, unless the draft was flagged and its tone never judged")
    func approvals() throws {
        let complaint = draft(tone: .apology)
        let example = try label(decision(.approve, text: "reply", on: complaint), complaint).get()
        #expect(example.tone == .apology && example.draftTone == nil && example.text == "the whole mention")
        let flagged = draft(tone: .neutral, reviewReason: "written in language \"ja\": tone not judged")
        #expect(label(decision(.approve, text: "reply", on: flagged), flagged) == .failure(.flaggedDraft))
    }

    @Test(
        "an edit is labelled by the tone of the text approved, in the draft's language",
        arguments: [
            ("Maria, I'm so sorry about this. ^Sam", Language.english, Tone.apology),
            ("Thank you so much, Maria! ^Sam", .english, .thanks),
            ("Thanks for tagging us! Our stores open at 9. ^Sam", .english, .neutral),
            ("Sorry for the wait, and thanks for your patience", .english, .apology),
            ("Lamentamos mucho lo ocurrido, María", Language(rawValue: "es"), .apology),
            ("Vielen Dank für das Lob!", Language(rawValue: "de"), .thanks),
            ("Le magasin ouvre à 9 h.", Language(rawValue: "fr"), .neutral),
        ])
    func edits(text: String, language: Language, tone: Tone) throws {
        let praised = draft(tone: tone == .thanks ? .apology : .thanks, language: language)
        let example = try label(decision(.edit, text: text, on: praised), praised).get()
        #expect(example.tone == tone)
        #expect(example.draftTone == praised.tone)
        #expect(example.language == language.rawValue)
    }

    @Test("a rejection counts only when its reason names one tone; an answered draft never")
    func rejections() throws {
        let praised = draft(tone: .thanks)
        #expect(
            try label(decision(.reject, reason: "wrong tone, this is a complaint", on: praised), praised).get().tone
                == .apology)
        #expect(
            try label(decision(.reject, reason: "tone should be neutral: it's a question", on: praised), praised).get()
                .tone
                == .neutral)
        #expect(
            label(decision(.reject, reason: "customer already has a DM thread", on: praised), praised)
                == .failure(.rejected))
        #expect(
            label(decision(.reject, reason: "a complaint, not praise", on: praised), praised) == .failure(.rejected))
        #expect(label(decision(.answered, on: praised), praised) == .failure(.answered))
    }

    @Test("examples are written one JSON line each and read back; a bad line is named")
    func fileRoundTrip() throws {
        let examples = [
            DecisionExample(
                text: "my bag \"never\" came\n", tone: .apology, language: "en", decision: "edit", draftTone: .thanks,
                draftId: "d1"),
            DecisionExample(
                text: "merci !", tone: .thanks, language: "fr", decision: "approve", draftTone: nil, draftId: "d2"),
        ]
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("decisions-\(UUID().uuidString).jsonl")
            .path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try Data((examples.map { $0.jsonLine() }.joined(separator: "\n") + "\n\n").utf8).write(
            to: URL(fileURLWithPath: path))
        #expect(try DecisionExample.load(path: path) == examples)
        try Data((examples[0].jsonLine() + "\n{\"text\":\"x\"}\n").utf8).write(to: URL(fileURLWithPath: path))
        #expect(throws: EvaluationError.self) { try DecisionExample.load(path: path) }
        do {
            _ = try DecisionExample.load(path: path)
        } catch {
            #expect("\(error)".contains("line 2"))
        }
    }
}
