/// The variants of one template file: one language, one intent, one platform or the default.
struct TemplateSet: Sendable, Hashable {
    /// The template's name: language, intent and platform file ("en/complaint.x").
    let name: String
    /// The file, relative to the templates directory.
    let file: String
    /// The intent the file serves.
    let kind: ReplyKind
    /// The variants in file order.
    let variants: [TemplateVariant]
}
