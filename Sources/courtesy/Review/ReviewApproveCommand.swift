import ArgumentParser
import CourtesyDeskAPI
import CourtesyReview
import CourtesyServices
import Foundation

/// `courtesy review approve ID`: sends the draft, edited text, or text written in the editor.
struct ReviewApproveCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "approve",
        abstract: "Approve a draft as drafted, with --text, or after editing it in $EDITOR (--edit).",
        discussion: """
            By default the reply also answers the customer's other pending drafts; --only-this decides \
            this draft alone.
            """)

    @Argument(help: "The draft id (d_…).")
    var id: String

    @Option(name: .long, help: ArgumentHelp("Send this reply instead of the drafted one.", valueName: "TEXT"))
    var text: String?

    @Flag(
        name: .long,
        help: "Edit the drafted reply in $EDITOR (else $VISUAL, else vi), then choose to send it, edit again or cancel."
    )
    var edit = false

    @Option(name: .long, help: ArgumentHelp("A note for the decision log.", valueName: "TEXT"))
    var reason: String?

    @Flag(name: .long, help: "Decide this draft only, not the customer's other pending drafts.")
    var onlyThis = false

    @OptionGroup var options: ReviewOptions

    func validate() throws {
        if text != nil && edit { throw ValidationError("give --text or --edit, not both") }
    }

    func run() async throws {
        try await options.run { client, _ in
            var replyText = text
            var composer: ReplyComposer?
            do {
                if edit {
                    let detail = try await client.draft(id: id).body
                    if let decision = detail.decision {
                        throw ReviewError(.conflict, options.renderer.alreadyDecided(decision), decision: decision)
                    }
                    guard let draft = detail.draft else {
                        throw ReviewError(.failure, "the desk did not send draft \(id)'s text")
                    }
                    let editing = ReplyComposer(
                        client: client,
                        editor: ExternalEditor(
                            command: ExternalEditor.command(environment: ProcessInfo.processInfo.environment)),
                        input: TerminalInput(promptsToStandardError: options.json),
                        output: TerminalOutput(printsJSON: options.json), renderer: options.renderer,
                        unsent: .standard())
                    composer = editing
                    switch try await editing.compose(draft) {
                    case .send(let edited):
                        replyText = edited
                    case .cancelled(let edited), .endOfInput(let edited):
                        if let edited { editing.save(edited, draftId: id) }
                        throw ReviewError(.invalidInput, "cancelled: nothing approved")
                    }
                }
                let request = DeskAPI.ApproveRequest(text: replyText, reason: reason, scope: onlyThis ? "draft" : nil)
                do throws(ReviewError) {
                    let response = try await client.approve(id: id, request)
                    options.print(response) { options.renderer.result($0) }
                } catch {
                    // What the approver wrote in the editor is theirs: never lost with a refusal.
                    if let composer, let replyText {
                        await composer.keep(replyText, draftId: id, after: error.naming(draft: id))
                    }
                    throw error
                }
            } catch let error as ReviewError {
                throw error.naming(draft: id)
            }
        }
    }
}
