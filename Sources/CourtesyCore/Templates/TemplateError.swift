/// Why templates could not be loaded or a reply could not be rendered.
package enum TemplateError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The templates directory could not be read.
    case unreadable(path: String, reason: String)
    /// The templates have errors; every one is listed.
    case invalidTemplates([TemplateProblem])
    /// No template for the intent on the platform in the language, nor a default one.
    case noTemplate(language: String, kind: ReplyKind, platform: Platform)
    /// Every variant is longer than the platform allows with these values.
    case noVariantFits(template: String, limit: Int, shortest: Int)

    package var description: String {
        switch self {
        case .unreadable(let path, let reason):
            "cannot read templates at \(path): \(reason)"
        case .invalidTemplates(let problems):
            "the templates have \(problems.count) problem(s):\n"
                + problems.map { "  \($0)" }.joined(separator: "\n")
        case .noTemplate(let language, let kind, let platform):
            "no template for \(kind.rawValue) on \(platform.rawValue) in \"\(language)\" "
                + "(looked for \(language)/\(kind.rawValue).\(platform.rawValue).mustache and "
                + "\(language)/\(kind.rawValue).mustache)"
        case .noVariantFits(let template, let limit, let shortest):
            "every variant of \(template) is too long: the shortest is \(shortest) characters, "
                + "the limit \(limit); add a shorter variant"
        }
    }
}
