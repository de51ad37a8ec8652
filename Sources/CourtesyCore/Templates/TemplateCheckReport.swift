/// What `TemplateLinter` found.
package struct TemplateCheckReport: Sendable, Hashable {
    /// Every problem, errors and warnings, in file order.
    package let problems: [TemplateProblem]
    /// The languages with templates.
    package let languages: [String]
    /// How many template files compiled.
    package let fileCount: Int
    /// How many variants compiled.
    package let variantCount: Int

    /// Whether the templates can be used: no errors (warnings allowed).
    package var passed: Bool { !problems.contains { $0.severity == .error } }

    /// One line for a passing check.
    package var summary: String {
        let errors = problems.filter { $0.severity == .error }.count
        let warnings = problems.count - errors
        return "\(languages.count) language(s) (\(languages.joined(separator: ", "))), \(fileCount) template file(s), "
            + "\(variantCount) variant(s); \(errors) error(s), \(warnings) warning(s)"
    }
}
