/// A brands file that cannot be used, with the file and line where it goes wrong.
public struct BrandProfileError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file (its path), or "inline".
    public var source: String
    /// The line, counted from 1, or nil when the whole file is at fault.
    public var line: Int?
    /// What is wrong, in words an operator can act on.
    public var message: String

    public init(source: String, line: Int?, message: String) {
        self.source = source
        self.line = line
        self.message = message
    }

    public var description: String {
        if let line { return "\(source):\(line): \(message)" }
        return "\(source): \(message)"
    }
}
