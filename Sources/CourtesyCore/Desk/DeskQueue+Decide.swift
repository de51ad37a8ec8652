extension DeskQueue {
    /// Checks a decision on a pending draft and returns the events to publish; the queue is not
    /// changed (apply the decisions once the broker has acknowledged them).
    ///
    /// Rules, in order: only an approver may decide; a draft already decided gives a conflict naming
    /// who decided and when (the first decision wins), or ``DeskError/decisionUnreadable(_:)`` when that
    /// decision cannot be read back; an unknown draft is not found; the final text
    /// must meet ``ReplyTextPolicy/reply(_:platform:)``; a rejection needs a reason that meets
    /// ``ReplyTextPolicy/reason(_:)``; every event returned must fit ``EventLimits/maxEventBytes``, so
    /// the decoders read back whatever the desk records. Approving with the draft's own text records
    /// `approve`, with any other text `edit`.
    ///
    /// With `scope` `.conversation` (the default), an approval answers the whole conversation: every
    /// other pending draft of the same customer gets an `answered` decision naming this draft, and
    /// only one reply is published. A rejection concerns the one draft whatever the scope.
    package func decide(
        _ draftId: String, _ request: DecisionRequest, by approver: Approver, at time: Timestamp,
        scope: DecisionScope = .conversation
    ) throws(DeskError) -> DeskOutcome {
        guard approver.role.mayDecide else { throw DeskError.forbidden(approver: approver.name, role: approver.role) }
        if let record = decided[draftId] { throw DeskError.conflict(record) }
        if let unreadable = unreadable[draftId] { throw DeskError.decisionUnreadable(unreadable) }
        guard let entry = pending[draftId] else { throw DeskError.notFound(draftId: draftId) }
        let draft = entry.draft
        switch request {
        case .reject(let reason):
            let checkedReason = try Self.checkedReason(reason, required: true) ?? ""
            let decision = Decision(
                draft: draft, action: .reject, text: nil, approver: approver.name, reason: checkedReason,
                decidedAt: time, mentionCreatedAt: entry.mentionCreatedAt)
            try Self.checkSize(decision.jsonBytes().count)
            return DeskOutcome(decisions: [decision], reply: nil)
        case .approve(let text, let reason):
            let finalText: String
            do throws(TextProblem) {
                finalText = try ReplyTextPolicy.reply(text ?? draft.text, platform: draft.platform)
            } catch {
                throw DeskError.invalidText(error)
            }
            let checkedReason = try Self.checkedReason(reason, required: false)
            let decision = Decision(
                draft: draft, action: finalText == draft.text ? .approve : .edit, text: finalText,
                approver: approver.name, reason: checkedReason, decidedAt: time,
                mentionCreatedAt: entry.mentionCreatedAt)
            var decisions = [decision]
            if scope == .conversation {
                decisions += answered(besides: draft, with: finalText, by: approver, at: time)
            }
            let reply = Reply(decision: decision)
            for decision in decisions {
                try Self.checkSize(decision.jsonBytes().count)
            }
            try Self.checkSize(reply?.jsonBytes().count ?? 0)
            return DeskOutcome(decisions: decisions, reply: reply)
        }
    }

    /// Refuses an event the decoders would refuse for its size. The text's byte cap keeps a decision
    /// well inside the limit; only a draft with enormous other fields could take it over.
    private static func checkSize(_ size: Int) throws(DeskError) {
        let limit = EventLimits.standard.maxEventBytes
        guard size <= limit else { throw DeskError.invalidText(.eventTooLarge(size: size, limit: limit)) }
    }

    /// The reply an `approve` or `edit` decision publishes, or `nil` for any other decision.
    ///
    /// A decision carries everything a reply needs, so this works for decisions read back from the
    /// log too (to publish again a reply whose publication was interrupted; the reply id makes that safe).
    package func reply(for decision: Decision) -> Reply? {
        Reply(decision: decision)
    }

    /// `answered` decisions for the other pending drafts of `draft`'s conversation, oldest first.
    private func answered(besides draft: Draft, with text: String, by approver: Approver, at time: Timestamp)
        -> [Decision]
    {
        let others = (pendingByConversation[draft.conversation] ?? [])
            .filter { $0.draft.id != draft.id }
            .sorted(by: DeskQueue.isOlder)
        return others.map { other in
            Decision(
                draft: other.draft, action: .answered, text: text, approver: approver.name, reason: nil,
                answeredBy: draft.id, decidedAt: time, mentionCreatedAt: other.mentionCreatedAt)
        }
    }

    private static func checkedReason(_ reason: String?, required: Bool) throws(DeskError) -> String? {
        guard let reason, reason.contains(where: { !$0.isWhitespace }) else {
            if required { throw DeskError.reasonRequired }
            return nil
        }
        do throws(TextProblem) {
            return try ReplyTextPolicy.reason(reason)
        } catch {
            throw DeskError.invalidReason(error)
        }
    }
}
