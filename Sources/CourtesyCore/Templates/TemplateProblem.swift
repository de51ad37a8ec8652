/// Something wrong in the templates, with where it is.
package struct TemplateProblem: Error, Sendable, Hashable, CustomStringConvertible {
    /// How bad it is.
    package enum Severity: String, Sendable, Hashable {
        /// The templates cannot be used as they are.
        case error
        /// The templates work, but something is likely unintended.
        case warning
    }

    /// The file, relative to the templates directory ("en/complaint.x.mustache"), or the directory.
    package let file: String
    /// The line in the file, from 1; nil when the problem is about the file or set as a whole.
    package let line: Int?
    /// How bad it is.
    package let severity: Severity
    /// What is wrong, in a sentence.
    package let message: String

    /// A problem.
    package init(file: String, line: Int?, severity: Severity = .error, message: String) {
        self.file = file
        self.line = line
        self.severity = severity
        self.message = message
    }

    /// `file:line: severity: message`, the form editors and CI logs link.
    package var description: String {
        "\(file)\(line.map { ":\($0)" } ?? ""): \(severity.rawValue): \(message)"
    }
}
