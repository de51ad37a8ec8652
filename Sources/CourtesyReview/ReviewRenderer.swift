import CourtesyCore
import CourtesyDeskAPI

/// Turns desk answers into lines for people: tables, draft cards, decisions.
///
/// Pure: the time and the terminal width are given, so the same answer always renders the same lines.
package struct ReviewRenderer: Sendable {
    /// The time relative times are measured from.
    package var now: Timestamp
    /// The terminal's width in columns, or nil when the output is not a terminal.
    package var width: Int?

    /// How wide an excerpt is when the terminal's width is unknown.
    package static let defaultExcerptWidth = 60

    package init(now: Timestamp, width: Int?) {
        self.now = now
        self.width = width
    }

    /// The customer as one short line: the name, else `@handle`, else `someone`.
    static func customerName(_ customer: DeskAPI.DraftView.Customer) -> String {
        if let name = customer.name, !name.isEmpty { return TerminalText.oneLine(name) }
        if let handle = customer.handle, !handle.isEmpty { return "@" + TerminalText.oneLine(handle) }
        return "someone"
    }

    /// The customer with both name and handle when both are known: `Jane Doe (@janedoe)`.
    static func customerFull(_ customer: DeskAPI.DraftView.Customer) -> String {
        let name = customerName(customer)
        if let handle = customer.handle, !handle.isEmpty, customer.name?.isEmpty == false {
            return "\(name) (@\(TerminalText.oneLine(handle)))"
        }
        return name
    }
}
