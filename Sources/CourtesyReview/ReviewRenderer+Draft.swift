import CourtesyDeskAPI

extension ReviewRenderer {
    /// A pending draft beside the mention it answers: customer and their reach, agent, priority and its
    /// reasons, reply-by, the conversation's earlier contacts, what the mention says, its whole text
    /// and the drafted text, both wrapped to the terminal's width.
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
        if let followers = draft.customer.followers {
            lines.append("  reach     " + Self.followers(followers))
        }
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
                lines.append("            " + earlierContact(contact))
            }
        }
        if let facts = draft.facts, !facts.isEmpty {
            lines.append(
                "  facts     " + facts.map { TerminalText.oneLine("\($0.kind) \($0.value)") }.joined(separator: "; "))
        }
        let said = draft.mentionCreatedAt.map { " (\(RelativeTime.since(rfc3339: $0, now: now)))" } ?? ""
        let url = draft.mentionUrl.map { "  " + TerminalText.oneLine($0) } ?? ""
        lines.append("  mention\(said)\(url)")
        lines += quoted(draft.mentionText ?? draft.excerpt)
        lines.append(
            "  draft (\(draft.text.count)/\(draft.replyLengthLimit) characters, template "
                + "\(TerminalText.oneLine(draft.template.name)) #\(draft.template.variant), "
                + "tone \(draft.tone.rawValue))")
        lines += quoted(draft.text)
        return lines
    }

    /// One earlier contact of the conversation: when, what the customer was doing, what they said
    /// (identifiers, durations...), and the mention's id.
    func earlierContact(_ contact: DeskAPI.DraftView.PreviousContact) -> String {
        let facts = contact.facts.map { TerminalText.oneLine("\($0.kind) \($0.value)") }
        return "\(RelativeTime.since(rfc3339: contact.at, now: now)): \(contact.intent.rawValue)"
            + (facts.isEmpty ? "" : ", " + facts.joined(separator: ", ")) + " (\(TerminalText.oneLine(contact.id)))"
    }

    /// A reach in words: `1 follower`, `12,400 followers`.
    package static func followers(_ count: Int) -> String {
        var digits = String(count)
        var grouped = ""
        while digits.count > 3 {
            grouped = "," + digits.suffix(3) + grouped
            digits.removeLast(3)
        }
        return digits + grouped + (count == 1 ? " follower" : " followers")
    }

    /// The pending drafts of one conversation, one line each, `current` marked; the excerpt fills the
    /// rest of the terminal's width.
    package func conversation(_ drafts: [DeskAPI.DraftView], current: String?) -> [String] {
        drafts.map { draft in
            let marker = draft.id == current ? "▸" : " "
            let when = draft.mentionCreatedAt.map { RelativeTime.since(rfc3339: $0, now: now) } ?? ""
            let head =
                "  \(marker) \(TerminalText.oneLine(draft.id))  "
                + TerminalText.padded(draft.priority.level.rawValue, toWidth: 7)
                + TerminalText.padded(when, toWidth: 10) + " "
            let excerptWidth =
                width.map { max($0 - TerminalText.width(of: head), Self.minimumExcerptWidth) }
                ?? Self.defaultExcerptWidth
            return head + TerminalText.truncated(TerminalText.oneLine(draft.excerpt), toWidth: excerptWidth)
        }
    }

    /// What `show` prints: the card of a pending draft and, when several drafts of its conversation are
    /// pending, all of them; or the decision that closed it, with the reply sent and what became of it.
    package func detail(_ detail: DeskAPI.DraftDetail) -> [String] {
        if let decision = detail.decision {
            return self.decision(decision, publication: detail.publication)
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

    /// `text` indented under a bar, line by line, safe to print; wrapped to the terminal's width when
    /// it is known.
    func quoted(_ text: String) -> [String] {
        let bar = "    │ "
        guard let width else {
            return TerminalText.printable(text, keepingNewlines: true)
                .split(separator: "\n", omittingEmptySubsequences: false)
                .map { bar + $0 }
        }
        return TerminalText.wrapped(text, toWidth: max(width - TerminalText.width(of: bar), Self.minimumQuoteWidth))
            .map { bar + $0 }
    }

    /// The narrowest a quoted text is wrapped to, however narrow the terminal.
    static let minimumQuoteWidth = 20
}
