/// Why personalisation data could not be loaded.
package enum PersonalisationError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A resource shipped with the library is missing or unreadable.
    case resourceMissing(name: String)

    package var description: String {
        switch self {
        case .resourceMissing(let name):
            "the bundled resource '\(name)' is missing or unreadable; rebuild or reinstall Courtesy"
        }
    }
}
