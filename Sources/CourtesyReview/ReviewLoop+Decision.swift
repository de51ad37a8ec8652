import CourtesyDeskAPI

extension ReviewLoop {
    /// One answer to the prompt.
    enum Answer: Equatable {
        case approve
        case edit
        case reject
        case skip
        case quit

        /// The answer `text` gives: its first letter, or a prefix of its word; nil for anything else.
        init?(_ text: String) {
            let word = text.trimmingCharacters(in: .whitespaces).lowercased()
            guard !word.isEmpty else { return nil }
            let answers: [(String, Answer)] = [
                ("approve", .approve), ("edit", .edit), ("reject", .reject), ("skip", .skip), ("quit", .quit),
            ]
            guard let match = answers.first(where: { $0.0.hasPrefix(word) }) else { return nil }
            self = match.1
        }
    }

    /// Asks about `draft` until it is decided, skipped or the person quits; counts decisions in `tally`.
    ///
    /// A reply edited but not sent (cancelled, or refused by the desk) is offered again by the next `e`.
    func ask(about draft: DeskAPI.DraftView, tally: inout ReviewTally) async throws(ReviewError) -> Step {
        var kept: String?
        while true {
            guard let line = await input.readLine(prompt: Self.prompt) else {
                output.line("")
                return .quit
            }
            guard let answer = Answer(line) else {
                output.line("Answer a (approve), e (edit), r (reject), s (skip) or q (quit).")
                continue
            }
            switch answer {
            case .approve:
                let outcome = try await record { () async throws(ReviewError) in
                    try await client.approve(id: draft.id, DeskAPI.ApproveRequest())
                }
                if outcome == .recorded { tally.approved += 1 }
                if outcome != .askAgain { return .next }
            case .edit:
                let composer = ReplyComposer(
                    client: client, editor: editor, input: input, output: output,
                    renderer: ReviewRenderer(now: now(), width: width), unsent: unsent)
                let composed: ComposedReply
                do {
                    composed = try await composer.compose(draft, startingFrom: kept)
                } catch {
                    output.line(error.message)
                    continue
                }
                switch composed {
                case .endOfInput(let edited):
                    if let edited { composer.save(edited, draftId: draft.id) }
                    return .quit
                case .cancelled(let edited):
                    kept = edited ?? kept
                    output.line(
                        "Nothing sent."
                            + (kept == nil ? "" : " e opens your text again; a approves the draft as it is."))
                    continue
                case .send(let text):
                    let outcome = try await record(
                        keeping: text.map { (text: $0, composer: composer) }, draftId: draft.id
                    ) {
                        () async throws(ReviewError) in
                        try await client.approve(id: draft.id, DeskAPI.ApproveRequest(text: text))
                    }
                    if outcome == .recorded {
                        if text == nil { tally.approved += 1 } else { tally.edited += 1 }
                    }
                    if outcome == .askAgain {
                        kept = text ?? kept
                        continue
                    }
                    return .next
                }
            case .reject:
                guard let reason = await input.readLine(prompt: "Reason (empty to go back): ") else {
                    output.line("")
                    return .quit
                }
                let trimmed = reason.trimmingCharacters(in: .whitespaces)
                guard !trimmed.isEmpty else {
                    output.line("Not rejected: a rejection needs a reason.")
                    continue
                }
                let outcome = try await record { () async throws(ReviewError) in
                    try await client.reject(id: draft.id, DeskAPI.RejectRequest(reason: trimmed))
                }
                if outcome == .recorded { tally.rejected += 1 }
                if outcome != .askAgain { return .next }
            case .skip:
                return .skip
            case .quit:
                return .quit
            }
        }
    }

    /// What became of a decision sent to the desk.
    enum Outcome {
        /// The desk recorded it.
        case recorded
        /// The draft was already decided, or is gone: nothing to do but move on.
        case passedOver
        /// The desk refused the reply or could not record it: ask about the same draft again.
        case askAgain
    }

    /// Sends a decision and prints what the desk recorded, or why it did not; an edited reply the desk
    /// passed over (`keeping`) is saved and shown, beside the decision that stands.
    private func record(
        keeping edited: (text: String, composer: ReplyComposer)? = nil, draftId: String? = nil,
        _ send: () async throws(ReviewError) -> DeskResponse<DeskAPI.DecisionResult>
    ) async throws(ReviewError) -> Outcome {
        do {
            let response = try await send()
            output.json(response.json)
            for line in ReviewRenderer(now: now(), width: width).result(response.body) { output.line(line) }
            return .recorded
        } catch {
            switch error.exitCode {
            case .conflict, .notFound:
                if let edited, let draftId {
                    await edited.composer.keep(edited.text, draftId: draftId, after: error)
                    output.line("Moving on.")
                } else {
                    output.line(error.message + "; moving on.")
                }
                return .passedOver
            case .invalidInput, .unavailable:
                output.line(error.message)
                return .askAgain
            default:
                throw error
            }
        }
    }
}
