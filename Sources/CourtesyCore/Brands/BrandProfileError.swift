/// A brands file that cannot be used, with the file and line where it goes wrong.
package struct BrandProfileError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file (its path), or "inline".
    package var source: String
    /// The line, counted from 1, or nil when the whole file is at fault.
    package var line: Int?
    /// What is wrong, in words an operator can act on.
    package var message: String

    package init(source: String, line: Int?, message: String) {
        self.source = source
        self.line = line
        self.message = message
    }

    package var description: String {
        if let line { return "\(source):\(line): \(message)" }
        return "\(source): \(message)"
    }
}
