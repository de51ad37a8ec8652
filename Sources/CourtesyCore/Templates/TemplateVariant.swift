/// One wording of a reply, compiled for every combination of present values.
struct TemplateVariant: Sendable, Hashable {
    /// The line in the file where the variant starts.
    let line: Int
    /// The variant as written, for messages and duplicate checks.
    let source: String
    /// One form per presence mask (`TemplateVariable.bit`).
    let forms: [TemplateForm]
}
