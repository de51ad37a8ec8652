/// Which replies a template set serves within one language.
struct TemplateKey: Sendable, Hashable {
    let kind: ReplyKind
    /// The platform, or nil for the language's default file of the intent.
    let platform: Platform?
}
