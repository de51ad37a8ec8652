import Foundation

/// Lines on standard output, unbuffered; with `json`, the desk's answers go to standard output and the
/// lines for people to standard error, so a script reads only JSON.
package struct TerminalOutput: ReviewOutput {
    /// Whether the desk's answers are printed.
    package var printsJSON: Bool

    package init(printsJSON: Bool) {
        self.printsJSON = printsJSON
    }

    package func line(_ text: String) {
        let handle = printsJSON ? FileHandle.standardError : FileHandle.standardOutput
        handle.write(Data((text + "\n").utf8))
    }

    package func json(_ data: Data) {
        guard printsJSON else { return }
        var bytes = data
        if bytes.last != UInt8(ascii: "\n") { bytes.append(UInt8(ascii: "\n")) }
        FileHandle.standardOutput.write(bytes)
    }
}
