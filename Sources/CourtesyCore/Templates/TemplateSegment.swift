/// A piece of a compiled template form: fixed text or a value.
enum TemplateSegment: Sendable, Hashable {
    case text(String)
    case value(TemplateVariable)
}
