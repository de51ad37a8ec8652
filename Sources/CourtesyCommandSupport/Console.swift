import Foundation

/// Writes lines for people straight to standard output, unbuffered, so they appear at once even when
/// standard output is a pipe (a log collector, a test).
package enum Console {
    package static func line(_ text: String) {
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }

    /// Prints `error: message` to standard error and exits with status 2: the command could not start.
    package static func fail(_ message: String) -> Never {
        FileHandle.standardError.write(Data("error: \(message)\n".utf8))
        Foundation.exit(2)
    }
}
