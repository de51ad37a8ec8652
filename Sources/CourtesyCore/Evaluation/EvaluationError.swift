import Foundation

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

extension EvaluationError {
    /// The bytes of an evaluation data file, or ``unreadable(path:reason:)`` saying why not.
    static func readFile(_ path: String) throws(EvaluationError) -> [UInt8] {
        do {
            return Array(try Data(contentsOf: URL(fileURLWithPath: path)))
        } catch {
            throw EvaluationError.unreadable(path: path, reason: reason(for: error, path: path))
        }
    }

    /// Why a file could not be read, in the words a person running `courtesy eval` needs.
    private static func reason(for error: any Error, path: String) -> String {
        var isDirectory: ObjCBool = false
        if !FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
            return "no such file"
        }
        if isDirectory.boolValue {
            return "is a directory"
        }
        return (error as NSError).localizedDescription
    }
}
