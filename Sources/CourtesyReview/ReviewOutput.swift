import Foundation

/// Where the review loop writes: lines for people, and with `--json` the desk's answers for scripts.
package protocol ReviewOutput: Sendable {
    /// One line for a person.
    func line(_ text: String)
    /// A desk answer as the desk sent it.
    func json(_ data: Data)
}
