import CourtesyDeskAPI
import Foundation

/// The file an approver edits a reply in: the reply first, then a marker line, then the mention and
/// its context as `#` lines for reference.
///
/// Everything from the marker line on is dropped when the file is read back; every line above it is
/// the reply, a line starting with `#` (a hashtag) included. A file whose marker was deleted is the
/// reply as a whole, which the approver sees before anything is sent.
package enum EditFile {
    /// The line that ends the reply.
    package static let marker = "# ---- everything below this line is ignored; write the reply above it ----"
    /// How wide the mention's text is wrapped in the file.
    static let wrapWidth = 72

    /// The file's contents for editing `reply`, an answer to `draft`; `renderer` gives relative times.
    package static func contents(reply: String, draft: DeskAPI.DraftView, renderer: ReviewRenderer) -> String {
        var lines = [reply, "", marker]
        var customer = ReviewRenderer.customerFull(draft.customer)
        if let followers = draft.customer.followers {
            customer += ", " + ReviewRenderer.followers(followers)
        }
        lines.append("# Reply to \(customer) on \(draft.platform.rawValue).")
        lines.append(
            "# Limit: \(draft.replyLengthLimit) characters on \(draft.platform.rawValue); the draft has "
                + "\(draft.text.count).")
        lines.append("#")
        let said = draft.mentionCreatedAt.map { ", \(RelativeTime.since(rfc3339: $0, now: renderer.now))" } ?? ""
        let url = draft.mentionUrl.map { ", " + TerminalText.oneLine($0) } ?? ""
        lines.append("# The mention\(said)\(url):")
        for line in TerminalText.wrapped(draft.mentionText ?? draft.excerpt, toWidth: wrapWidth) {
            lines.append("#   " + line)
        }
        if let contacts = draft.previousContacts, !contacts.isEmpty {
            lines.append("#")
            lines.append("# Earlier contacts, newest first:")
            for contact in contacts {
                lines.append("#   " + renderer.earlierContact(contact))
            }
        }
        lines.append("#")
        lines.append("# Save and close the editor; you will be asked whether to send.")
        return lines.joined(separator: "\n") + "\n"
    }

    /// The reply in a saved file: the lines above the marker, without surrounding white space; and
    /// whether the marker was there.
    package static func reply(in saved: String) -> (text: String, hadMarker: Bool) {
        var kept: [Substring] = []
        var hadMarker = false
        for line in saved.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            if Self.isMarker(line) {
                hadMarker = true
                break
            }
            kept.append(line)
        }
        return (kept.joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines), hadMarker)
    }

    private static func isMarker(_ line: Substring) -> Bool {
        var line = line
        while let last = line.last, last.isWhitespace { line.removeLast() }
        return line == marker
    }
}
