/// What `TemplateLinter` found.
public struct TemplateCheckReport: Sendable, Hashable {
    /// Every problem, errors and warnings, in file order.
    public let problems: [TemplateProblem]
    /// The languages with templates.
    public let languages: [String]
    /// How many template files compiled.
    public let fileCount: Int
    /// How many variants compiled.
    public let variantCount: Int

    /// Whether the templates can be used: no errors (warnings allowed).
    public var passed: Bool { !problems.contains { $0.severity == .error } }

    /// One line for a passing check.
    public var summary: String {
        let errors = problems.filter { $0.severity == .error }.count
        let warnings = problems.count - errors
        return "\(languages.count) language(s) (\(languages.joined(separator: ", "))), \(fileCount) template file(s), "
            + "\(variantCount) variant(s); \(errors) error(s), \(warnings) warning(s)"
    }
}
