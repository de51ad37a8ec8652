import CourtesyCore
import Foundation

/// The review configuration file: a JSON object with optional `deskURL`, `token` and `caFile` strings,
/// and nothing else.
struct ConfigFile: Sendable, Hashable {
    var deskURL: String?
    var token: String?
    var caFile: String?

    /// Parses `data`, refusing other members and values that are not strings; `path` names the file in
    /// errors.
    init(parsing data: Data, path: String) throws(ReviewError) {
        let tree: JSONTree
        do {
            tree = try JSONTree(parsing: data)
        } catch {
            throw ReviewError(.usage, "\(path) is not valid JSON")
        }
        guard let members = tree.object else {
            throw ReviewError(.usage, "\(path) must hold a JSON object")
        }
        for name in members.keys.sorted() where !ReviewConfiguration.fileMembers.contains(name) {
            throw ReviewError(
                .usage,
                "\(path): unknown member \"\(name)\" (known: \(ReviewConfiguration.fileMembers.joined(separator: ", ")))"
            )
        }
        func string(_ name: String) throws(ReviewError) -> String? {
            guard let value = members[name], !value.isNull else { return nil }
            guard let text = value.string else {
                throw ReviewError(.usage, "\(path): \"\(name)\" must be a string")
            }
            return text
        }
        deskURL = try string("deskURL")
        token = try string("token")
        caFile = try string("caFile")
    }
}
