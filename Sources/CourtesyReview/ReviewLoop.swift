import CourtesyCore
import CourtesyDeskAPI

/// `courtesy review next`: shows the most urgent pending draft beside its mention, asks what to do
/// with it, records the answer, and moves on to the next conversation until nothing is left or the
/// person quits.
///
/// Every part that touches the world is given (the desk, the person's input, the output, the editor,
/// the clock), so a test can drive the loop with a script.
package struct ReviewLoop: Sendable {
    /// The question asked for each draft.
    package static let prompt = "[a]pprove / [e]dit / [r]eject / [s]kip / [q]uit > "

    /// The desk.
    package var client: any DeskClient
    /// The person's answers.
    package var input: any ReviewInput
    /// Where cards, results and the desk's JSON go.
    package var output: any ReviewOutput
    /// The editor `e` opens.
    package var editor: any ReplyEditor
    /// Which conversations to review; its limit is not used.
    package var query: DeskQuery
    /// The terminal's width, or nil.
    package var width: Int?
    /// The clock, for relative times.
    package var now: @Sendable () -> Timestamp
    /// Where an edited reply that was not sent is saved.
    package var unsent: UnsentReplies

    package init(
        client: any DeskClient, input: any ReviewInput, output: any ReviewOutput, editor: any ReplyEditor,
        query: DeskQuery = DeskQuery(), width: Int? = nil, now: @escaping @Sendable () -> Timestamp = { .now() },
        unsent: UnsentReplies = .standard()
    ) {
        self.client = client
        self.input = input
        self.output = output
        self.editor = editor
        self.query = query
        self.width = width
        self.now = now
        self.unsent = unsent
    }

    /// Runs until nothing is left to review, the person quits, or the input ends; returns what was
    /// decided.
    ///
    /// A draft someone else decided meanwhile, or one that is gone, is reported and passed over; a
    /// reply the desk refuses, or a decision the desk could not record (unavailable, unreachable), is
    /// reported and asked about again. Any other error (a refused token, a desk unreachable when
    /// fetching the next conversation) ends the loop with it.
    package func run() async throws(ReviewError) -> ReviewTally {
        let identity = try await client.identity()
        output.json(identity.json)
        output.line("Reviewing as \(TerminalText.oneLine(identity.body.name)) (\(identity.body.role.rawValue)).")
        if !identity.body.role.mayDecide {
            output.line("A \(identity.body.role.rawValue) may look but not decide: the desk will refuse decisions.")
        }
        var tally = ReviewTally()
        var skipped = Set<String>()
        while true {
            guard let (conversation, waiting) = try await nextConversation(skipping: skipped) else {
                output.line(
                    skipped.isEmpty
                        ? "Nothing left to review."
                        : "Nothing left to review but the \(skipped.count) skipped "
                            + (skipped.count == 1 ? "conversation." : "conversations."))
                output.line(tally.summary)
                return tally
            }
            guard let draft = Self.mostUrgent(conversation.drafts) else {
                skipped.insert(conversation.conversation)
                continue
            }
            show(draft, in: conversation, waiting: waiting)
            switch try await ask(about: draft, tally: &tally) {
            case .next:
                output.line("")
            case .skip:
                skipped.insert(conversation.conversation)
                tally.skipped += 1
                output.line("Skipped.")
                output.line("")
            case .quit:
                output.line(tally.summary)
                return tally
            }
        }
    }

    /// What to do after a draft was dealt with.
    enum Step {
        case next
        case skip
        case quit
    }

    /// The most urgent conversation not skipped, and how many conversations match in all.
    func nextConversation(skipping skipped: Set<String>) async throws(ReviewError)
        -> (DeskAPI.ConversationView, Int)?
    {
        var query = self.query
        // The skipped conversations may come first: ask for enough to get past them.
        query.limit = min(skipped.count + 1, DeskAPI.maximumLimit)
        let response = try await client.conversations(query)
        output.json(response.json)
        let list = response.body
        guard let conversation = list.conversations.first(where: { !skipped.contains($0.conversation) }) else {
            return nil
        }
        return (conversation, list.matching)
    }

    /// The draft to decide first: the most urgent level, then the earliest reply-by, then the highest
    /// score, then the id.
    static func mostUrgent(_ drafts: [DeskAPI.DraftView]) -> DeskAPI.DraftView? {
        drafts.min { left, right in
            if left.priority.level != right.priority.level { return left.priority.level < right.priority.level }
            let leftBy = Timestamp(rfc3339: left.replyBy)
            let rightBy = Timestamp(rfc3339: right.replyBy)
            if let leftBy, let rightBy, leftBy != rightBy { return leftBy < rightBy }
            if left.priority.score != right.priority.score { return left.priority.score > right.priority.score }
            return left.id < right.id
        }
    }

    private func show(_ draft: DeskAPI.DraftView, in conversation: DeskAPI.ConversationView, waiting: Int) {
        let renderer = ReviewRenderer(now: now(), width: width)
        output.line("── \(waiting) \(waiting == 1 ? "conversation" : "conversations") waiting ──")
        for line in renderer.card(draft) { output.line(line) }
        let others = conversation.drafts.filter { $0.id != draft.id }
        if !others.isEmpty {
            output.line("")
            output.line(
                "Other pending mentions from \(ReviewRenderer.customerName(draft.customer)) "
                    + "(approving answers them too):")
            for line in renderer.conversation(others, current: nil) { output.line(line) }
        }
        output.line("")
    }
}
