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
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: data)
        } catch {
            throw ReviewError(.usage, "\(path) is not valid JSON")
        }
        guard let members = object as? [String: Any] else {
            throw ReviewError(.usage, "\(path) must hold a JSON object")
        }
        for name in members.keys.sorted() where !ReviewConfiguration.fileMembers.contains(name) {
            throw ReviewError(
                .usage,
                "\(path): unknown member \"\(name)\" (known: \(ReviewConfiguration.fileMembers.joined(separator: ", ")))"
            )
        }
        func string(_ name: String) throws(ReviewError) -> String? {
            guard let value = members[name], !(value is NSNull) else { return nil }
            guard let text = value as? String else {
                throw ReviewError(.usage, "\(path): \"\(name)\" must be a string")
            }
            return text
        }
        deskURL = try string("deskURL")
        token = try string("token")
        caFile = try string("caFile")
    }
}
