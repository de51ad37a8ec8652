import CourtesyCore
import Foundation

/// The loop at one moment of a chaos or soak run: how far behind the desk is, and the memory of each
/// process.
struct ChaosSample: Sendable {
    let seconds: Double
    let sent: Int
    /// Drafts the desk holds (pending and decided), if it answered.
    let atDesk: Int?
    let responderResidentBytes: [Int?]
    let deskResidentBytes: Int?

    var tree: JSONTree {
        [
            "seconds": .figure((seconds * 10).rounded() / 10), "sent": .figure(sent), "atDesk": .figure(atDesk ?? -1),
            "responderRSSBytes": .array(responderResidentBytes.map { .figure($0 ?? -1) }),
            "deskRSSBytes": .figure(deskResidentBytes ?? -1),
        ]
    }

    var line: String {
        func mebibytes(_ bytes: Int?) -> String { bytes.map { String(format: "%.1f", Double($0) / 1_048_576) } ?? "-" }
        let behind = atDesk.map { String(max(0, sent - $0)) } ?? "-"
        func padded(_ text: String, _ width: Int) -> String {
            text.padding(toLength: width, withPad: " ", startingAt: 0)
        }
        return String(format: "%6.0fs  ", seconds) + padded(String(sent), 6) + "  "
            + padded(atDesk.map(String.init) ?? "-", 7) + "  " + padded(behind, 6) + "  "
            + padded(responderResidentBytes.map(mebibytes).joined(separator: " / "), 21) + "  "
            + mebibytes(deskResidentBytes)
    }
}
