import CourtesyDeskAPI

extension ReviewRenderer {
    /// A pending draft beside the mention it answers: customer, agent, priority and its reasons,
    /// reply-by, the conversation's earlier contacts, what the mention says, its excerpt and the drafted text.
    package func card(_ draft: DeskAPI.DraftView) -> [String] {
        var lines = [
            "Draft \(TerminalText.oneLine(draft.id))  \(draft.priority.level.rawValue) (score \(draft.priority.score))"
                + " · \(draft.intent.rawValue) · \(draft.platform.rawValue)",
            "  reply by  \(RelativeTime.until(rfc3339: draft.replyBy, now: now)) (\(TerminalText.oneLine(draft.replyBy)))",
        ]
        let pending = draft.conversationPending
        lines.append(
            "  customer  \(Self.customerFull(draft.customer)) · \(pending) pending "
                + (pending == 1 ? "mention" : "mentions") + " in \(TerminalText.oneLine(draft.conversation))")
        lines.append(
            "  agent     \(TerminalText.oneLine(draft.agent.name)) (\(TerminalText.oneLine(draft.agent.id)))")
        if !draft.priority.reasons.isEmpty {
            lines.append("  why       " + draft.priority.reasons.map(TerminalText.oneLine).joined(separator: "; "))
        }
        if let reason = draft.reviewReason, !reason.isEmpty {
            lines.append("  check     " + TerminalText.oneLine(reason))
        }
        if let contacts = draft.previousContacts, !contacts.isEmpty {
            lines.append("  earlier   \(contacts.count) earlier " + (contacts.count == 1 ? "contact" : "contacts"))
            for contact in contacts {
                let facts = contact.facts.map { "\($0.kind) \($0.value)" }
                lines.append(
                    "            \(RelativeTime.since(rfc3339: contact.at, now: now)): \(contact.intent.rawValue)"
                        + (facts.isEmpty ? "" : ", " + facts.map(TerminalText.oneLine).joined(separator: ", "))
                        + " (\(TerminalText.oneLine(contact.id)))")
            }
        }
        if let facts = draft.facts, !facts.isEmpty {
            lines.append(
                "  facts     " + facts.map { TerminalText.oneLine("\($0.kind) \($0.value)") }.joined(separator: "; "))
        }
        let said = draft.mentionCreatedAt.map { " (\(RelativeTime.since(rfc3339: $0, now: now)))" } ?? ""
        lines.append("  mention\(said)")
        lines += quoted(draft.excerpt)
        lines.append(
            "  draft (\(draft.text.count)/\(draft.replyLengthLimit) characters, template "
                + "\(TerminalText.oneLine(draft.template.name)) #\(draft.template.variant), "
                + "tone \(draft.tone.rawValue))")
        lines += quoted(draft.text)
        return lines
    }

    /// The pending drafts of one conversation, one line each, `current` marked.
    package func conversation(_ drafts: [DeskAPI.DraftView], current: String?) -> [String] {
        let excerptWidth = width.map { max($0 - 48, Self.minimumExcerptWidth) } ?? Self.defaultExcerptWidth
        return drafts.map { draft in
            let marker = draft.id == current ? "▸" : " "
            let when = draft.mentionCreatedAt.map { RelativeTime.since(rfc3339: $0, now: now) } ?? ""
            return "  \(marker) \(TerminalText.oneLine(draft.id))  "
                + TerminalText.padded(draft.priority.level.rawValue, toWidth: 7)
                + TerminalText.padded(when, toWidth: 10) + " "
                + TerminalText.truncated(TerminalText.oneLine(draft.excerpt), toWidth: excerptWidth)
        }
    }

    /// What `show` prints: the card of a pending draft and, when several drafts of its conversation are
    /// pending, all of them; or the decision that closed it.
    package func detail(_ detail: DeskAPI.DraftDetail) -> [String] {
        if let decision = detail.decision {
            return self.decision(decision)
        }
        guard let draft = detail.draft else {
            return ["The desk says the draft is \(TerminalText.oneLine(detail.status))."]
        }
        var lines = card(draft)
        if let conversation = detail.conversation, conversation.count > 1 {
            lines.append("")
            lines.append("Conversation: \(conversation.count) pending drafts, oldest first")
            lines += self.conversation(conversation, current: draft.id)
        }
        return lines
    }

    /// `text` indented under a bar, line by line, safe to print.
    func quoted(_ text: String) -> [String] {
        TerminalText.printable(text, keepingNewlines: true)
            .split(separator: "\n", omittingEmptySubsequences: false)
            .map { "    │ " + $0 }
    }
}
