import CourtesyDeskAPI

extension ReviewRenderer {
    /// The columns of the draft table, the excerpt last.
    static let tableHeader = [
        "ID", "PRIORITY", "INTENT", "PLATFORM", "REPLY BY", "CUSTOMER", "AGENT", "CONV", "EXCERPT",
    ]
    /// The widest a customer or agent name gets in the table.
    static let nameColumnWidth = 20
    /// The narrowest excerpt, however narrow the terminal.
    static let minimumExcerptWidth = 20

    /// `drafts` as an aligned table with a header, one line per draft; the excerpt fills what is left of
    /// the terminal's width, or ``defaultExcerptWidth`` columns.
    package func table(_ drafts: [DeskAPI.DraftView]) -> [String] {
        let rows = drafts.map { draft in
            [
                TerminalText.oneLine(draft.id),
                draft.priority.level.rawValue,
                draft.intent.rawValue,
                draft.platform.rawValue,
                RelativeTime.until(rfc3339: draft.replyBy, now: now),
                TerminalText.truncated(Self.customerName(draft.customer), toWidth: Self.nameColumnWidth),
                TerminalText.truncated(TerminalText.oneLine(draft.agent.name), toWidth: Self.nameColumnWidth),
                String(draft.conversationPending),
            ]
        }
        let fixed = Self.tableHeader.dropLast()
        var widths = fixed.map { TerminalText.width(of: $0) }
        for row in rows {
            for (index, cell) in row.enumerated() {
                widths[index] = max(widths[index], TerminalText.width(of: cell))
            }
        }
        let separator = "  "
        let used = widths.reduce(0, +) + separator.count * widths.count
        let excerptWidth = width.map { max($0 - used, Self.minimumExcerptWidth) } ?? Self.defaultExcerptWidth

        func line(_ cells: [String], excerpt: String) -> String {
            var text = ""
            for (index, cell) in cells.enumerated() {
                text += TerminalText.padded(cell, toWidth: widths[index]) + separator
            }
            return text + TerminalText.truncated(excerpt, toWidth: excerptWidth)
        }
        var lines = [line(Array(fixed), excerpt: Self.tableHeader.last ?? "")]
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
        return table(list.drafts) + ["", "\(count), \(list.pending) pending in all."]
    }
}
