/// Why a facts configuration could not be loaded: the file, the line (1-based; `nil` when the file could not
/// be read) and what is wrong.
package struct FactConfigurationError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The path or name of the configuration, as given to the loader.
    package let source: String
    /// The line the problem is on, counting from 1.
    package let line: Int?
    /// What is wrong.
    package let problem: Problem

    package init(source: String, line: Int?, problem: Problem) {
        self.source = source
        self.line = line
        self.problem = problem
    }

    /// "facts.conf:3: unknown kind \"parcel\"; use order, booking, flight, tracking or case".
    package var description: String {
        if let line { "\(source):\(line): \(problem)" } else { "\(source): \(problem)" }
    }
}
