/// Why an evaluation could not run.
package enum EvaluationError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The data file could not be read.
    case unreadable(path: String, reason: String)
    /// The CSV is malformed.
    case malformedCSV(line: Int, reason: String)
    /// A column the evaluation needs is missing from the header.
    case missingColumn(String)
    /// The file holds no usable rows.
    case empty(path: String)
    /// A line of a tone corpus is not `tone<TAB>text` with a known tone.
    case malformedCorpusLine(line: Int, reason: String)

    /// A one-line explanation.
    package var description: String {
        switch self {
        case .unreadable(let path, let reason): "cannot read \(path): \(reason)"
        case .malformedCSV(let line, let reason): "malformed CSV at line \(line): \(reason)"
        case .missingColumn(let name): "the CSV has no \"\(name)\" column"
        case .empty(let path): "\(path) has no labelled rows"
        case .malformedCorpusLine(let line, let reason): "malformed corpus line \(line): \(reason)"
        }
    }
}
