import CourtesyDeskAPI

extension ReviewRenderer {
    /// The columns of the draft table, the excerpt last.
    static let tableHeader = [
        "ID", "PRIORITY", "INTENT", "PLATFORM", "REPLY BY", "CUSTOMER", "AGENT", "CONV", "EXCERPT",
    ]
    /// The widest a customer or agent name gets in the table.
    static let nameColumnWidth = 20
    /// The narrowest a customer or agent name gets before columns are left out.
    static let narrowNameColumnWidth = 12
    /// The narrowest a customer name gets, on the narrowest terminals.
    static let minimumNameColumnWidth = 8
    /// The narrowest excerpt, however narrow the terminal.
    static let minimumExcerptWidth = 20

    /// What makes the table narrower on a narrow terminal, in the order tried: names shortened, then
    /// the columns least needed to choose a draft left out, then the customer's name shortened more.
    private enum Narrowing: CaseIterable {
        case shortenNames, dropAgent, dropConversation, dropPlatform, dropIntent, shortenCustomerMore
    }

    /// The indexes of the columns in ``tableHeader``.
    private enum Column: Int {
        case id, priority, intent, platform, replyBy, customer, agent, conversation
    }

    /// `drafts` as an aligned table with a header, one line per draft; the excerpt fills what is left of
    /// the terminal's width, or ``defaultExcerptWidth`` columns off a terminal. On a terminal too narrow
    /// for every column with an excerpt of ``minimumExcerptWidth``, names are shortened and the agent,
    /// conversation size, platform and intent are left out, in that order, until the line fits.
    package func table(_ drafts: [DeskAPI.DraftView]) -> [String] {
        let rows = drafts.map { draft in
            [
                TerminalText.oneLine(draft.id),
                draft.priority.level.rawValue,
                draft.intent.rawValue,
                draft.platform.rawValue,
                RelativeTime.until(rfc3339: draft.replyBy, now: now),
                Self.customerName(draft.customer),
                TerminalText.oneLine(draft.agent.name),
                String(draft.conversationPending),
            ]
        }
        let fixed = Array(Self.tableHeader.dropLast())
        var natural = fixed.map { TerminalText.width(of: $0) }
        for row in rows {
            for (index, cell) in row.enumerated() {
                natural[index] = max(natural[index], TerminalText.width(of: cell))
            }
        }
        var widths = natural
        for name in [Column.customer, .agent] {
            widths[name.rawValue] = min(widths[name.rawValue], Self.nameColumnWidth)
        }
        var shown = Set(fixed.indices)
        let separator = "  "
        func used() -> Int {
            shown.reduce(0) { $0 + widths[$1] + separator.count }
        }
        if let width {
            for narrowing in Narrowing.allCases where used() + Self.minimumExcerptWidth > width {
                switch narrowing {
                case .shortenNames:
                    for name in [Column.customer, .agent] {
                        widths[name.rawValue] = min(
                            widths[name.rawValue], max(Self.narrowNameColumnWidth, fixed[name.rawValue].count))
                    }
                case .dropAgent: shown.remove(Column.agent.rawValue)
                case .dropConversation: shown.remove(Column.conversation.rawValue)
                case .dropPlatform: shown.remove(Column.platform.rawValue)
                case .dropIntent: shown.remove(Column.intent.rawValue)
                case .shortenCustomerMore:
                    let room = width - Self.minimumExcerptWidth - (used() - widths[Column.customer.rawValue])
                    widths[Column.customer.rawValue] = min(
                        widths[Column.customer.rawValue],
                        max(room, Self.minimumNameColumnWidth, fixed[Column.customer.rawValue].count))
                }
            }
        }
        let excerptWidth = width.map { max($0 - used(), Self.minimumExcerptWidth) } ?? Self.defaultExcerptWidth

        func line(_ cells: [String], excerpt: String) -> String {
            var text = ""
            for (index, cell) in cells.enumerated() where shown.contains(index) {
                text += TerminalText.padded(
                    TerminalText.truncated(cell, toWidth: widths[index]), toWidth: widths[index])
                text += separator
            }
            return text + TerminalText.truncated(excerpt, toWidth: excerptWidth)
        }
        var lines = [line(fixed, excerpt: Self.tableHeader.last ?? "")]
        for (row, draft) in zip(rows, drafts) {
            lines.append(line(row, excerpt: TerminalText.oneLine(draft.excerpt)))
        }
        return lines
    }

    /// The table of a list, then how many drafts it shows of how many.
    package func list(_ list: DeskAPI.DraftList) -> [String] {
        guard !list.drafts.isEmpty else {
            return [
                list.pending == 0 ? "No drafts are pending." : "No pending draft matches (\(list.pending) pending)."
            ]
        }
        let count =
            list.drafts.count == list.matching
            ? "\(list.matching) \(list.matching == 1 ? "draft" : "drafts")"
            : "\(list.drafts.count) of \(list.matching) matching drafts"
        var footer = ["", "\(count), \(list.pending) pending in all."]
        if let posted = list.posted {
            let failed = list.failedToPost ?? 0
            footer.append(
                "\(posted) approved \(posted == 1 ? "reply" : "replies") posted"
                    + (failed > 0 ? ", \(failed) refused by the receiver." : "."))
        }
        return table(list.drafts) + footer
    }
}
