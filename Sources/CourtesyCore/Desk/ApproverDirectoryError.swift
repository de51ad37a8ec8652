/// Why an approver configuration could not be loaded. Messages never include a token or a hash.
package enum ApproverDirectoryError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file could not be read.
    case unreadable(path: String, reason: String)
    /// The file may be written by its group or by other users (`mode` is its permission bits).
    case writableByOthers(path: String, mode: Int)
    /// The file is not well-formed JSON, or a member has the wrong type.
    case invalidJSON(String)
    /// A value is not allowed; `path` is its place, e.g. `approvers[2].role`.
    case invalidValue(path: String, problem: String)
    /// Two approvers have the same name (decisions would not say who decided).
    case duplicateName(String)
    /// Two approvers have the same token hash (a token would not say who presents it).
    case sharedToken(first: String, second: String)
    /// The configuration lists nobody.
    case noApprovers

    /// A one-line explanation.
    package var description: String {
        switch self {
        case .unreadable(let path, let reason): "cannot read approvers file \(path): \(reason)"
        case .writableByOthers(let path, let mode):
            "approvers file \(path) may be written by \(mode & 0o002 != 0 ? "other users" : "its group") (mode \(String(mode, radix: 8))): "
                + "anyone who can write it can make themselves an approver; run `chmod go-w \(path)` (or `chmod 600`)"
        case .invalidJSON(let reason): "approvers configuration: \(reason)"
        case .invalidValue(let path, let problem): "approvers configuration, \(path): \(problem)"
        case .duplicateName(let name): "approvers configuration: the name \"\(name)\" appears twice"
        case .sharedToken(let first, let second):
            "approvers configuration: \"\(first)\" and \"\(second)\" have the same token; give each person their own"
        case .noApprovers: "approvers configuration: list at least one approver"
        }
    }
}
