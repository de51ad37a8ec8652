import Foundation

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
