import CourtesyDeskAPI
import CourtesyReview
import Foundation
import Testing

/// Three customers: the first with two pending mentions (the second more urgent), then one each.
private func threeConversations() -> [DeskAPI.ConversationView] {
    [
        DeskAPI.ConversationView(
            conversation: "x:1",
            drafts: [
                Fixture.draft(
                    id: "d_a", conversation: "x:1", pending: 2, level: "normal", replyByMinutes: 30,
                    excerpt: "hello? anyone?"),
                Fixture.draft(id: "d_b", conversation: "x:1", pending: 2, level: "urgent", replyByMinutes: 10),
            ]),
        DeskAPI.ConversationView(
            conversation: "x:2",
            drafts: [
                Fixture.draft(
                    id: "d_c", conversation: "x:2", name: "Bob Stone", level: "high", intent: "question",
                    text: "Hi Bob, here is how.")
            ]),
        DeskAPI.ConversationView(
            conversation: "x:3",
            drafts: [Fixture.draft(id: "d_d", conversation: "x:3", name: "Cy", level: "low", intent: "compliment")]),
    ]
}

/// A loop over `desk` answering with `answers`, editing with `editor`.
private func loop(
    _ desk: FakeDesk, _ answers: [String], editor: ScriptedEditor = ScriptedEditor { $0 }
) -> (ReviewLoop, ScriptedInput, RecordingOutput) {
    let input = ScriptedInput(answers)
    let output = RecordingOutput()
    let loop = ReviewLoop(
        client: desk, input: input, output: output, editor: editor, width: nil, now: { fixedNow })
    return (loop, input, output)
}

/// The drafts shown, in order, by their card's first line.
private func shown(_ output: RecordingOutput) -> [String] {
    output.lines.filter { $0.hasPrefix("Draft d_") && $0.contains("(score ") }.map { String($0.dropFirst(6).prefix(3)) }
}

@Suite("courtesy review next", .timeLimit(.minutes(1)))
struct ReviewLoopTests {
    @Test("approve: the most urgent draft of the most urgent conversation, beside the customer's other mentions")
    func approve() async throws {
        let desk = FakeDesk(threeConversations())
        let (loop, input, output) = loop(desk, ["a", "q"])
        let tally = try await loop.run()
        #expect(tally == ReviewTally(approved: 1))
        #expect(await desk.decisions == ["approve d_b text=nil scope=nil"])
        #expect(shown(output) == ["d_b", "d_c"])
        #expect(output.lines.contains("Other pending mentions from Jane Doe (approving answers them too):"))
        #expect(output.lines.contains { $0.hasPrefix("    d_a") && $0.hasSuffix("hello? anyone?") })
        #expect(output.lines.contains("Approved d_b as Ada Lovelace at 2026-11-23T17:55:00.000Z."))
        #expect(output.lines.contains("  also answered  d_a"))
        #expect(input.prompts == [ReviewLoop.prompt, ReviewLoop.prompt])
        #expect(output.lines.last == "Decided 1 (1 approved).")
    }

    @Test("edit: the editor opens on the draft and the whole mention; the text is sent only after 's'")
    func edit() async throws {
        let desk = FakeDesk(threeConversations())
        let editor = ScriptedEditor(replies: ["\n  Hello Jane, we found it.\n"])
        let (loop, input, output) = loop(desk, ["e", "s", "q"], editor: editor)
        let tally = try await loop.run()
        #expect(tally == ReviewTally(edited: 1))
        #expect(editor.count == 1)
        #expect(
            editor.files.first?.hasPrefix("Hi Jane. I'm really sorry about your parcel.\n\n" + EditFile.marker) == true)
        #expect(editor.files.first?.contains("#   my parcel is 5 days late!!") == true)
        #expect(await desk.decisions == ["approve d_b text=Hello Jane, we found it. scope=nil"])
        #expect(input.prompts == [ReviewLoop.prompt, ReplyComposer.prompt, ReviewLoop.prompt])
        #expect(output.lines.contains("    │ Hello Jane, we found it."))
        #expect(output.lines.contains { $0.hasPrefix("Approved d_b with edited text") })
        #expect(output.lines.contains("  reply   approved; queued for posting on x (24 characters)"))
    }

    @Test("edit, cancel: nothing is sent, and the next e opens the text written, not the draft")
    func editCancelled() async throws {
        let desk = FakeDesk(threeConversations())
        let editor = ScriptedEditor(replies: ["Hello Jane", "Hello Jane, found it"])
        let (loop, _, output) = loop(desk, ["e", "c", "e", "s", "q"], editor: editor)
        #expect(try await loop.run() == ReviewTally(edited: 1))
        #expect(output.lines.contains("Nothing sent. e opens your text again; a approves the draft as it is."))
        #expect(editor.files.count == 2)
        #expect(editor.files[1].hasPrefix("Hello Jane\n\n" + EditFile.marker))
        #expect(await desk.decisions == ["approve d_b text=Hello Jane, found it scope=nil"])
    }

    @Test(
        "edit: an unchanged reply can be sent as drafted; an empty one cannot be sent",
        arguments: ["unchanged", "empty"])
    func editUnchangedOrEmpty(_ kind: String) async throws {
        let desk = FakeDesk(threeConversations())
        let editor = ScriptedEditor { kind == "empty" ? " \n" : $0 + "\n" }
        let (loop, input, output) = loop(desk, ["e", "s", "c", "s", "q"], editor: editor)
        let tally = try await loop.run()
        if kind == "empty" {
            // "s" is refused at the empty reply's prompt; "c" cancels; then the conversation is skipped.
            #expect(await desk.decisions.isEmpty)
            #expect(tally == ReviewTally(skipped: 1))
            #expect(output.lines.contains("The reply is empty: there is nothing to send."))
            #expect(
                input.prompts == [
                    ReviewLoop.prompt, ReplyComposer.emptyPrompt, ReplyComposer.emptyPrompt, ReviewLoop.prompt,
                    ReviewLoop.prompt,
                ])
            #expect(shown(output) == ["d_b", "d_c"])
        } else {
            // Sent as drafted: recorded as an approval, not an edit.
            #expect(await desk.decisions == ["approve d_b text=nil scope=nil"])
            #expect(tally.approved == 1 && tally.edited == 0)
            #expect(output.lines.contains { $0.hasPrefix("Your reply is the draft, unchanged") })
        }
    }

    @Test("edit: a draft someone else decided meanwhile keeps the text in a file, beside their decision")
    func editConflict() async throws {
        let desk = FakeDesk(threeConversations())
        let standing = Fixture.decision(draftId: "d_b", action: "reject", approver: "Vic Ng", reason: "spam")
        await desk.refuse(
            "d_b", with: ReviewError(.conflict, "draft d_b was already rejected by Vic Ng", decision: standing))
        let unsent = UnsentReplies(
            directory: FileManager.default.temporaryDirectory.appendingPathComponent("unsent-\(UUID().uuidString)").path
        )
        defer { try? FileManager.default.removeItem(atPath: unsent.directory) }
        let editor = ScriptedEditor(replies: ["Hello Jane, it is on its way."])
        let input = ScriptedInput(["e", "s", "q"])
        let output = RecordingOutput()
        let loop = ReviewLoop(
            client: desk, input: input, output: output, editor: editor, width: nil, now: { fixedNow }, unsent: unsent)
        #expect(try await loop.run() == ReviewTally())
        let path = unsent.directory + "/d_b.txt"
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "Hello Jane, it is on its way.\n")
        let text = output.text
        #expect(text.contains("Your reply was not sent: draft d_b was already rejected by Vic Ng."))
        #expect(text.contains("Your text is saved in \(path):\n    │ Hello Jane, it is on its way."))
        #expect(
            text.contains("What was decided instead:\nDraft d_b was rejected by Vic Ng at 2026-11-23T17:55:00.000Z"))
        #expect(text.contains("Moving on."))
        #expect(shown(output) == ["d_b", "d_a"])
    }

    @Test("reject: asks for a reason and sends it; an empty reason rejects nothing")
    func reject() async throws {
        let desk = FakeDesk(threeConversations())
        let (loop, input, output) = loop(desk, ["r", "", "r", "  not about us  ", "q"])
        let tally = try await loop.run()
        #expect(tally == ReviewTally(rejected: 1))
        #expect(await desk.decisions == ["reject d_b reason=not about us"])
        #expect(output.lines.contains("Not rejected: a rejection needs a reason."))
        #expect(input.prompts.filter { $0.hasPrefix("Reason") }.count == 2)
        // Rejecting one mention leaves the customer's other one pending: it comes next.
        #expect(shown(output) == ["d_b", "d_a"])
    }

    @Test("skip: each conversation once, then 'nothing left' and a normal end")
    func skipAll() async throws {
        let desk = FakeDesk(threeConversations())
        let (loop, input, output) = loop(desk, ["s", "skip", "S", "q"])
        let tally = try await loop.run()
        #expect(tally == ReviewTally(skipped: 3))
        #expect(shown(output) == ["d_b", "d_c", "d_d"])
        #expect(output.lines.contains("Nothing left to review but the 3 skipped conversations."))
        #expect(input.unread == ["q"])
        #expect(await desk.decisions.isEmpty)
        #expect(
            await desk.calls.filter { $0.hasPrefix("conversations") } == [
                "conversations limit=1", "conversations limit=2", "conversations limit=3", "conversations limit=4",
            ])
    }

    @Test("a whole session: approve, reject, edit, until nothing is left")
    func session() async throws {
        let desk = FakeDesk(threeConversations())
        let editor = ScriptedEditor(replies: ["Thanks, Cy!"])
        let (loop, _, output) = loop(desk, ["approve", "r", "spam", "e", "s"], editor: editor)
        let tally = try await loop.run()
        #expect(tally == ReviewTally(approved: 1, edited: 1, rejected: 1))
        #expect(
            await desk.decisions == [
                "approve d_b text=nil scope=nil", "reject d_c reason=spam", "approve d_d text=Thanks, Cy! scope=nil",
            ])
        #expect(
            output.lines.suffix(2) == [
                "Nothing left to review.", "Decided 3 (2 approved, 1 of them edited; 1 rejected).",
            ])
        #expect(await desk.conversations.isEmpty)
    }

    @Test("the end of the input quits cleanly, deciding nothing")
    func endOfInput() async throws {
        let desk = FakeDesk(threeConversations())
        let (loop, input, output) = loop(desk, [])
        let tally = try await loop.run()
        #expect(tally == ReviewTally())
        #expect(input.prompts == [ReviewLoop.prompt])
        #expect(output.lines.last == "Decided nothing.")
        #expect(await desk.decisions.isEmpty)
    }

    @Test("the end of the input while asking for a reason quits too")
    func endOfInputAtReason() async throws {
        let desk = FakeDesk(threeConversations())
        let (loop, _, _) = loop(desk, ["r"])
        #expect(try await loop.run() == ReviewTally())
        #expect(await desk.decisions.isEmpty)
    }

    @Test("an empty queue: says so at once and asks nothing")
    func nothingToReview() async throws {
        let (loop, input, output) = loop(FakeDesk([]), ["a"])
        #expect(try await loop.run() == ReviewTally())
        #expect(input.prompts.isEmpty)
        #expect(output.lines.contains("Nothing left to review."))
    }

    @Test("an unknown answer asks again")
    func unknownAnswer() async throws {
        let desk = FakeDesk(threeConversations())
        let (loop, input, output) = loop(desk, ["yes", "", "q"])
        #expect(try await loop.run() == ReviewTally())
        #expect(input.prompts.count == 3)
        #expect(output.lines.filter { $0.hasPrefix("Answer a (approve)") }.count == 2)
    }

    @Test("a draft someone else decided is reported and passed over")
    func conflict() async throws {
        let desk = FakeDesk(threeConversations())
        await desk.refuse(
            "d_b", with: ReviewError(.conflict, "draft d_b was already approved by Sam Rivera at 2026-11-23T17:59:00Z"))
        let (loop, _, output) = loop(desk, ["a", "q"])
        #expect(try await loop.run() == ReviewTally())
        #expect(
            output.lines.contains("draft d_b was already approved by Sam Rivera at 2026-11-23T17:59:00Z; moving on."))
        #expect(shown(output) == ["d_b", "d_a"])
    }

    @Test("a reply the desk refuses is reported and the same draft asked about again")
    func invalidInput() async throws {
        let desk = FakeDesk(threeConversations())
        await desk.refuse("d_b", with: ReviewError(.invalidInput, "the reply is longer than 280 characters (422)"))
        let (loop, input, output) = loop(desk, ["a", "s", "q"])
        #expect(try await loop.run() == ReviewTally(skipped: 1))
        #expect(output.lines.contains("the reply is longer than 280 characters (422)"))
        #expect(input.prompts.count == 3)
        #expect(shown(output) == ["d_b", "d_c"])
    }

    @Test("a refused token ends the loop with its error")
    func unauthorized() async throws {
        let desk = FakeDesk(threeConversations())
        await desk.refuse("d_b", with: ReviewError(.unauthorized, "forbidden (403): viewers may not decide"))
        let (loop, _, _) = loop(desk, ["a", "q"])
        let error = await #expect(throws: ReviewError.self) { try await loop.run() }
        #expect(error?.exitCode == .unauthorized)
    }

    @Test("with --json, every desk answer is passed on as it came")
    func json() async throws {
        let desk = FakeDesk(threeConversations())
        let (loop, _, output) = loop(desk, ["a", "q"])
        _ = try await loop.run()
        let documents = output.documents.map { String(decoding: $0, as: UTF8.self) }
        #expect(documents.count == 4)  // identity, conversations, the decision, conversations
        #expect(documents[0].contains(#""name":"Ada Lovelace""#))
        #expect(documents[2].contains(#""action":"approve""#))
    }
}
