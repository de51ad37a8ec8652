/// Why a roster could not be read.
package enum RosterError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file could not be read.
    case unreadable(path: String, reason: String)
    /// The text is not JSON.
    case invalidJSON(reason: String)
    /// A value is missing, of the wrong type or out of range; `path` says where ("agents[2].shifts[0].start").
    case invalidValue(path: String, problem: String)
    /// Two agents share an id.
    case duplicateID(String)
    /// The roster has no agents.
    case empty

    package var description: String {
        switch self {
        case .unreadable(let path, let reason): "cannot read the roster \(path): \(reason)"
        case .invalidJSON(let reason): "the roster is not valid JSON: \(reason)"
        case .invalidValue(let path, let problem): "roster \(path): \(problem)"
        case .duplicateID(let id): "roster: the agent id \"\(id)\" is used more than once"
        case .empty: "roster: \"agents\" is empty; at least one agent is needed"
        }
    }
}
