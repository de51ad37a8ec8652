import CourtesyDeskAPI
import Foundation

/// Editing a reply safely: the editor opens on the reply with the mention and its context below it, the
/// approver sees what they wrote and chooses to send it, edit it again or cancel; nothing is sent
/// before they say send. A reply the desk did not take (someone else decided the draft meanwhile) is
/// saved, shown, and put beside the decision that stands.
package struct ReplyComposer: Sendable {
    /// The question asked after each edit.
    package static let prompt = "[s]end, [e]dit again, [c]ancel > "
    /// The question asked when the edit left the reply empty.
    package static let emptyPrompt = "[e]dit again, [c]ancel > "

    /// The desk, to look up the decision that stands after a conflict.
    package var client: any DeskClient
    package var editor: any ReplyEditor
    package var input: any ReviewInput
    package var output: any ReviewOutput
    package var renderer: ReviewRenderer
    /// Where a reply that was not sent is saved.
    package var unsent: UnsentReplies

    package init(
        client: any DeskClient, editor: any ReplyEditor, input: any ReviewInput, output: any ReviewOutput,
        renderer: ReviewRenderer, unsent: UnsentReplies
    ) {
        self.client = client
        self.editor = editor
        self.input = input
        self.output = output
        self.renderer = renderer
        self.unsent = unsent
    }

    /// One answer to ``prompt``.
    enum Choice: CaseIterable {
        case send, edit, cancel

        /// The choice `text` gives: its first letter, or a prefix of its word; nil for anything else.
        init?(_ text: String) {
            let word = text.trimmingCharacters(in: .whitespaces).lowercased()
            guard !word.isEmpty else { return nil }
            let words: [(String, Choice)] = [("send", .send), ("edit", .edit), ("cancel", .cancel)]
            guard let match = words.first(where: { $0.0.hasPrefix(word) }) else { return nil }
            self = match.1
        }
    }

    /// Opens the editor on `start` (else the drafted text) with the draft's context, shows the result
    /// and asks what to do, until the approver sends or cancels.
    ///
    /// An unchanged reply is offered for sending as drafted; an empty one can only be edited again or
    /// cancelled.
    /// - Throws: the editor's error (it failed, or left no file): nothing is sent.
    package func compose(_ draft: DeskAPI.DraftView, startingFrom start: String? = nil) async throws(ReviewError)
        -> ComposedReply
    {
        let drafted = draft.text.trimmingCharacters(in: .whitespacesAndNewlines)
        var current = start ?? draft.text
        var edited: String? = start
        while true {
            let saved = try await editor.edit(EditFile.contents(reply: current, draft: draft, renderer: renderer))
            let (text, hadMarker) = EditFile.reply(in: saved)
            if !hadMarker {
                output.line("The line \"\(EditFile.marker)\" was deleted: the whole file is taken as the reply.")
            }
            let prompt: String
            if text.isEmpty {
                output.line("The reply is empty: there is nothing to send.")
                prompt = Self.emptyPrompt
            } else {
                current = text
                let unchanged = text == drafted
                edited = unchanged ? nil : text
                let count = "\(text.count)/\(draft.replyLengthLimit) characters"
                output.line(unchanged ? "Your reply is the draft, unchanged (\(count)):" : "Your reply (\(count)):")
                for line in renderer.quoted(text) { output.line(line) }
                if text.count > draft.replyLengthLimit {
                    output.line(
                        "It is longer than the \(draft.replyLengthLimit) characters \(draft.platform.rawValue) "
                            + "allows: the desk will refuse it.")
                }
                prompt = Self.prompt
            }
            switch await choose(prompt: prompt, canSend: !text.isEmpty) {
            case nil:
                return .endOfInput(edited: edited)
            case .send:
                return .send(edited)
            case .edit:
                continue
            case .cancel:
                return .cancelled(edited: edited)
            }
        }
    }

    /// Asks until the answer is one of the choices offered; nil at the end of the input.
    private func choose(prompt: String, canSend: Bool) async -> Choice? {
        while true {
            guard let line = await input.readLine(prompt: prompt) else {
                output.line("")
                return nil
            }
            if let choice = Choice(line), canSend || choice != .send { return choice }
            output.line(
                canSend ? "Answer s (send), e (edit again) or c (cancel)." : "Answer e (edit again) or c (cancel).")
        }
    }

    /// Keeps a reply that was written for `draftId` but not sent because of `error`: saves it, prints
    /// where with the text, and for a conflict, the decision that stands (from the desk, else from the
    /// error).
    package func keep(_ text: String, draftId: String, after error: ReviewError) async {
        output.line("Your reply was not sent: \(error.message).")
        save(text, draftId: draftId)
        guard error.exitCode == .conflict else { return }
        var decision = error.decision
        var publication: DeskAPI.PublicationView?
        if let detail = try? await client.draft(id: draftId).body, let standing = detail.decision {
            decision = standing
            publication = detail.publication
        }
        if let decision {
            output.line("What was decided instead:")
            for line in renderer.decision(decision, publication: publication) { output.line(line) }
        }
    }

    /// Saves `text` as a reply to `draftId` that was not sent, and prints where, with the text.
    package func save(_ text: String, draftId: String) {
        do {
            let path = try unsent.save(text, draftId: draftId)
            output.line("Your text is saved in \(path):")
        } catch {
            output.line("Your text could not be saved (\(error.message)); here it is:")
        }
        for line in renderer.quoted(text) { output.line(line) }
    }
}
