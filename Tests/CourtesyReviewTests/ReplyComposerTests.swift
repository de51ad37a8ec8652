import CourtesyDeskAPI
import CourtesyReview
import Foundation
import Testing

private let longMention =
    "@acme my flight was cancelled, then my bag was lost, and now support hangs up on me. Three calls, two "
    + "hours on hold, nothing. Fix this today or I go to the regulator."

/// A draft with a long mention, the author's reach and an earlier contact.
private func draftWithContext() -> DeskAPI.DraftView {
    var draft = Fixture.draft(
        id: "d_b", excerpt: String(longMention.prefix(120)) + "…", mentionText: longMention,
        mentionUrl: "https://x.example/janedoe/77", followers: 48_200)
    draft.previousContacts = [
        DeskAPI.DraftView.PreviousContact(
            id: "m-1", at: fixedNow.adding(seconds: -2 * 86_400).rfc3339, intent: .complaint,
            facts: [DeskAPI.DraftView.Fact(kind: "booking", value: "ABC123", normalised: "ABC123")])
    ]
    return draft
}

/// A directory of its own under the temporary directory, for saved replies.
private func unsentDirectory() -> UnsentReplies {
    UnsentReplies(
        directory: FileManager.default.temporaryDirectory.appendingPathComponent("unsent-\(UUID().uuidString)").path)
}

private func composer(
    _ editor: ScriptedEditor, answers: [String], desk: FakeDesk = FakeDesk([]),
    unsent: UnsentReplies = unsentDirectory()
) -> (ReplyComposer, ScriptedInput, RecordingOutput) {
    let input = ScriptedInput(answers)
    let output = RecordingOutput()
    let composer = ReplyComposer(
        client: desk, editor: editor, input: input, output: output,
        renderer: ReviewRenderer(now: fixedNow, width: nil), unsent: unsent)
    return (composer, input, output)
}

@Suite("Editing a reply: the edit file and the confirm step", .timeLimit(.minutes(1)))
struct ReplyComposerTests {
    @Test("the edit file holds the draft, then the marker, then the whole mention and its context as # lines")
    func editFileContents() {
        let draft = draftWithContext()
        let file = EditFile.contents(
            reply: draft.text, draft: draft, renderer: ReviewRenderer(now: fixedNow, width: nil))
        let lines = file.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines[0] == draft.text)
        #expect(lines[2] == EditFile.marker)
        #expect(lines.dropFirst(3).allSatisfy { $0.hasPrefix("#") || $0.isEmpty })
        #expect(file.contains("# Reply to Jane Doe (@janedoe), 48,200 followers on x."))
        #expect(file.contains("# Limit: 280 characters on x; the draft has 44."))
        #expect(file.contains("# The mention, 5m ago, https://x.example/janedoe/77:"))
        // The whole mention, wrapped, not the excerpt.
        let quoted = lines.filter { $0.hasPrefix("#   ") && !$0.contains("ago:") }.map { $0.dropFirst(4) }
        #expect(quoted.joined(separator: " ") == longMention)
        #expect(file.contains("#   2d 00h ago: complaint, booking ABC123 (m-1)"))
        #expect(EditFile.reply(in: file) == (draft.text, true))
    }

    @Test("everything from the marker on is dropped; a reply line starting with # (a hashtag) is kept")
    func stripping() {
        let saved =
            "  #sorry Jane, your bag is found.\n#AcmeCares\n\n" + EditFile.marker + "   \n# The mention:\n#   hello\n"
        #expect(EditFile.reply(in: saved) == ("#sorry Jane, your bag is found.\n#AcmeCares", true))
        // Windows line ends, and a marker with trailing spaces.
        #expect(EditFile.reply(in: "Hi\r\n" + EditFile.marker + " \r\n# x\r\n") == ("Hi", true))
        // A deleted marker: the whole file is the reply, and the caller says so.
        #expect(
            EditFile.reply(in: "Hi there\n# not a comment any more\n") == ("Hi there\n# not a comment any more", false))
        #expect(EditFile.reply(in: EditFile.marker + "\nHi") == ("", true))
    }

    @Test("send: the edited text, after showing it; nothing is sent by composing")
    func send() async throws {
        let editor = ScriptedEditor(replies: ["Hello Jane, we found your bag. #AcmeCares"])
        let (composer, input, output) = composer(editor, answers: ["s"])
        let composed = try await composer.compose(draftWithContext())
        #expect(composed == .send("Hello Jane, we found your bag. #AcmeCares"))
        #expect(input.prompts == [ReplyComposer.prompt])
        #expect(output.lines.contains("Your reply (41/280 characters):"))
        #expect(output.lines.contains("    │ Hello Jane, we found your bag. #AcmeCares"))
    }

    @Test("edit again reopens the editor on the text just written; then send")
    func editAgain() async throws {
        let editor = ScriptedEditor(replies: ["First try", "Second try"])
        let (composer, input, _) = composer(editor, answers: ["e", "send"])
        #expect(try await composer.compose(draftWithContext()) == .send("Second try"))
        #expect(editor.count == 2)
        #expect(editor.files[1].hasPrefix("First try\n\n" + EditFile.marker))
        #expect(input.prompts == [ReplyComposer.prompt, ReplyComposer.prompt])
    }

    @Test("cancel sends nothing and hands back the text written")
    func cancel() async throws {
        let (composer, _, _) = composer(ScriptedEditor(replies: ["Not this"]), answers: ["x", "c"])
        #expect(try await composer.compose(draftWithContext()) == .cancelled(edited: "Not this"))
    }

    @Test("an unchanged reply is offered as the draft: send approves it as drafted")
    func unchanged() async throws {
        let (composer, _, output) = composer(ScriptedEditor { $0 }, answers: ["s"])
        #expect(try await composer.compose(draftWithContext()) == .send(nil))
        #expect(output.lines.contains("Your reply is the draft, unchanged (44/280 characters):"))
    }

    @Test("an empty reply cannot be sent: only edit again or cancel")
    func empty() async throws {
        let editor = ScriptedEditor(replies: ["", "Better"])
        let (composer, input, output) = composer(editor, answers: ["s", "e", "s"])
        #expect(try await composer.compose(draftWithContext()) == .send("Better"))
        #expect(output.lines.contains("The reply is empty: there is nothing to send."))
        #expect(output.lines.contains("Answer e (edit again) or c (cancel)."))
        #expect(input.prompts == [ReplyComposer.emptyPrompt, ReplyComposer.emptyPrompt, ReplyComposer.prompt])
    }

    @Test("the end of the input sends nothing")
    func endOfInput() async throws {
        let (composer, _, _) = composer(ScriptedEditor(replies: ["Almost"]), answers: [])
        #expect(try await composer.compose(draftWithContext()) == .endOfInput(edited: "Almost"))
    }

    @Test("a deleted marker is said, and the whole file shown before anything is sent")
    func deletedMarker() async throws {
        let (composer, _, output) = composer(ScriptedEditor { _ in "Hi\n# a hashtag line" }, answers: ["c"])
        _ = try await composer.compose(draftWithContext())
        #expect(
            output.lines.contains {
                $0.hasPrefix("The line \"# ----") && $0.hasSuffix("the whole file is taken as the reply.")
            })
        #expect(output.lines.contains("    │ # a hashtag line"))
    }

    @Test("a reply overtaken by someone else's decision is saved, printed, and shown beside that decision")
    func conflictKeepsText() async throws {
        let desk = FakeDesk([])
        let standing = Fixture.decision(draftId: "d_b", action: "approve", text: "Hi Jane. Sorry about your parcel.")
        await desk.decide(standing, publication: Fixture.publication("posted", postId: "1862"))
        let unsent = unsentDirectory()
        defer { try? FileManager.default.removeItem(atPath: unsent.directory) }
        let (composer, _, output) = composer(ScriptedEditor { $0 }, answers: [], desk: desk, unsent: unsent)
        let error = ReviewError(.conflict, "draft d_b was already approved by Sam Rivera at 2026-11-23T17:55:00.000Z")
        await composer.keep("Hello Jane, here is what I found.", draftId: "d_b", after: error)

        let path = unsent.directory + "/d_b.txt"
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "Hello Jane, here is what I found.\n")
        let permissions = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(permissions == 0o600)
        #expect(
            output.lines == [
                "Your reply was not sent: draft d_b was already approved by Sam Rivera at 2026-11-23T17:55:00.000Z.",
                "Your text is saved in \(path):",
                "    │ Hello Jane, here is what I found.",
                "What was decided instead:",
                "Draft d_b was approved by Sam Rivera at 2026-11-23T17:55:00.000Z (5m ago).",
                "  status  posted at 2026-11-23T17:57:00.000Z (3m ago), post 1862",
                "  reply (sent by Sam Rivera)",
                "    │ Hi Jane. Sorry about your parcel.",
            ])

        // A second reply to the same draft does not overwrite the first.
        await composer.keep("Another try.", draftId: "d_b", after: error)
        #expect(try String(contentsOfFile: unsent.directory + "/d_b-2.txt", encoding: .utf8) == "Another try.\n")
    }

    @Test("saved replies are named after the draft id, made safe as a file name")
    func unsentNames() throws {
        let unsent = unsentDirectory()
        defer { try? FileManager.default.removeItem(atPath: unsent.directory) }
        let path = try unsent.save("text", draftId: "../../etc/passwd")
        #expect(path == unsent.directory + "/______etc_passwd.txt")
        #expect(
            UnsentReplies.standard(environment: ["XDG_STATE_HOME": "/state"], homeDirectory: "/home/ada").directory
                == "/state/courtesy/unsent")
        #expect(
            UnsentReplies.standard(environment: [:], homeDirectory: "/home/ada").directory
                == "/home/ada/.local/state/courtesy/unsent")
    }
}
