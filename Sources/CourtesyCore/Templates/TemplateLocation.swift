/// Where templates are read from.
package enum TemplateLocation: Sendable, Hashable, CustomStringConvertible {
    /// A directory on disk: `--templates`, `COURTESY_TEMPLATES` or `./templates`.
    case directory(String)
    /// The copy shipped inside the CourtesyCore resource bundle.
    case bundled

    package var description: String {
        switch self {
        case .directory(let path): path
        case .bundled: "the templates shipped with Courtesy"
        }
    }
}
