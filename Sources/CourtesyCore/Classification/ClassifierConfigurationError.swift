/// Why a classifier configuration could not be loaded.
package enum ClassifierConfigurationError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A shipped resource is missing from the installation.
    case missingResource(String)
    /// A file could not be read.
    case unreadable(path: String, reason: String)
    /// A file was read but its content is wrong.
    case invalid(path: String, reason: String)

    /// A one-line explanation.
    package var description: String {
        switch self {
        case .missingResource(let name): "resource \(name) is missing from the installation"
        case .unreadable(let path, let reason): "cannot read \(path): \(reason)"
        case .invalid(let path, let reason): "invalid configuration in \(path): \(reason)"
        }
    }
}
