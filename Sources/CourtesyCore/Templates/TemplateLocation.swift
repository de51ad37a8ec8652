/// Where templates are read from.
public enum TemplateLocation: Sendable, Hashable, CustomStringConvertible {
    /// A directory on disk: `--templates`, `COURTESY_TEMPLATES` or `./templates`.
    case directory(String)
    /// The copy shipped inside the CourtesyCore resource bundle.
    case bundled

    public var description: String {
        switch self {
        case .directory(let path): path
        case .bundled: "the templates shipped with Courtesy"
        }
    }
}
