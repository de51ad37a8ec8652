import Foundation

/// Writes lines for people straight to standard output, unbuffered, so they appear at once even when
/// standard output is a pipe (a log collector, a test).
enum Console {
    static func line(_ text: String) {
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }
}
